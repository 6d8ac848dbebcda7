using System.Globalization;
using Rasid.Records;
using Rasid.Storage.Sqlite;
using Rasid.Storage;
using static Rasid.Tests.Dedup.Events;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Storage;

public class SqliteEventStoreTests
{
    private static DocumentResult[] ThreeOutletsAndAnotherEvent() =>
    [
        Document("a", "2024-03-16", Clash(12)),
        Document("b", "2024-03-16", Clash(8), Clash(2) with { Admin2 = "Mawza", Latitude = 13.2667, Longitude = 43.5167 }),
        Document("c", "2024-03-17", Clash(10)),
        Document("d", "2024-03-20", Clash(1, "2024-03-19")),
    ];

    [Fact]
    public void Ingesting_the_same_documents_twice_changes_nothing()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        using (var store = Open(db))
        {
            Ingest(store, ThreeOutletsAndAnotherEvent());
        }

        var first = Dump(db);
        IngestSummary second;
        using (var store = Open(db))
        {
            second = Ingest(store, ThreeOutletsAndAnotherEvent());
            Assert.Equal(new StoreCounts(4, 5, 3, 5), store.Counts());
        }

        Assert.Equal(0, second.Stored);
        Assert.Equal(4, second.SkippedSameId);
        Assert.Equal(first, Dump(db));
    }

    [Fact]
    public void The_same_text_under_another_id_is_skipped()
    {
        using var temp = new TempFolder();
        using var store = Open(temp.File("rasid.db"));
        var summary = Ingest(store, [Document("a", "2024-03-16", Clash()), Document("copy-of-a", "2024-03-16", Clash()) with { Text = "نص الخبر a" }]);
        Assert.Equal(1, summary.SkippedSameContent);
        Assert.Equal(1, store.Counts().Documents);
    }

    [Fact]
    public void Reports_in_different_batches_merge_into_one_event_with_each_sources_counts()
    {
        using var temp = new TempFolder();
        using var store = Open(temp.File("rasid.db"));
        Ingest(store, ThreeOutletsAndAnotherEvent(), batchSize: 1);

        var events = store.QueryEvents(new EventQuery());
        Assert.Equal(3, events.Count);
        var merged = Assert.Single(events, e => e.Event.Sources.Count == 3);
        Assert.Equal(8, merged.Event.Record.Fatalities);
        Assert.Equal("b#0000", merged.Event.CountSources.Fatalities);
        Assert.Equal([12, 8, 10], merged.Event.Sources.Select(s => s.Fatalities));
        Assert.StartsWith("YEM", merged.EventIdCnty, StringComparison.Ordinal);
        AssertConsistent(temp.File("rasid.db"));
    }

    [Fact]
    public void Reextraction_rebuilds_the_documents_mentions_and_the_events_they_were_in()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        using var store = Open(db);
        Ingest(store, ThreeOutletsAndAnotherEvent());
        Assert.Equal(8, store.QueryEvents(new EventQuery()).Single(e => e.Event.Sources.Count == 3).Event.Record.Fatalities);

        // Given a new extractor that now places document b's clash in Lahij
        var changed = Document("b", "2024-03-16", Clash(8) with { Admin1 = "Lahij", Admin1Code = "YE-LA" });
        var summary = Ingest(store, [changed], reextract: true);

        // Then b's mention leaves the Taizz event, whose lowest toll is now 10, and forms its own event
        Assert.Equal(1, summary.Reextracted);
        var events = store.QueryEvents(new EventQuery());
        var taizz = Assert.Single(events, e => e.Event.Sources.Count == 2);
        Assert.Equal(10, taizz.Event.Record.Fatalities);
        Assert.Equal(["a", "c"], taizz.Event.Sources.Select(s => s.DocumentId));
        Assert.Single(events, e => e.Event.Record.Admin1Code == "YE-LA");
        Assert.Equal(new StoreCounts(4, 4, 3, 4), store.Counts());
        AssertConsistent(db);
    }

    [Fact]
    public void Without_reextract_a_stored_id_is_not_extracted_again()
    {
        using var temp = new TempFolder();
        using var store = Open(temp.File("rasid.db"));
        Ingest(store, [Document("a", "2024-03-16", Clash(12))]);
        Ingest(store, [Document("a", "2024-03-16", Clash(3))]);
        Assert.Equal(12, Assert.Single(store.QueryEvents(new EventQuery())).Event.Record.Fatalities);
    }

    [Fact]
    public void Event_ids_do_not_depend_on_ingestion_order()
    {
        using var temp = new TempFolder();
        using var forward = Open(temp.File("forward.db"));
        using var backward = Open(temp.File("backward.db"));
        Ingest(forward, ThreeOutletsAndAnotherEvent());
        Ingest(backward, ThreeOutletsAndAnotherEvent().Reverse());
        Assert.Equal(
            forward.QueryEvents(new EventQuery()).Select(e => e.EventIdCnty).Order(StringComparer.Ordinal),
            backward.QueryEvents(new EventQuery()).Select(e => e.EventIdCnty).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("country", "YE", 3)] // all are in Yemen
    [InlineData("country", "SY", 0)] // none in Syria
    [InlineData("admin1", "ye-ta", 3)] // codes match case-insensitively
    [InlineData("type", "Armed clash", 3)] // sub-event type
    [InlineData("type", "Protests", 0)] // event type
    [InlineData("actor", "houthi", 3)] // English substring, any case
    [InlineData("actor", "الحوثي", 3)] // Arabic name
    [InlineData("from", "2024-03-16", 1)] // only the 19 March clash
    [InlineData("to", "2024-03-15", 2)] // the two 15 March clashes
    [InlineData("limit", "1", 1)] // at most one
    public void Queries_filter_events(string filter, string value, int expected)
    {
        using var temp = new TempFolder();
        using var store = Open(temp.File("rasid.db"));
        Ingest(store, ThreeOutletsAndAnotherEvent());
        var date = filter is "from" or "to" ? DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
        var query = filter switch
        {
            "country" => new EventQuery { Country = value },
            "admin1" => new EventQuery { Admin1 = value },
            "type" => new EventQuery { Type = value },
            "actor" => new EventQuery { Actor = value },
            "from" => new EventQuery { From = date },
            "to" => new EventQuery { To = date },
            _ => new EventQuery { Limit = int.Parse(value, CultureInfo.InvariantCulture) },
        };
        Assert.Equal(expected, store.QueryEvents(query).Count);
    }

    [Fact]
    public void Bidi_and_zero_width_controls_do_not_reach_stored_fields()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        using (var store = Open(db))
        {
            var dirty = Clash() with
            {
                Actor1 = Actor("Houthis\u200F", 2, "\u200Fالحوثي\u200C"),
                LocationAr = "\u202Bتعز\u202C",
                Notes = "On 15 March\u200E 2024",
            };
            Ingest(store, [Document("a", "2024-03-16", dirty) with { Publisher = "\uFEFFSaba\u2067", Title = "عنوان\u200B" }]);
        }

        var dump = Dump(db);
        // Skip the documents' text column: it is stored as read so that evidence offsets stay valid.
        var fields = dump.Split('\n').SelectMany(l => l.Split('\t')).Where(f => !f.StartsWith("text=", StringComparison.Ordinal));
        Assert.DoesNotContain(fields, f => f.Any(ControlCharacters.IsControl));
        Assert.Contains("publisher=Saba", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_stored_in_the_invariant_form_under_an_arabic_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            using var temp = new TempFolder();
            var db = temp.File("rasid.db");
            using (var store = Open(db))
            {
                Ingest(store, ThreeOutletsAndAnotherEvent());
                Assert.Equal(new DateOnly(2024, 3, 15), store.QueryEvents(new EventQuery { Limit = 1 })[0].EventDate);
            }

            Assert.Equal(2, Scalar(db, "SELECT COUNT(*) FROM events WHERE event_date = '2024-03-15'"));
            Assert.Equal(2, Scalar(db, "SELECT COUNT(*) FROM documents WHERE published = '2024-03-16'"));
            Assert.DoesNotContain('\u200F', Dump(db));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    [Trait("Issue", "16")]
    public void A_document_the_store_refuses_leaves_nothing_behind_and_the_rest_of_its_batch_is_stored()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        var b = Document("b", "2024-03-16", Clash(3));
        var c = Document("c", "2024-03-16", Clash(4), Clash(6) with { SubEventType = null! });
        var d = Document("d", "2024-03-17", Clash(5));
        var clean = temp.File("clean.db");
        using (var store = Open(clean))
        {
            Ingest(store, [Document("a", "2024-03-16", Clash()), b, d]);
        }

        using (var store = Open(db))
        {
            Ingest(store, [Document("a", "2024-03-16", Clash())]);

            // Given a batch whose second document breaks a NOT NULL constraint on its second mention, after its document
            // row and first mention are written
            var refused = new List<string>();
            var outcomes = store.WriteBatch(
                [.. new[] { b, c, d }.Select(r => new StoredDocument(ToSource(r), ContentHashing.Sha256Hex(r.Text!), r.Text!, "test/1", r))],
                (document, error) => refused.Add(document.Source.Id + ": " + error.Message));

            Assert.Equal([WriteOutcome.Stored, WriteOutcome.Failed, WriteOutcome.Stored], outcomes);
            Assert.Contains("c: ", Assert.Single(refused), StringComparison.Ordinal);
            Assert.Contains("NOT NULL", refused[0], StringComparison.Ordinal);
        }

        // Nothing of c is stored, and b and d merged as they do without it.
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM documents WHERE id = 'c'") + Scalar(db, "SELECT COUNT(*) FROM mentions WHERE document_id = 'c'"));
        AssertConsistent(db);
        Assert.Equal(Dump(clean), Dump(db));
    }

    [Fact]
    public void Within_a_batch_a_repeated_text_is_skipped_and_reported()
    {
        using var temp = new TempFolder();
        using var store = Open(temp.File("rasid.db"));
        var b = Document("b", "2024-03-16", Clash(3));
        var c = Document("c", "2024-03-16", Clash(4));
        var outcomes = store.WriteBatch([new StoredDocument(ToSource(b), "same-hash", "t", "test/1", b), new StoredDocument(ToSource(c), "same-hash", "t", "test/1", c)]);
        Assert.Equal([WriteOutcome.Stored, WriteOutcome.SkippedSameContent], outcomes);
        Assert.Equal(1, store.Counts().Documents);
    }
}
