namespace Rasid.Dedup;

/// <summary>
/// The incremental cross-document merge over a store (<see cref="IMergeStore"/>): a new mention joins the first
/// candidate event, in creation order, with all of whose members it is compatible (<see cref="EventMerger.CanJoin"/>),
/// or starts a new event. Candidates are the events of its admin1 whose window may reach its own.
/// </summary>
public sealed class CrossDocumentMerger
{
    // An event's window spans at most a few days (members are pairwise compatible), so candidates start at most this early.
    private const int MaxWindowSpanDays = 14;

    private readonly IMergeStore _store;
    private readonly DedupOptions _options;

    /// <summary>Creates a merger writing through <paramref name="store"/> with the given thresholds (defaults when null).</summary>
    public CrossDocumentMerger(IMergeStore store, DedupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? DedupOptions.Default;
    }

    /// <summary>The thresholds in use.</summary>
    public DedupOptions Options => _options;

    /// <summary>
    /// The days an event's window must overlap for a mention with <paramref name="window"/> to find it: a day either side,
    /// and early enough to reach an event whose window starts before the mention's.
    /// </summary>
    public DateWindow SearchRange(DateWindow window) =>
        new(window.From.AddDays(-_options.MaxDayGap), window.To.AddDays(_options.MaxDayGap));

    /// <summary>How far before a search range an event window may start and still overlap it (for an index on the window start).</summary>
    public static int MaxWindowSpan => MaxWindowSpanDays;

    /// <summary>
    /// Takes the mentions of <paramref name="documentId"/> out of their events before the document is replaced: those
    /// events are deleted and their other members returned, ordered by key, to be merged again.
    /// </summary>
    public IReadOnlyList<StoredMention> Detach(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        var requeue = new List<StoredMention>();
        foreach (var e in _store.EventsOfDocument(documentId))
        {
            requeue.AddRange(e.Members.Where(m => !string.Equals(m.Mention.DocumentId, documentId, StringComparison.Ordinal)));
            _store.DeleteEvent(e.Id);
        }

        requeue.Sort((a, b) => string.CompareOrdinal(a.Mention.Key, b.Mention.Key));
        return requeue;
    }

    /// <summary>Puts a stored mention into the first compatible candidate event, or into a new event.</summary>
    public void Add(StoredMention member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var mention = member.Mention;
        var admin1 = mention.Record.Admin1Code?.ToUpperInvariant();
        if (admin1 is not null && EventMerger.WindowOf(mention, _options) is { } window)
        {
            foreach (var candidate in _store.FindCandidates(admin1, SearchRange(window)))
            {
                if (EventMerger.CanJoin(candidate.Members.Select(m => m.Mention).ToList(), mention, _options))
                {
                    var members = candidate.Members.Append(member).OrderBy(m => m.Mention.Key, StringComparer.Ordinal).ToList();
                    _store.UpdateEvent(candidate.Id, EventMerger.Merge(members.Select(m => m.Mention).ToList(), _options), members, [member]);
                    return;
                }
            }
        }

        _store.CreateEvent(EventMerger.Merge([mention], _options), [member]);
    }
}
