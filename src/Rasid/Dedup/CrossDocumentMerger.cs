namespace Rasid.Dedup;

/// <summary>
/// The cross-document merge over a store (<see cref="IMergeStore"/>), independent of arrival order: the events of a set of
/// mentions are always those of a sequential merge in <b>mention-key order</b> (each mention joins the first event, in
/// creation order, with all of whose members it is compatible — <see cref="EventMerger.CanJoin"/> — or starts one).
/// <para>
/// Incrementally: mentions can only share an event when they are compatible, so that order-defined clustering splits into
/// the connected parts of the "compatible" graph, and a new mention can change only its own part. <see cref="AddAll"/>
/// finds the part of each new mention (its compatible mentions, their events, their compatible mentions, ...), merges the
/// part again in key order, and rewrites only the events whose membership changed. Whatever the order in which batches,
/// processes or workers bring the mentions, the stored events equal one sequential ingest of them all.
/// </para>
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

    /// <summary>How far before a search range an event window may start and still overlap it (for an index on the window start).</summary>
    public static int MaxWindowSpan => MaxWindowSpanDays;

    /// <summary>The days an event's window must overlap to hold a mention compatible with one whose window is <paramref name="window"/>.</summary>
    public DateWindow SearchRange(DateWindow window) =>
        new(window.From.AddDays(-_options.MaxDayGap), window.To.AddDays(_options.MaxDayGap));

    /// <summary>
    /// Takes the mentions of <paramref name="documentId"/> out of their events before the document is replaced: those
    /// events are deleted and their other members returned, to be given to <see cref="AddAll"/> with the new mentions.
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

        return requeue;
    }

    /// <summary>Merges stored mentions that belong to no event yet (new, or returned by <see cref="Detach"/>).</summary>
    public void AddAll(IReadOnlyList<StoredMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        // Mentions of different admin1 codes are never compatible, so each part lies within one code's pending mentions.
        var pending = new Dictionary<string, PendingMentions>(StringComparer.Ordinal);
        var starts = new List<(StoredMention Mention, PendingMentions Own)>();
        foreach (var m in mentions.OrderBy(m => m.Mention.Key, StringComparer.Ordinal))
        {
            if (Admin1(m) is not { } admin1 || EventMerger.WindowOf(m.Mention, _options) is not { } window)
            {
                // Never compatible with anything: an event of its own.
                _store.CreateEvent(EventMerger.Merge([m.Mention], _options), [m]);
                continue;
            }

            if (!pending.TryGetValue(admin1, out var own))
            {
                own = new PendingMentions(admin1);
                pending[admin1] = own;
            }

            own.Add(m, window);
            starts.Add((m, own));
        }

        foreach (var own in pending.Values)
        {
            own.Sort();
        }

        foreach (var (start, own) in starts)
        {
            if (own.ById.ContainsKey(start.Id))
            {
                Remerge(start, own);
            }
        }
    }

    /// <summary>Finds the part of the compatible graph that holds <paramref name="start"/>, merges it again, writes the changes.</summary>
    /// <param name="start">A pending mention.</param>
    /// <param name="pending">The pending mentions of its admin1 code (taken out as they join the part).</param>
    private void Remerge(StoredMention start, PendingMentions pending)
    {
        var part = new Dictionary<long, StoredMention>();
        var events = new Dictionary<long, CandidateEvent>();
        var queue = new Queue<StoredMention>();

        void Take(StoredMention m)
        {
            if (part.TryAdd(m.Id, m))
            {
                pending.ById.Remove(m.Id);
                queue.Enqueue(m);
            }
        }

        Take(start);
        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            var range = SearchRange(EventMerger.WindowOf(x.Mention, _options)!.Value);
            foreach (var e in _store.FindCandidates(pending.Admin1, range))
            {
                if (!events.ContainsKey(e.Id) && e.Members.Any(y => EventMerger.AreCompatible(x.Mention, y.Mention, _options)))
                {
                    events[e.Id] = e;
                    foreach (var y in e.Members)
                    {
                        Take(y);
                    }
                }
            }

            // A compatible mention's window overlaps the search range, so it starts at most a publication window before it.
            foreach (var p in pending.StartingIn(range.From.AddDays(-_options.PublicationWindowDays), range.To)
                .Where(p => EventMerger.AreCompatible(x.Mention, p.Mention, _options)).ToList())
            {
                Take(p);
            }
        }

        // The part merged sequentially in key order: first compatible event in creation order, else a new one.
        var groups = new List<List<StoredMention>>();
        foreach (var m in part.Values.OrderBy(m => m.Mention.Key, StringComparer.Ordinal))
        {
            var home = groups.FirstOrDefault(g => EventMerger.CanJoin(g.Select(x => x.Mention).ToList(), m.Mention, _options));
            if (home is null)
            {
                groups.Add([m]);
            }
            else
            {
                home.Add(m);
            }
        }

        // Events whose membership is unchanged stay as they are; the others are deleted and the new groups created.
        var unchanged = events.Values.ToDictionary(e => Membership(e.Members), e => e.Id, StringComparer.Ordinal);
        var create = new List<List<StoredMention>>();
        foreach (var g in groups)
        {
            if (!unchanged.Remove(Membership(g)))
            {
                create.Add(g);
            }
        }

        foreach (var stale in unchanged.Values.Order())
        {
            _store.DeleteEvent(stale);
        }

        foreach (var g in create)
        {
            _store.CreateEvent(EventMerger.Merge(g.Select(m => m.Mention).ToList(), _options), g);
        }
    }

    /// <summary>The mentions of one admin1 code waiting to be merged, by id and in order of their window's first day.</summary>
    private sealed class PendingMentions(string admin1)
    {
        private readonly List<(DateOnly From, StoredMention Mention)> _byStart = [];

        public string Admin1 { get; } = admin1;

        /// <summary>Those not yet taken into a part.</summary>
        public Dictionary<long, StoredMention> ById { get; } = [];

        public void Add(StoredMention mention, DateWindow window)
        {
            ById[mention.Id] = mention;
            _byStart.Add((window.From, mention));
        }

        /// <summary>Orders the mentions by window start (once all are added).</summary>
        public void Sort() => _byStart.Sort((a, b) => a.From.CompareTo(b.From));

        /// <summary>The mentions not yet taken whose window starts in [from, to].</summary>
        public IEnumerable<StoredMention> StartingIn(DateOnly from, DateOnly to)
        {
            int lo = 0, hi = _byStart.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_byStart[mid].From < from)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            for (var i = lo; i < _byStart.Count && _byStart[i].From <= to; i++)
            {
                if (ById.ContainsKey(_byStart[i].Mention.Id))
                {
                    yield return _byStart[i].Mention;
                }
            }
        }
    }

    private static string Membership(IEnumerable<StoredMention> members) =>
        string.Join(",", members.Select(m => m.Id).Order());

    private static string? Admin1(StoredMention m) => m.Mention.Record.Admin1Code?.ToUpperInvariant();
}
