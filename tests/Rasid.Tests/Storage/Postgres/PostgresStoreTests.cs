using System.Globalization;
using Rasid.Dedup;
using Rasid.Ingestion;
using Rasid.Records;
using Rasid.Storage.Postgres;
using Rasid.Storage.Sql;
using Rasid.Storage;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Storage.Postgres;

/// <summary>The PostgreSQL store, queue and workers against a real server (issue 15).</summary>
public class PostgresStoreTests
{
    [PostgresFact]
    [Trait("Issue", "15")]
    public async Task Ingest_and_export_through_postgres_give_the_same_csv_as_sqlite_on_the_samples()
    {
        using var pg = new PostgresTestDatabase();
        using var temp = new TempFolder();
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var db = temp.File("rasid.db");
        Assert.Equal(0, (await CliProcess.RunAsync(["ingest", samples, "--db", db])).ExitCode);
        var (code, _, error) = await CliProcess.RunAsync(["ingest", samples, "--pg", pg.Connection]);
        Assert.True(code == 0, error);

        var sqlite = await CliProcess.RunAsync(["export", "--db", db, "--format", "acled-csv"]);
        var postgres = await CliProcess.RunAsync(["export", "--pg", pg.Connection, "--format", "acled-csv"]);
        Assert.Equal(0, postgres.ExitCode);
        Assert.True(sqlite.Out.Split('\n').Length > 20, "the samples should give events");
        Assert.Equal(WithoutTimestamps(sqlite.Out), WithoutTimestamps(postgres.Out));
    }

    [PostgresFact]
    [Trait("Issue", "15")]
    public void Postgres_and_sqlite_merge_the_same_reports_into_the_same_events()
    {
        using var pg = new PostgresTestDatabase();
        using var temp = new TempFolder();
        var documents = RandomReports(200, seed: 11);
        using var sqlite = Open(temp.File("rasid.db"));
        using var postgres = PostgresEventStore.Open(pg.Connection);
        Ingest(sqlite, documents, batchSize: 9);
        Ingest(postgres, documents.AsEnumerable().Reverse(), batchSize: 4);

        Assert.Equal(sqlite.Counts(), postgres.Counts());
        Assert.Equal(Events(sqlite), Events(postgres));
    }

