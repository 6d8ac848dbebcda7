using Rasid.Cli;

namespace Rasid.Tests.Places;

public class PlacesCommandTests
{
    [Fact]
    public async Task Places_command_lists_mentions_with_spans_candidates_and_choice()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["places", "معارك في بلدة مكيراس بالبيضاء"], new StringReader(string.Empty), output, error);
        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("document country: YE", text, StringComparison.Ordinal);
        Assert.Contains("[14..20) مكيراس -> Mukayras", text, StringComparison.Ordinal);
        Assert.Contains("YE-BA", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Places_command_says_when_a_place_is_an_origin_not_where_it_happened()
    {
        var output = new StringWriter();
        var code = await CliApp.RunAsync(["places", "نصب مسلحون كمينا لقافلة قادمة من مدينة عدن في مديرية طور الباحة"],
            new StringReader(string.Empty), output, new StringWriter());
        Assert.Equal(0, code);
        var aden = output.ToString().Split('\n').Single(l => l.Contains("عدن ->", StringComparison.Ordinal));
        Assert.EndsWith("an origin or landmark", aden.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Places_command_without_text_is_a_usage_error()
    {
        var code = await CliApp.RunAsync(["places"], new StringReader(string.Empty), new StringWriter(), new StringWriter());
        Assert.Equal(1, code);
    }
}
