using System.Globalization;
using Rasid.Dedup;
using Rasid.Records;
using Rasid.Storage;
using static Rasid.Tests.Dedup.Events;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Storage;

/// <summary>The store's indexed candidate search finds the same events as comparing with every event in memory.</summary>
public class StoreClusteringAgreementTests
{
    [Fact]
    public void Sqlite_merging_through_the_index_matches_the_in_memory_clusterer()
    {
        // Given 400 seeded pseudo-random reports over few places, days and actors, some undated
        var random = new Random(20240315);
        var admin1 = new[] { "YE-TA", "YE-HD", "YE-MA" };
        var actors = new[] { "Houthis", "Military Forces of Yemen", "AQAP: Al Qaeda in the Arabian Peninsula", EventMerger.UnidentifiedActor };
        var documents = new List<DocumentResult>();
        for (var i = 0; i < 400; i++)
        {
            var day = new DateOnly(2024, 3, 1).AddDays(random.Next(12));
            var events = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Clash(random.Next(0, 20), random.Next(5) == 0 ? null : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) with
            {
                EventType = random.Next(4) == 0 ? "Explosions/Remote violence" : "Battles",
                Admin1Code = admin1[random.Next(admin1.Length)],
                Admin2 = "District " + random.Next(3).ToString(CultureInfo.InvariantCulture),
                Latitude = 13.5 + (random.Next(3) * 0.2),
                Actor1 = Actor(actors[random.Next(actors.Length)], 2),
                Actor2 = random.Next(2) == 0 ? null : Actor(actors[random.Next(actors.Length)], 1),
            }).ToArray();
            documents.Add(Document("d" + i.ToString("D3", CultureInfo.InvariantCulture), day.AddDays(random.Next(3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), events));
        }

        var clusterer = new EventClusterer();
        foreach (var doc in documents)
        {
            for (var k = 0; k < doc.Events.Count; k++)
            {
                clusterer.Add(Mention(doc.DocId, doc.Events[k], k, doc.Publisher, doc.Published));
            }
        }

        using var temp = new TempFolder();
        using var store = Open(temp.File("rasid.db"));
        Ingest(store, documents, batchSize: 7);

        // Then both give the same partition of mentions into events, and some events do merge several reports
        static string Partition(IEnumerable<MergedEvent> events) =>
            string.Join("\n", events.Select(e => string.Join(",", e.Sources.Select(s => s.MentionKey))).Order(StringComparer.Ordinal));
        var expected = Partition(clusterer.Events());
        Assert.Equal(expected, Partition(store.QueryEvents(new EventQuery()).Select(e => e.Event)));
        Assert.Contains(clusterer.Events(), e => e.Sources.Count >= 3);
        AssertConsistent(temp.File("rasid.db"));
    }
}
