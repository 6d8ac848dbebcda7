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
        var documents = RandomReports(400, seed: 20240315);

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