    [PostgresFact]
    [Trait("Issue", "15")]
    public async Task Three_workers_store_every_queued_document_once_and_equal_a_sequential_ingest()
    {
        using var pg = new PostgresTestDatabase();
        using var temp = new TempFolder();
        var input = ConcurrentIngestTests.SeedVariants(temp.File("variants.jsonl"), copies: 12);
        var db = temp.File("rasid.db");
        Assert.Equal(0, (await CliProcess.RunAsync(["ingest", input, "--db", db])).ExitCode);

        var (code, output, error) = await CliProcess.RunAsync(["enqueue", input, "--pg", pg.Connection]);
        Assert.True(code == 0, error);
        Assert.Contains("enqueued 60 of 60", output, StringComparison.Ordinal);
        // Enqueuing again adds nothing.
        Assert.Contains("enqueued 0 of 60", (await CliProcess.RunAsync(["enqueue", input, "--pg", pg.Connection])).Out, StringComparison.Ordinal);
        var workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            CliProcess.RunAsync(["worker", "--pg", pg.Connection, "--exit-when-empty", "--batch-size", (2 + i).ToString(CultureInfo.InvariantCulture), "--name", "w" + i.ToString(CultureInfo.InvariantCulture)])));
        Assert.All(workers, w => Assert.True(w.ExitCode == 0, w.Error));

        Assert.Equal(60, pg.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(60, pg.Scalar("SELECT count(*) FROM queue WHERE state = 'done'"));
        var sqlite = await CliProcess.RunAsync(["export", "--db", db, "--format", "acled-csv-extended"]);
        var postgres = await CliProcess.RunAsync(["export", "--pg", pg.Connection, "--format", "acled-csv-extended"]);
        Assert.Equal(WithoutTimestamps(sqlite.Out), WithoutTimestamps(postgres.Out));
    }

    [PostgresFact]
    [Trait("Issue", "15")]
    public void A_document_that_keeps_failing_is_set_aside_with_its_error_and_the_rest_is_stored()
    {
        using var pg = new PostgresTestDatabase();
        using var store = PostgresEventStore.Open(pg.Connection);
        using var queue = DocumentQueue.Open(pg.Connection);
        var documents = Enumerable.Range(0, 6).Select(i => new SourceDocument { Id = "doc" + i.ToString(CultureInfo.InvariantCulture), Text = "نص " + i.ToString(CultureInfo.InvariantCulture) }).ToList();
        Assert.Equal(6, queue.Enqueue(documents));

        var attempts = 0;
        DocumentResult Extract(SourceDocument d)
        {
            if (d.Id == "doc3")
            {
                attempts++;
                throw new InvalidOperationException("extractor broke on doc3");
            }

            return new DocumentResult { DocId = d.Id, Text = d.Text, Events = [] };
        }

        var worker = new QueueWorker(store, queue, Extract, "test/1", new WorkerOptions { BatchSize = 4, MaxFailures = 3, Backoff = TimeSpan.FromMilliseconds(50), IdleDelay = TimeSpan.FromMilliseconds(20), ExitWhenEmpty = true });
        var summary = worker.Run();

        Assert.Equal(5, summary.Stored);
        Assert.Equal(3, attempts); // tried again with backoff, then set aside
        var poison = Assert.Single(queue.Poison());
        Assert.Equal("doc3", poison.DocumentId);
        Assert.Contains("extractor broke on doc3", poison.Error, StringComparison.Ordinal);
        Assert.Equal(new QueueCounts(0, 0, 5, 1), queue.Counts());
        Assert.Equal(5, store.Counts().Documents);
    }

    [PostgresFact]
    [Trait("Issue", "16")]
    public void A_document_the_store_refuses_fails_alone_and_the_rest_of_its_batch_is_stored_and_done()
    {
        using var pg = new PostgresTestDatabase();
        using var store = PostgresEventStore.Open(pg.Connection);
        using var queue = DocumentQueue.Open(pg.Connection);
        var reports = RandomReports(6, seed: 4);
        var byId = reports.ToDictionary(r => r.DocId);
        Assert.Equal(6, queue.Enqueue(reports.Select(ToSource)));

        // Given an extractor whose result for the third document has a mention the store refuses (no sub-event type)
        DocumentResult Extract(SourceDocument d) => d.Id == reports[2].DocId
            ? byId[d.Id] with { Events = [.. byId[d.Id].Events.Select(e => e with { SubEventType = null! })] }
            : byId[d.Id];

        var worker = new QueueWorker(store, queue, Extract, "test/1", new WorkerOptions { BatchSize = 6, MaxFailures = 1, IdleDelay = TimeSpan.FromMilliseconds(20), ExitWhenEmpty = true });
        var summary = worker.Run();

        Assert.Equal(5, summary.Stored);
        Assert.Equal(1, summary.Failed);
        var poison = Assert.Single(queue.Poison());
        Assert.Equal(reports[2].DocId, poison.DocumentId);
        Assert.Contains("sub_event_type", poison.Error, StringComparison.Ordinal);
        Assert.Equal(new QueueCounts(0, 0, 5, 1), queue.Counts());
        Assert.Equal(5, store.Counts().Documents);
        Assert.Equal(reports.Where((_, i) => i != 2).Sum(r => r.Events.Count), store.Counts().Mentions);
    }

    [PostgresFact]
    [Trait("Issue", "15")]
    public void A_dead_workers_batch_is_taken_over_when_its_lease_runs_out()
    {
        using var pg = new PostgresTestDatabase();
        using var store = PostgresEventStore.Open(pg.Connection);
        using var queue = DocumentQueue.Open(pg.Connection);
        queue.Enqueue(Enumerable.Range(0, 5).Select(i => new SourceDocument { Id = "d" + i.ToString(CultureInfo.InvariantCulture), Text = "خبر " + i.ToString(CultureInfo.InvariantCulture) }));

        // Given a worker that claimed three documents and died
        Assert.Equal(3, queue.Claim("dead", 3, TimeSpan.FromSeconds(2), maxClaims: 5).Count);
        // Then another worker gets only the other two at first
        Assert.Equal(["d3", "d4"], queue.Claim("alive", 10, TimeSpan.FromMinutes(1), maxClaims: 5).Select(c => c.Document.Id));
        Assert.Empty(queue.Claim("alive", 10, TimeSpan.FromMinutes(1), maxClaims: 5));

        // And, after the lease, the dead worker's three
        Thread.Sleep(TimeSpan.FromSeconds(2.5));
        var takenOver = queue.Claim("alive", 10, TimeSpan.FromMinutes(1), maxClaims: 5);
        Assert.Equal(["d0", "d1", "d2"], takenOver.Select(c => c.Document.Id));
        Assert.All(takenOver, c => Assert.Equal(2, c.Claims));
    }

    [PostgresFact]
    [Trait("Issue", "15")]
    public void A_batch_stored_twice_by_two_workers_is_stored_once()
    {
        using var pg = new PostgresTestDatabase();
        using var first = PostgresEventStore.Open(pg.Connection);
        using var second = PostgresEventStore.Open(pg.Connection);
        var documents = RandomReports(20, seed: 3);
        var batch = documents.Select(r => new StoredDocument(ToSource(r), ContentHashing.Sha256Hex(r.Text!), r.Text!, "test/1", r)).ToList();

        Assert.All(first.WriteClaimed(batch, []), o => Assert.Equal(WriteOutcome.Stored, o));
        Assert.All(second.WriteClaimed(batch, []), o => Assert.Equal(WriteOutcome.SkippedSameId, o));
        Assert.Equal(20, pg.Scalar("SELECT count(*) FROM documents"));
        Assert.Equal(0, pg.Scalar("SELECT count(*) FROM mentions m WHERE (SELECT count(*) FROM event_sources es WHERE es.mention_id = m.id) <> 1"));
    }

    [PostgresFact]
    [Trait("Issue", "15")]
    public void An_older_schema_is_upgraded_and_a_newer_one_refused()
    {
        using var pg = new PostgresTestDatabase();
        using (PostgresEventStore.Open(pg.Connection, migrations: [PostgresEventStore.Migrations[0]]))
        {
        }

        Assert.Equal(0, pg.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'queue'"));
        using (PostgresEventStore.Open(pg.Connection))
        {
        }

        Assert.Equal(1, pg.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'queue'"));
        Assert.Equal(PostgresEventStore.Migrations.Count, pg.Scalar("SELECT value::int FROM meta WHERE key = 'schema_version'"));

        pg.Run("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        var ex = Assert.Throws<StoreException>(() => PostgresEventStore.Open(pg.Connection));
        Assert.Contains("schema version 99, newer than this rasid knows", ex.Message, StringComparison.Ordinal);
    }

    private static string Events(IEventStore store) => string.Join("\n", store.QueryEvents(new EventQuery()).Select(e =>
        e.EventIdCnty + " " + string.Join(",", e.Event.Sources.Select(s => s.MentionKey)) + " " + e.Event.Record.Fatalities?.ToString(CultureInfo.InvariantCulture)));

    /// <summary>CSV rows without the last-change timestamp column (it differs between two runs).</summary>
    internal static string WithoutTimestamps(string csv)
    {
        var rows = ParseCsv(csv);
        var index = rows[0].IndexOf("timestamp");
        Assert.True(index >= 0, "no timestamp column");
        return string.Join("\n", rows.Select(r => string.Join("\u241F", r.Where((_, i) => i != index))));
    }

    /// <summary>RFC 4180 records (quoted fields may hold commas, quotes and newlines).</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
