namespace Rasid.Dedup;

/// <summary>
/// In-memory incremental deduplication: mentions arrive one at a time and either join the first compatible event
/// (in creation order) or start a new one. Candidates are looked up by admin1 code, then by date window, the same way
/// the SQLite store does through its index. Not thread-safe.
/// </summary>
public sealed class EventClusterer
{
    private readonly DedupOptions _options;
    private readonly List<List<DedupMention>> _events = [];
    private readonly Dictionary<string, List<int>> _byAdmin1 = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty clusterer with the given thresholds (defaults when null).</summary>
    public EventClusterer(DedupOptions? options = null) => _options = options ?? DedupOptions.Default;

    /// <summary>Number of events so far.</summary>
    public int Count => _events.Count;

    /// <summary>Adds a mention; returns the 0-based index of the event it joined or started.</summary>
    public int Add(DedupMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var admin1 = mention.Record.Admin1Code;
        if (admin1 is not null && _byAdmin1.TryGetValue(admin1, out var candidates))
        {
            foreach (var index in candidates)
            {
                if (EventMerger.CanJoin(_events[index], mention, _options))
                {
                    _events[index].Add(mention);
                    return index;
                }
            }
        }

        _events.Add([mention]);
        var created = _events.Count - 1;
        if (admin1 is not null)
        {
            if (!_byAdmin1.TryGetValue(admin1, out var list))
            {
                _byAdmin1[admin1] = list = [];
            }

            list.Add(created);
        }

        return created;
    }

    /// <summary>The merged events, in creation order.</summary>
    public IReadOnlyList<MergedEvent> Events() => _events.Select(e => EventMerger.Merge(e, _options)).ToList();
}
