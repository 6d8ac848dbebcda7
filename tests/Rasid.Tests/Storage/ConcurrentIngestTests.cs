using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasid.Dedup;
using Rasid.Storage;
using static Rasid.Tests.Dedup.Events;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Storage;

/// <summary>
/// Several writers on one SQLite file (issue 13, item 2): whatever the interleaving, the database ends equal to one clean
/// sequential ingest of the same documents, because each batch is one serialised transaction and the merge result does not
/// depend on arrival order.
/// </summary>
public partial class ConcurrentIngestTests
{
    [Fact]
    [Trait("Issue", "13")]
    public async Task Four_concurrent_ingest_processes_with_overlapping_inputs_give_the_database_of_one_clean_run()
    {
        using var temp = new TempFolder();
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var all = SeedVariants(temp.File("variants.jsonl"), copies: 24);
        var reversed = temp.File("reversed.jsonl");
        File.WriteAllLines(reversed, File.ReadAllLines(all).Reverse());
        var lines = File.ReadAllLines(all);
        var firstHalf = temp.File("first.jsonl");
        var secondHalf = temp.File("second.jsonl");
        File.WriteAllLines(firstHalf, lines.Take((lines.Length / 2) + 10));
        File.WriteAllLines(secondHalf, lines.Skip((lines.Length / 2) - 10));

        // Given one clean sequential ingest of everything
        var clean = temp.File("clean.db");
        var (code, _, error) = await CliProcess.RunAsync(["ingest", samples, all, "--db", clean]);
        Assert.True(code == 0, error);

        // When four processes ingest overlapping parts, in different orders and small batches, into one file at once
        var shared = temp.File("shared.db");
        string[][] runs =
        [
            ["ingest", samples, all, "--db", shared, "--batch-size", "5"],
            ["ingest", reversed, "--db", shared, "--batch-size", "3"],
            ["ingest", secondHalf, samples, "--db", shared, "--batch-size", "4"],
            ["ingest", firstHalf, "--db", shared, "--batch-size", "6"],
        ];
        var results = await Task.WhenAll(runs.Select(r => CliProcess.RunAsync(r)));

        // Then every process succeeds, and the documents, mentions, events and sources equal the clean run's
        foreach (var r in results)
        {
            Assert.True(r.ExitCode == 0, r.Error);
        }

        AssertConsistent(shared);
        Assert.Equal(Dump(clean), Dump(shared));
        Assert.True(Scalar(clean, "SELECT COUNT(*) FROM events WHERE source_count >= 3") > 0, "the input should make multi-source events");
        // The "new" counters add up to the documents stored, not more.
        var written = results.Sum(r => long.Parse(NewCount().Match(r.Out).Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Scalar(clean, "SELECT COUNT(*) FROM documents"), written);
    }

    [Fact]
    [Trait("Issue", "13")]
    public void Writers_on_separate_connections_in_threads_give_the_clean_database_whatever_the_order()
    {
        using var temp = new TempFolder();
        var documents = RandomReports(300, seed: 7);
        var clean = temp.File("clean.db");
        using (var store = Open(clean))
        {
            Ingest(store, documents, batchSize: 50);
        }

        // Four threads, each with its own connection, ingest overlapping shuffled slices in small batches.
        var shared = temp.File("shared.db");
        using (Open(shared))
        {
        }

        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            try
            {
                var random = new Random(100 + t);
                var slice = documents.Where((_, i) => i % 4 != t).OrderBy(_ => random.Next()).ToList();
                using var store = Open(shared);
                Ingest(store, slice, batchSize: 3 + t);
            }
            catch (Exception ex)
            {
                errors.Add(ex);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);

        AssertConsistent(shared);
        Assert.Equal(Dump(clean), Dump(shared));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_merged_events_do_not_depend_on_the_order_of_ingestion(int seed)
    {
        using var temp = new TempFolder();
        var documents = RandomReports(400, seed: 20240315);
        var inOrder = temp.File("in-order.db");
        using (var store = Open(inOrder))
        {
            Ingest(store, documents, batchSize: 7);
        }

        var random = new Random(seed);
        var shuffledDb = temp.File("shuffled.db");
        using (var store = Open(shuffledDb))
        {
            Ingest(store, documents.OrderBy(_ => random.Next()).ToList(), batchSize: 1 + seed);
        }

        Assert.Equal(Dump(inOrder), Dump(shuffledDb));
    }

    /// <summary>
    /// Copies of the five seed documents (TestData/dev) as JSON Lines, each with its own id, a distinct last line and a
    /// publication date a few days apart, so that their events merge across copies in more than one way.
    /// </summary>
    internal static string SeedVariants(string path, int copies)
    {
        var seeds = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "dev", "docs.jsonl"));
        var sb = new StringBuilder();
        for (var k = 0; k < copies; k++)
        {
            foreach (var line in seeds)
            {
                var doc = JsonNode.Parse(line)!.AsObject();
                doc["id"] = doc["id"]!.GetValue<string>() + "-v" + k.ToString("D2", CultureInfo.InvariantCulture);
                doc["text"] = doc["text"]!.GetValue<string>() + "\nنسخة " + k.ToString(CultureInfo.InvariantCulture);
                doc["published"] = new DateOnly(2015, 7, 1).AddDays(k % 6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                sb.Append(doc.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).Append('\n');
            }
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"documents in [0-9.]+ s \([0-9]+ docs/s\): ([0-9]+) new")]
    private static partial System.Text.RegularExpressions.Regex NewCount();
}
