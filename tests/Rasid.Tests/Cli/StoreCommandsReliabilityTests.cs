using System.Text;
using System.Text.Json;
using Rasid.Cli;
using Rasid.Records;
using Rasid.Tests.Storage;
using static Rasid.Tests.Dedup.Events;

namespace Rasid.Tests.Cli;

/// <summary>Issue 13, observations 5, 8 and 9 for `rasid events` and `rasid export`: filters, stray arguments, export errors, undated events.</summary>
[Trait("Issue", "13")]
public class StoreCommandsReliabilityTests
{
    private static Task<(int Code, string Out, string Error)> Run(params string[] args) => CliRunner.Run(args);

    /// <summary>A database with a clash in Taizz (YE-TA), one in Ibb (YE-IB), an undated one in Aleppo (SY-HL).</summary>
    private static async Task<string> Database(TempFolder temp)
    {
        var path = temp.File("results.jsonl");
        File.WriteAllLines(path, new[]
        {
            Document("a", "2024-03-16", Clash(12)),
            Document("b", "2024-03-21", Clash(2, "2024-03-20") with { Admin1 = "Ibb", Admin1Code = "YE-IB", Latitude = 13.97, Longitude = 44.18 }),
            Document("c", null, Clash(1, null) with { Country = "Syria", Iso2 = "SY", Admin1 = "Aleppo", Admin1Code = "SY-HL", Latitude = 36.2, Longitude = 37.16 }),
        }.Select(RasidJson.ToJsonLine), new UTF8Encoding(false));
        var db = temp.File("rasid.db");
        var (code, _, error) = await Run("ingest", "--extracted", path, "--db", db);
        Assert.True(code == 0, error);
        return db;
    }

    private static List<string> Admin1Codes(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("admin1_code").GetString()!)];

    [Theory]
    [InlineData("yemen", "did you mean YE (Yemen)?")]
    [InlineData("YEM", "did you mean YE (Yemen)?")]
    [InlineData("Atlantis", "ISO 3166-1 alpha-2 codes")]
    public async Task A_country_that_is_not_an_iso_code_is_a_usage_error_with_a_suggestion(string value, string hint)
    {
        using var temp = new TempFolder();
        var db = await Database(temp);

        var (code, output, error) = await Run("events", "--db", db, "--country", value);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(hint, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--type", "battle", "did you mean 'Battles'?")]
    [InlineData("--type", "Dance", "event types: Battles")]
    [InlineData("--admin1", "taiz", "ISO 3166-2 province codes")]
    public async Task Other_unknown_filter_values_are_usage_errors(string option, string value, string hint)
    {
        using var temp = new TempFolder();
        var (code, _, error) = await Run("events", "--db", await Database(temp), option, value);

        Assert.Equal(1, code);
        Assert.Contains(hint, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_filter_matches_any_of_its_values()
    {
        using var temp = new TempFolder();
        var db = await Database(temp);

        var (code, both, _) = await Run("events", "--db", db, "--admin1", "YE-IB", "--admin1", "SY-HL", "--format", "jsonl");
        var (_, comma, _) = await Run("events", "--db", db, "--country", "ye,sy", "--type", "Armed clash", "--format", "jsonl");
        var (_, limited, _) = await Run("events", "--db", db, "--country", "SY", "--country", "YE", "--limit", "2", "--format", "jsonl");

        Assert.Equal(0, code);
        Assert.Equal(["YE-IB", "SY-HL"], Admin1Codes(both)); // dated first, then undated, as the store orders them
        Assert.Equal(3, Admin1Codes(comma).Count);
        Assert.Equal(["YE-TA", "YE-IB"], Admin1Codes(limited));
    }

    [Theory]
    [InlineData("events", "stray")]
    [InlineData("export", "stray")]
    public async Task A_stray_argument_is_a_usage_error(string verb, string stray)
    {
        using var temp = new TempFolder();
        var (code, _, error) = await Run(verb, "--db", await Database(temp), "--format", verb == "events" ? "table" : "jsonl", stray);

        Assert.Equal(1, code);
        Assert.Contains($"unexpected argument '{stray}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_valued_option_given_twice_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var (code, _, error) = await Run("events", "--db", await Database(temp), "--limit", "1", "--limit", "2");

        Assert.Equal(1, code);
        Assert.Contains("--limit given more than once", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing-folder/out.csv", "does not exist")]
    [InlineData(".", "it is a folder")]
    [InlineData("", "no file name given")]
    public async Task Export_to_a_place_it_cannot_write_exits_3_with_a_message(string output, string message)
    {
        using var temp = new TempFolder();
        var db = await Database(temp);
        var target = output.Length == 0 ? output : temp.File(output);

        var (code, _, error) = await Run("export", "--db", db, "--format", "acled-csv", "-o", target);

        Assert.Equal(3, code);
        Assert.Contains("rasid export: cannot write", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_events_table_says_why_a_date_is_missing_and_how_to_give_one()
    {
        using var temp = new TempFolder();
        var (code, table, _) = await Run("events", "--db", await Database(temp));

        Assert.Equal(0, code);
        Assert.Contains("1 without a date (?)", table, StringComparison.Ordinal);
        Assert.Contains("--published YYYY-MM-DD", table, StringComparison.Ordinal);
    }
}
