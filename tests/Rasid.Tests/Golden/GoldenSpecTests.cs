using System.Globalization;
using System.Text;
using Rasid.Data;
using Rasid.Dates;
using Rasid.Numbers;
using Rasid.Text;

namespace Rasid.Tests.Golden;

/// <summary>Runs the examples of Specs/*.md. Each spec is documentation first; see the file for the dump format.</summary>
public class GoldenSpecTests
{
    private static readonly IDataSource s_data = new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data"));
    private static readonly Lazy<NumberRecognizer> s_numbers = new(() => NumberRecognizer.Load(s_data));
    private static readonly Lazy<DateResolver> s_dates = new(() => DateResolver.Load(s_data));

    public static IEnumerable<object[]> NormalizationExamples => SpecFile.Examples("Normalization.md");

    public static IEnumerable<object[]> TokenExamples => SpecFile.Examples("Tokens.md");

    public static IEnumerable<object[]> NumberExamples => SpecFile.Examples("Numbers.md");

    public static IEnumerable<object[]> DateExamples => SpecFile.Examples("Dates.md");

    [Fact]
    public void Specs_hold_at_least_sixty_examples()
    {
        var total = NormalizationExamples.Count() + TokenExamples.Count() + NumberExamples.Count() + DateExamples.Count();
        Assert.True(total >= 60, $"only {total} examples");
    }

    [Theory]
    [MemberData(nameof(NormalizationExamples))]
    public void Normalization_spec(string name, string escapedInput, string attributes, string expected)
    {
        var input = SpecFile.Unescape(escapedInput);
        _ = name;
        _ = attributes;
        Assert.Equal(expected, SpecFile.Escape(ArabicNormalizer.Normalize(input).Text));
    }

    [Theory]
    [MemberData(nameof(TokenExamples))]
    public void Tokens_spec(string name, string escapedInput, string attributes, string expected)
    {
        var input = SpecFile.Unescape(escapedInput);
        _ = name;
        _ = attributes;
        var analyzed = AnalyzedText.Analyze(input);
        var dump = new StringBuilder();
        foreach (var t in analyzed.Tokens)
        {
            var original = analyzed.Normalized.ToOriginal(t.Span);
            dump.Append(CultureInfo.InvariantCulture, $"{t.Kind} {SpecFile.Escape(input[original.Start..original.End])}\n");
        }

        dump.Append(CultureInfo.InvariantCulture, $"sentences {analyzed.Sentences.Count}");
        Assert.Equal(expected, dump.ToString());
    }

    [Theory]
    [MemberData(nameof(NumberExamples))]
    public void Numbers_spec(string name, string escapedInput, string attributes, string expected)
    {
        var input = SpecFile.Unescape(escapedInput);
        _ = name;
        _ = attributes;
        var analyzed = AnalyzedText.Analyze(input);
        var lines = s_numbers.Value.Find(analyzed, s_dates.Value.Find(analyzed, null).TokenRanges()).Select(m =>
        {
            var span = analyzed.Normalized.ToOriginal(m.Span);
            return string.Create(CultureInfo.InvariantCulture, $"{m.Value} {m.Kind} «{input[span.Start..span.End]}»");
        });
        Assert.Equal(expected, string.Join('\n', lines));
    }

    [Theory]
    [MemberData(nameof(DateExamples))]
    public void Dates_spec(string name, string escapedInput, string attributes, string expected)
    {
        var input = SpecFile.Unescape(escapedInput);
        _ = name;
        var published = SpecFile.Attribute(attributes, "published") is { } p
            ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : (DateOnly?)null;
        var analyzed = AnalyzedText.Analyze(input);
        var lines = s_dates.Value.Find(analyzed, published).Select(m =>
        {
            var span = analyzed.Normalized.ToOriginal(m.Span);
            var date = m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null";
            var precision = m.Precision?.ToString(CultureInfo.InvariantCulture) ?? "-";
            return $"{date} p{precision} {(m.IsRelative ? "relative" : "absolute")} «{input[span.Start..span.End]}»";
        });
        Assert.Equal(expected, string.Join('\n', lines));
    }
}
