using System.Text;
using Rasid.Cli;
using Rasid.Records;
using static Rasid.Tests.Dedup.Events;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Storage;

/// <summary>`rasid ingest`, `rasid events` and `rasid export` through the CLI entry point: exit codes and outputs.</summary>
public class StorageCommandsTests
{
    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(string.Empty), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string WriteExtracted(TempFolder temp)
    {
        var path = temp.File("results.jsonl");
        File.WriteAllLines(path, new[]
        {
            Document("a", "2024-03-16", Clash(12)),
            Document("b", "2024-03-16", Clash(8)),
            Document("c", "2024-03-21", Clash(2, "2024-03-20") with { Admin1 = "Ibb", Admin1Code = "YE-IB" }),
        }.Select(RasidJson.ToJsonLine), new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Ingest_names_the_file_and_line_of_a_bad_record_stores_the_rest_and_exits_2()
    {
        using var temp = new TempFolder();
        var input = temp.File("docs.jsonl");
        await File.WriteAllTextAsync(input, "{\"id\":\"d1\",\"text\":\"نص أول\"}\n{not json\n{\"id\":\"d2\",\"text\":\"نص ثان\"}\n");
        var db = temp.File("rasid.db");

        var (code, _, error) = await Run("ingest", input, "--db", db);

        Assert.Equal(2, code);
        var errorLines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("ingest:", StringComparison.Ordinal)).ToList();
        Assert.Single(errorLines);
        Assert.Contains("docs.jsonl:2:", errorLines[0], StringComparison.Ordinal);
        Assert.Equal(2, Scalar(db, "SELECT COUNT(*) FROM documents"));
    }

    [Fact]
    [Trait("Issue", "16")]
    public async Task Ingest_names_the_file_and_line_of_a_document_the_store_refuses_stores_the_rest_of_its_batch_and_exits_2()
    {
        using var temp = new TempFolder();
        var input = temp.File("results.jsonl");
        File.WriteAllLines(input, new[]
        {
            Document("a", "2024-03-16", Clash(12)),
            Document("b", "2024-03-16", Clash(8) with { SubEventType = null! }),
            Document("c", "2024-03-17", Clash(10)),
        }.Select(RasidJson.ToJsonLine), new UTF8Encoding(false));
        var db = temp.File("rasid.db");

        var (code, output, error) = await Run("ingest", "--extracted", input, "--db", db);

        Assert.Equal(2, code);
        var errorLines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("ingest:", StringComparison.Ordinal)).ToList();
        Assert.StartsWith(input + ":2: not stored: ", Assert.Single(errorLines), StringComparison.Ordinal);
        Assert.Contains("1 not stored", output, StringComparison.Ordinal);
        Assert.Contains("2 documents, 2 mentions, 1 events", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_extracted_results_then_events_lists_the_merged_events()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        var (code, output, _) = await Run("ingest", "--extracted", WriteExtracted(temp), "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("3 documents, 3 mentions, 2 events", output, StringComparison.Ordinal);

        var (listCode, table, _) = await Run("events", "--db", db);
        Assert.Equal(0, listCode);
        Assert.Contains("Armed clash", table, StringComparison.Ordinal);
        Assert.Contains("2 events", table, StringComparison.Ordinal);

        var (_, jsonl, _) = await Run("events", "--db", db, "--admin1", "YE-IB", "--format", "jsonl");
        Assert.Single(jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"admin1_code\":\"YE-IB\"", jsonl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_file_atomically_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        await Run("ingest", "--extracted", WriteExtracted(temp), "--db", db);
        var output = temp.File("events.csv");

        var (code, _, _) = await Run("export", "--db", db, "--format", "acled-csv", "--country", "YE", "-o", output);

        Assert.Equal(0, code);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.StartsWith("event_id_cnty,event_date,year,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Empty(Directory.EnumerateFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public async Task Reextract_without_paths_extracts_every_stored_document_again()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        await Run("ingest", "--extracted", WriteExtracted(temp), "--db", db);

        var (code, output, _) = await Run("ingest", "--reextract", "--db", db);

        Assert.Equal(0, code);
        Assert.Contains("3 re-extracted", output, StringComparison.Ordinal);
        AssertConsistent(db);
    }

    [Theory]
    [InlineData(3, "events", "--db", "missing.db")] // no database: storage error
    [InlineData(3, "export", "--format", "jsonl", "--db", "missing.db")] // no database: storage error
    [InlineData(1, "export", "--format", "xlsx")] // unknown format: usage
    [InlineData(1, "events", "--from", "15/03/2024")] // dates are yyyy-MM-dd only
    [InlineData(1, "ingest", "--batch-size", "0")] // batch size must be positive
    public async Task Bad_usage_and_missing_databases_have_documented_exit_codes(int expected, params string[] args)
    {
        using var temp = new TempFolder();
        var rooted = args.Select(a => a.EndsWith(".db", StringComparison.Ordinal) ? temp.File(a) : a).ToArray();
        var (code, _, error) = await Run(rooted);
        Assert.Equal(expected, code);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("ingest", "--db", "x.db", "--pg", "Host=nowhere")]
    [InlineData("export", "--format", "jsonl", "--db", "x.db", "--pg", "Host=nowhere")]
    public async Task Giving_both_a_file_and_a_postgres_store_is_a_usage_error(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("give --db or --pg, not both", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enqueue", "samples")]
    [InlineData("worker")]
    [InlineData("queue")]
    public async Task The_queue_verbs_say_they_need_postgres(params string[] args)
    {
        if (Environment.GetEnvironmentVariable("RASID_PG") is { Length: > 0 })
        {
            return; // the variable gives them a server
        }

        var (code, _, error) = await Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("the queue lives in PostgreSQL: give --pg CONNECTION or set RASID_PG", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_a_storage_error_that_names_it_without_the_password()
    {
        var (code, _, error) = await Run("events", "--pg", "Host=127.0.0.1;Port=1;Username=u;Password=secret-word;Database=d;Timeout=2");
        Assert.Equal(ExitCodes.Storage, code);
        Assert.Contains("PostgreSQL 127.0.0.1:1/d", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", error, StringComparison.Ordinal);
    }
}
