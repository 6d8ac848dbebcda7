using System.Globalization;
using Rasid.Dedup;
using static Rasid.Tests.Dedup.Events;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Dedup;

/// <summary>The merge over the store port, with the port implemented in memory (what a new store has to provide).</summary>
public class CrossDocumentMergerTests
{
    [Fact]
    public void Over_any_store_the_events_are_those_of_a_sequential_merge_in_key_order_whatever_the_arrival_order()
    {
        // Given reports whose merge depends on order (many compatible candidates), and the in-memory clusterer fed in key order
        var mentions = RandomReports(250, seed: 5)
            .SelectMany(d => d.Events.Select((e, k) => Mention(d.DocId, e, k, d.Publisher, d.Published)))
            .ToList();
        var expected = new EventClusterer();
        foreach (var m in mentions.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            expected.Add(m);
        }

        // When they reach a store in a shuffled order, in batches of various sizes
        var random = new Random(9);
        var store = new MemoryMergeStore();
        var merger = new CrossDocumentMerger(store);
        var shuffled = mentions.OrderBy(_ => random.Next()).Select((m, i) => new StoredMention(i + 1, m)).ToList();
        for (var i = 0; i < shuffled.Count;)
        {
            var size = random.Next(1, 12);
            merger.AddAll(shuffled.Skip(i).Take(size).ToList());
            i += size;
        }

        // Then the partition into events is the same, and no mention is lost or doubled
        static string Partition(IEnumerable<IEnumerable<string>> events) =>
            string.Join("\n", events.Select(e => string.Join(",", e.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        Assert.Equal(Partition(expected.Events().Select(e => e.Sources.Select(s => s.MentionKey))), Partition(store.Events.Values.Select(e => e.Members.Select(m => m.Mention.Key))));
        Assert.Equal(mentions.Count, store.Events.Values.Sum(e => e.Members.Count));
    }

    [Fact]
    public void Detaching_a_document_returns_the_other_members_of_its_events()
    {
        var store = new MemoryMergeStore();
        var merger = new CrossDocumentMerger(store);
        merger.AddAll([new StoredMention(1, Mention("a", Clash(3))), new StoredMention(2, Mention("b", Clash(4))), new StoredMention(3, Mention("c", Clash(5)))]);
        Assert.Single(store.Events);

        var requeued = merger.Detach("b");

        Assert.Empty(store.Events);
        Assert.Equal(["a#0000", "c#0000"], requeued.Select(m => m.Mention.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>The port in memory: events in a dictionary, candidates by admin1 and window overlap.</summary>
    private sealed class MemoryMergeStore : IMergeStore
    {
        private long _next;

        public Dictionary<long, (MergedEvent Merged, IReadOnlyList<StoredMention> Members)> Events { get; } = [];

        public IReadOnlyList<CandidateEvent> FindCandidates(string admin1Code, DateWindow range) =>
            Events.Where(e => string.Equals(e.Value.Merged.Record.Admin1Code, admin1Code, StringComparison.OrdinalIgnoreCase)
                    && e.Value.Merged.Window is { } w && w.From <= range.To && w.To >= range.From)
                .OrderBy(e => e.Key).Select(e => new CandidateEvent(e.Key, e.Value.Members)).ToList();

        public IReadOnlyList<CandidateEvent> EventsOfDocument(string documentId) =>
            Events.Where(e => e.Value.Members.Any(m => m.Mention.DocumentId == documentId)).OrderBy(e => e.Key).Select(e => new CandidateEvent(e.Key, e.Value.Members)).ToList();

        public long CreateEvent(MergedEvent merged, IReadOnlyList<StoredMention> members)
        {
            Events[++_next] = (merged, members.ToList());
            return _next;
        }

        public void DeleteEvent(long eventId) => Assert.True(Events.Remove(eventId), "deleted twice: " + eventId.ToString(CultureInfo.InvariantCulture));
    }
}
