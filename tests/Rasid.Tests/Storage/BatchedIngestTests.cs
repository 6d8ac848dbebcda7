using Rasid.Ingestion;
using Rasid.Records;
using Rasid.Storage;
using static Rasid.Tests.Dedup.Events;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Storage;

/// <summary>
/// The ingest loop with extraction running ahead of the writer on several threads (issue 16): the same database as one
/// document after another, re-runs that change nothing, whole batches after a crash, one refused document alone.
/// </summary>
[Trait("Issue", "16")]
public class BatchedIngestTests
{
    /// <summary>Ingests through the extractor delegate (not pre-extracted inputs), so that extraction runs on the worker threads.</summary>
    private static IngestSummary IngestExtracting(
        IEventStore store, IReadOnlyList<DocumentResult> documents, int threads, int batchSize, Func<SourceDocument, DocumentResult>? extract = null, List<string>? refused = null)
    {
        var byId = documents.GroupBy(d => d.DocId).ToDictionary(g => g.Key, g => g.First());
        var ingestor = new EventIngestor(store, extract ?? (d => byId[d.Id]), "test/1", batchSize, threads);
        return ingestor.Ingest(
            documents.Select(r => new IngestInput(ToSource(r) with { Origin = "docs.jsonl:" + r.DocId })), reextract: false, failed: (input, message) => refused?.Add(input.Document.Origin + ": " + message));
    }

    [Fact]
    public void Extracting_ahead_on_several_threads_gives_the_database_of_a_sequential_run_and_a_rerun_changes_nothing()
    {
        using var temp = new TempFolder();
        var documents = RandomReports(300, seed: 16);
        var sequential = temp.File("sequential.db");
        using (var store = Open(sequential))
        {
            IngestExtracting(store, documents, threads: 1, batchSize: 300);
        }

        // Given the same documents, then the first 40 again (read while their first copies may not be committed yet)
        var db = temp.File("rasid.db");
        var again = documents.Concat(documents.Take(40)).ToList();
        using (var store = Open(db))
        {
            var first = IngestExtracting(store, again, threads: 3, batchSize: 7);
            Assert.Equal(300, first.Stored);
            Assert.Equal(40, first.SkippedSameId);
        }

        AssertConsistent(db);
        var dump = Dump(db);
        Assert.Equal(Dump(sequential), dump);

        using (var store = Open(db))
        {
            var rerun = IngestExtracting(store, documents, threads: 3, batchSize: 7);
            Assert.Equal(0, rerun.Stored);
            Assert.Equal(300, rerun.SkippedSameId);
        }

        Assert.Equal(dump, Dump(db));
    }

    [Fact]
    public void A_crash_between_batches_loses_nothing_committed_and_a_rerun_completes_the_database()
    {
        using var temp = new TempFolder();
        var documents = RandomReports(60, seed: 3);
        var clean = temp.File("clean.db");
        using (var store = Open(clean))
        {
            IngestExtracting(store, documents, threads: 1, batchSize: 60);
        }

        var committed = temp.File("committed.db");
        using (var store = Open(committed))
        {
            IngestExtracting(store, documents.Take(20).ToList(), threads: 1, batchSize: 20);
        }

        // Given an extractor that dies on the 23rd document, while later ones are being extracted ahead of it
        var db = temp.File("rasid.db");
        var byId = documents.ToDictionary(d => d.DocId);
        using (var store = Open(db))
        {
            Assert.Throws<InvalidOperationException>(() => IngestExtracting(store, documents, threads: 2, batchSize: 5, extract: d =>
                d.Id == documents[22].DocId ? throw new InvalidOperationException("crash") : byId[d.Id]));
        }

        // Then the four batches before it are stored whole, and nothing of the fifth.
        AssertConsistent(db);
        Assert.Equal(Dump(committed), Dump(db));

        using (var store = Open(db))
        {
            var rerun = IngestExtracting(store, documents, threads: 2, batchSize: 5);
            Assert.Equal(20, rerun.SkippedSameId);
            Assert.Equal(40, rerun.Stored);
        }

        Assert.Equal(Dump(clean), Dump(db));
    }

    [Fact]
    public void A_document_the_store_refuses_is_named_and_the_rest_of_the_run_is_stored()
    {
        using var temp = new TempFolder();
        var good = RandomReports(30, seed: 5);
        var bad = Document("bad", "2024-03-05", Clash(1), Clash(2) with { SubEventType = null! });
        var clean = temp.File("clean.db");
        using (var store = Open(clean))
        {
            IngestExtracting(store, good, threads: 1, batchSize: 30);
        }

        var db = temp.File("rasid.db");
        var refused = new List<string>();
        using (var store = Open(db))
        {
            var summary = IngestExtracting(store, [.. good.Take(12), bad, .. good.Skip(12)], threads: 2, batchSize: 8, refused: refused);
            Assert.Equal(30, summary.Stored);
            Assert.Equal(1, summary.Failed);
        }

        Assert.StartsWith("docs.jsonl:bad: ", Assert.Single(refused), StringComparison.Ordinal);
        AssertConsistent(db);
        Assert.Equal(Dump(clean), Dump(db));
    }

    [Fact]
    public void A_refused_reextraction_leaves_the_stored_version_and_later_reports_still_merge_into_its_events()
    {
        using var temp = new TempFolder();
        DocumentResult[] first =
        [
            Document("a", "2024-03-16", Clash(12)),
            Document("b", "2024-03-16", Clash(8)),
            Document("c", "2024-03-17", Clash(10)),
        ];
        var later = Document("e", "2024-03-16", Clash(9));
        var clean = temp.File("clean.db");
        using (var store = Open(clean))
        {
            Ingest(store, [.. first, later]);
        }

        var db = temp.File("rasid.db");
        using var stored = Open(db);
        Ingest(stored, first);
        var before = Dump(db);

        // Given a re-extraction of b whose new mention the store refuses (b's event is dissolved, then rolled back)
        var broken = Document("b", "2024-03-16", Clash(8) with { SubEventType = null! });
        var outcomes = stored.WriteBatch([new StoredDocument(ToSource(broken), ContentHashing.Sha256Hex(broken.Text!), broken.Text!, "test/1", broken, Replace: true)]);
        Assert.Equal([WriteOutcome.Failed], outcomes);
        Assert.Equal(before, Dump(db));

        // Then a later report of the same clash, written by the same store, still joins the restored event.
        Ingest(stored, [later]);
        Assert.Equal(Dump(clean), Dump(db));
    }
}
