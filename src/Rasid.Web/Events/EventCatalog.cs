using System.Globalization;
using Rasid.Storage.Sqlite;

namespace Rasid.Web.Events;

/// <summary>One event of the in-memory index: its stored row plus precomputed keys for filtering and sorting.</summary>
internal sealed class IndexedEvent
{
    public required EventSummaryRow Row { get; init; }

    /// <summary>Days since 0001-01-01 of the event date; -1 when undated.</summary>
    public required int DateKey { get; init; }

    /// <summary>Folded evidence sentences and notes, for text search.</summary>
    public required string SearchText { get; init; }

    /// <summary>Folded actor names, '|' separated.</summary>
    public required string ActorText { get; init; }

    /// <summary>Ranks of the string sort keys (type, country, admin1, location) in ordinal order.</summary>
    public int TypeRank { get; set; }

    public int CountryRank { get; set; }

    public int Admin1Rank { get; set; }

    public int LocationRank { get; set; }
}

/// <summary>A page of events and the number of events the filters match.</summary>
internal sealed record EventPage(int Total, int Page, int PageSize, IReadOnlyList<IndexedEvent> Items);

/// <summary>Counts and fatalities of one group.</summary>
internal sealed record StatBucket(string Key, string? Name, int Count, int Fatalities);

/// <summary>Counts and fatalities of one day, split by event type.</summary>
internal sealed record DayBucket(string Date, int Count, int Fatalities, IReadOnlyDictionary<string, int> ByType);

/// <summary>The answer of GET /api/stats.</summary>
internal sealed record EventStats(
    int Total,
    int Fatalities,
    int Undated,
    IReadOnlyList<DayBucket> ByDay,
    IReadOnlyList<StatBucket> ByType,
    IReadOnlyList<StatBucket> ByCountry,
    IReadOnlyList<StatBucket> ByAdmin1);

/// <summary>
/// All events of the database as an immutable in-memory index (a snapshot), rebuilt when the database changes. Filtering,
/// sorting, paging and statistics run over the snapshot, so list and stats requests cost a scan of flat objects rather than
/// a query per event. Reads of whole events (detail, export) go to <see cref="SqliteEventReader"/>.
/// </summary>
internal sealed class EventCatalog(string databasePath)
{
    private readonly Lock _gate = new();
    private Snapshot _snapshot = Snapshot.Empty;

    public string DatabasePath { get; } = databasePath;

    /// <summary>The reader of the database, or null while the file does not exist.</summary>
    public SqliteEventReader? Reader => File.Exists(DatabasePath) ? new SqliteEventReader(DatabasePath) : null;

    /// <summary>The current snapshot, reloaded first when the database file changed since the last load.</summary>
    public IReadOnlyList<IndexedEvent> Events => Current().Events;

    /// <summary>Forgets the snapshot (after this process wrote to the database), so the next request reloads.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _snapshot = Snapshot.Empty;
        }
    }

    /// <summary>The events matching <paramref name="filter"/>, sorted, one page of them, and how many matched.</summary>
    public EventPage Query(EventFilter filter)
    {
        var matches = Match(filter);
        var total = matches.Count;
        var skip = (long)(filter.Page - 1) * filter.PageSize;
        var items = skip >= total ? [] : matches.GetRange((int)skip, (int)Math.Min(filter.PageSize, total - skip));
        return new EventPage(total, filter.Page, filter.PageSize, items);
    }

    /// <summary>Every event matching <paramref name="filter"/>, sorted (no paging).</summary>
    public List<IndexedEvent> Match(EventFilter filter)
    {
        var matches = new List<IndexedEvent>();
        foreach (var e in Current().Events)
        {
            if (Matches(e, filter))
            {
                matches.Add(e);
            }
        }

        // The snapshot is held in date-descending order (ties by id), so the default sort needs no work.
        if (filter.Sort == EventSortKey.Date && filter.Descending)
        {
            return matches;
        }

        var keys = new long[matches.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var e = matches[i];
            long key = filter.Sort switch
            {
                EventSortKey.Date => e.DateKey < 0 ? (filter.Descending ? -1 : int.MaxValue) : e.DateKey,
                EventSortKey.Fatalities => e.Row.Record.Fatalities ?? -1,
                EventSortKey.Type => e.TypeRank,
                EventSortKey.Country => e.CountryRank,
                EventSortKey.Admin1 => e.Admin1Rank,
                EventSortKey.Location => e.LocationRank,
                EventSortKey.Sources => e.Row.SourceCount,
                _ => 0,
            };

            // Key in the high bits, snapshot position in the low bits: a stable sort with ties in date-descending order.
            keys[i] = ((filter.Descending ? -key : key) << 24) | (uint)i;
        }

        var items = matches.ToArray();
        Array.Sort(keys, items);
        return [.. items];
    }

    /// <summary>Counts and fatalities by day (and type), type, country and province of the events matching <paramref name="filter"/>.</summary>
    public EventStats Stats(EventFilter filter)
    {
        int total = 0, fatalities = 0, undated = 0;
        var days = new SortedDictionary<string, (int Count, int Fatalities, Dictionary<string, int> Types)>(StringComparer.Ordinal);
        var types = new Dictionary<string, (string? Name, int Count, int Fatalities)>(StringComparer.Ordinal);
        var countries = new Dictionary<string, (string? Name, int Count, int Fatalities)>(StringComparer.Ordinal);
        var provinces = new Dictionary<string, (string? Name, int Count, int Fatalities)>(StringComparer.Ordinal);
        static void Add(Dictionary<string, (string? Name, int Count, int Fatalities)> into, string key, string? name, int dead)
        {
            into[key] = into.TryGetValue(key, out var b) ? (b.Name ?? name, b.Count + 1, b.Fatalities + dead) : (name, 1, dead);
        }

        foreach (var e in Current().Events)
        {
            if (!Matches(e, filter))
            {
                continue;
            }

            var r = e.Row.Record;
            var dead = r.Fatalities ?? 0;
            total++;
            fatalities += dead;
            if (e.Row.EventDate is { } date)
            {
                if (!days.TryGetValue(date, out var day))
                {
                    day = (0, 0, new Dictionary<string, int>(StringComparer.Ordinal));
                }

                day.Types[r.EventType] = day.Types.GetValueOrDefault(r.EventType) + 1;
                days[date] = (day.Count + 1, day.Fatalities + dead, day.Types);
            }
            else
            {
                undated++;
            }

            Add(types, r.EventType, null, dead);
            Add(countries, r.Iso2?.ToUpperInvariant() ?? "", r.Country, dead);
            Add(provinces, r.Admin1Code?.ToUpperInvariant() ?? "", r.Admin1, dead);
        }

        static List<StatBucket> Buckets(Dictionary<string, (string? Name, int Count, int Fatalities)> from) =>
            [.. from.Select(kv => new StatBucket(kv.Key, kv.Value.Name, kv.Value.Count, kv.Value.Fatalities))
                .OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal)];

        return new EventStats(
            total,
            fatalities,
            undated,
            [.. days.Select(kv => new DayBucket(kv.Key, kv.Value.Count, kv.Value.Fatalities, kv.Value.Types))],
            Buckets(types),
            Buckets(countries),
            Buckets(provinces));
    }

    private static bool Matches(IndexedEvent e, EventFilter f)
    {
        var r = e.Row.Record;
        if (f.Countries.Count > 0 && (r.Iso2 is null || !f.Countries.Contains(r.Iso2)))
        {
            return false;
        }

        if (f.Admin1Codes.Count > 0 && (r.Admin1Code is null || !f.Admin1Codes.Contains(r.Admin1Code)))
        {
            return false;
        }

        if (f.Types.Count > 0 && !f.Types.Contains(r.EventType))
        {
            return false;
        }

        if (f.SubTypes.Count > 0 && !f.SubTypes.Contains(r.SubEventType))
        {
            return false;
        }

        if (f.From is { } from && (e.DateKey < 0 || e.DateKey < from.DayNumber))
        {
            return false;
        }

        if (f.To is { } to && (e.DateKey < 0 || e.DateKey > to.DayNumber))
        {
            return false;
        }

        if (f.MinFatalities is { } min && (r.Fatalities ?? 0) < min)
        {
            return false;
        }

        if (f.Box is { } box && (r.Latitude is not { } lat || r.Longitude is not { } lon || !box.Contains(lat, lon)))
        {
            return false;
        }

        if (f.Actor is { } actor && !e.ActorText.Contains(actor, StringComparison.Ordinal))
        {
            return false;
        }

        return f.Text is not { } text || e.SearchText.Contains(text, StringComparison.Ordinal);
    }

    private Snapshot Current()
    {
        if (!File.Exists(DatabasePath))
        {
            return Snapshot.Empty;
        }

        var reader = new SqliteEventReader(DatabasePath);
        lock (_gate)
        {
            var token = reader.ChangeToken();
            if (!ReferenceEquals(_snapshot, Snapshot.Empty) && string.Equals(_snapshot.Token, token, StringComparison.Ordinal))
            {
                return _snapshot;
            }

            _snapshot = Build(reader.ReadSummaries(), token);
            return _snapshot;
        }
    }

    private static Snapshot Build(IReadOnlyList<EventSummaryRow> rows, string token)
    {
        var events = new List<IndexedEvent>(rows.Count);
        foreach (var row in rows)
        {
            var r = row.Record;
            var dateKey = row.EventDate is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.DayNumber
                : -1;
            events.Add(new IndexedEvent
            {
                Row = row,
                DateKey = dateKey,
                SearchText = EventFilter.Fold(string.Join('\n', row.EvidenceTexts.Append(r.Notes ?? string.Empty))),
                ActorText = EventFilter.Fold(string.Join('|', row.Actors)),
            });
        }

        // Date descending, undated last, then id: the default order of the list.
        events.Sort((a, b) =>
        {
            var byDate = (b.DateKey < 0 ? int.MinValue : b.DateKey).CompareTo(a.DateKey < 0 ? int.MinValue : a.DateKey);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.Row.EventIdCnty, b.Row.EventIdCnty);
        });
        Rank(events, e => e.Row.Record.EventType, (e, rank) => e.TypeRank = rank);
        Rank(events, e => e.Row.Record.Country ?? string.Empty, (e, rank) => e.CountryRank = rank);
        Rank(events, e => e.Row.Record.Admin1 ?? string.Empty, (e, rank) => e.Admin1Rank = rank);
        Rank(events, e => e.Row.Record.Location ?? e.Row.Record.LocationAr ?? string.Empty, (e, rank) => e.LocationRank = rank);
        return new Snapshot(events, token);
    }

    private static void Rank(List<IndexedEvent> events, Func<IndexedEvent, string> key, Action<IndexedEvent, int> set)
    {
        var values = events.Select(key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ranks = new Dictionary<string, int>(values.Count, StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            ranks[values[i]] = i;
        }

        foreach (var e in events)
        {
            set(e, ranks[key(e)]);
        }
    }

    private sealed record Snapshot(IReadOnlyList<IndexedEvent> Events, string Token)
    {
        public static Snapshot Empty { get; } = new([], string.Empty);
    }
}
