using System.Globalization;
using Rasid.Storage.Sqlite;

namespace Rasid.Web.Events;

/// <summary>
/// All events of the database as an immutable in-memory index (a snapshot), rebuilt when the database changes. Filtering,
/// sorting, paging and statistics run over the snapshot, so list and stats requests cost a scan of flat numbers rather
/// than a query per event. Reads of whole events (detail, export) go to <see cref="SqliteEventReader"/>.
/// </summary>
internal sealed class EventCatalog(string databasePath)
{
    private readonly Lock _gate = new();
    private Snapshot _snapshot = Snapshot.Empty;

    public string DatabasePath { get; } = databasePath;

    /// <summary>The reader of the database, or null while the file does not exist.</summary>
    public SqliteEventReader? Reader => File.Exists(DatabasePath) ? new SqliteEventReader(DatabasePath) : null;

    /// <summary>The current snapshot's events, in the default order (date descending, undated last, then id).</summary>
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
        var snapshot = Current();
        var compiled = new CompiledFilter(filter, snapshot);
        var skip = (long)(filter.Page - 1) * filter.PageSize;
        // Walk the events in the requested order (computed once per snapshot and key): count every match, keep the page.
        var order = snapshot.Order(filter.Sort, filter.Descending);
        var page = new List<IndexedEvent>(Math.Min(filter.PageSize, 1024));
        var count = 0;
        for (var n = 0; n < snapshot.Keys.Length; n++)
        {
            var i = order is null ? n : order[n];
            if (compiled.Matches(i))
            {
                if (count >= skip && page.Count < filter.PageSize)
                {
                    page.Add(snapshot.Events[i]);
                }

                count++;
            }
        }

        return new EventPage(count, filter.Page, filter.PageSize, page);
    }

    /// <summary>Every event matching <paramref name="filter"/>, sorted (no paging).</summary>
    public IReadOnlyList<IndexedEvent> Match(EventFilter filter)
    {
        var snapshot = Current();
        var compiled = new CompiledFilter(filter, snapshot);
        var order = snapshot.Order(filter.Sort, filter.Descending);
        var matches = new List<IndexedEvent>();
        for (var n = 0; n < snapshot.Keys.Length; n++)
        {
            var i = order is null ? n : order[n];
            if (compiled.Matches(i))
            {
                matches.Add(snapshot.Events[i]);
            }
        }

        return matches;
    }

    /// <summary>Counts and fatalities by day (and type), type, country and province of the events matching <paramref name="filter"/>.</summary>
    public EventStats Stats(EventFilter filter)
    {
        var snapshot = Current();
        var compiled = new CompiledFilter(filter, snapshot);
        var typeCount = snapshot.Types.Keys.Length;
        int total = 0, fatalities = 0, undated = 0;
        var byType = new int[typeCount * 2];
        var byCountry = new int[snapshot.Countries.Keys.Length * 2];
        var byAdmin1 = new int[snapshot.Admin1s.Keys.Length * 2];
        var span = snapshot.LastDay - snapshot.FirstDay + 1;
        var dayCount = new int[Math.Max(0, span)];
        var dayDead = new int[dayCount.Length];
        var dayType = new int[dayCount.Length * typeCount];
        var keys = snapshot.Keys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (!compiled.Matches(i))
            {
                continue;
            }

            ref readonly var k = ref keys[i];
            var dead = Math.Max(0, k.Fatalities);
            total++;
            fatalities += dead;
            byType[2 * k.Type]++;
            byType[(2 * k.Type) + 1] += dead;
            byCountry[2 * k.Country]++;
            byCountry[(2 * k.Country) + 1] += dead;
            byAdmin1[2 * k.Admin1]++;
            byAdmin1[(2 * k.Admin1) + 1] += dead;
            if (k.Day < 0)
            {
                undated++;
                continue;
            }

            var d = k.Day - snapshot.FirstDay;
            dayCount[d]++;
            dayDead[d] += dead;
            dayType[(d * typeCount) + k.Type]++;
        }

        static List<StatBucket> Buckets(StatKeys keys, int[] counts) =>
            [.. Enumerable.Range(0, keys.Keys.Length).Where(i => counts[2 * i] > 0)
                .Select(i => new StatBucket(keys.Keys[i], keys.Names[i], counts[2 * i], counts[(2 * i) + 1]))
                .OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal)];

        var days = new List<DayBucket>();
        for (var d = 0; d < dayCount.Length; d++)
        {
            if (dayCount[d] == 0)
            {
                continue;
            }

            var types = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var t = 0; t < typeCount; t++)
            {
                if (dayType[(d * typeCount) + t] > 0)
                {
                    types[snapshot.Types.Keys[t]] = dayType[(d * typeCount) + t];
                }
            }

            days.Add(new DayBucket(
                DateOnly.FromDayNumber(snapshot.FirstDay + d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dayCount[d], dayDead[d], types));
        }

        return new EventStats(
            total, fatalities, undated, days, Buckets(snapshot.Types, byType), Buckets(snapshot.Countries, byCountry), Buckets(snapshot.Admin1s, byAdmin1));
    }

    /// <summary>Every position of the snapshot sorted by <paramref name="sort"/> (ties keep the default order).</summary>
    private static int[] SortOrder(Snapshot snapshot, EventSortKey sort, bool descending)
    {
        var positions = new int[snapshot.Keys.Length];
        var sortKeys = new long[positions.Length];
        for (var n = 0; n < positions.Length; n++)
        {
            ref readonly var k = ref snapshot.Keys[n];
            long key = sort switch
            {
                EventSortKey.Date => k.Day < 0 ? (descending ? -1 : int.MaxValue) : k.Day,
                EventSortKey.Fatalities => k.Fatalities,
                EventSortKey.Type => snapshot.Types.Rank[k.Type],
                EventSortKey.Country => snapshot.Countries.Rank[k.Country],
                EventSortKey.Admin1 => snapshot.Admin1s.Rank[k.Admin1],
                EventSortKey.Location => snapshot.Locations.Rank[k.Location],
                EventSortKey.Sources => k.Sources,
                _ => 0,
            };

            // Key in the high bits, snapshot position in the low bits: a stable sort with ties in the default order.
            positions[n] = n;
            sortKeys[n] = ((descending ? -key : key) << 24) | (uint)n;
        }

        Array.Sort(sortKeys, positions);
        return positions;
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
        var ordered = rows.Select(row => (Row: row, Day: ParseDay(row.EventDate)))
            .OrderByDescending(x => x.Day < 0 ? int.MinValue : x.Day)
            .ThenBy(x => x.Row.EventIdCnty, StringComparer.Ordinal)
            .ToArray();
        var events = new IndexedEvent[ordered.Length];
        var keys = new EventKeys[ordered.Length];
        var searchSignatures = new TextSignature[ordered.Length];
        var actorSignatures = new TextSignature[ordered.Length];
        var types = new StatKeysBuilder();
        var subTypes = new StatKeysBuilder();
        var countries = new StatKeysBuilder();
        var admin1s = new StatKeysBuilder();
        var locations = new StatKeysBuilder();
        int firstDay = int.MaxValue, lastDay = int.MinValue;
        for (var i = 0; i < ordered.Length; i++)
        {
            var (row, day) = ordered[i];
            var r = row.Record;
            var searchText = EventFilter.Fold(string.Join('\n', row.EvidenceTexts.Append(r.Notes ?? string.Empty)));
            var actorText = EventFilter.Fold(string.Join('|', row.Actors));
            events[i] = new IndexedEvent
            {
                Row = row,
                SearchText = searchText,
                ActorText = actorText,
            };
            searchSignatures[i] = TextSignature.Of(searchText);
            actorSignatures[i] = TextSignature.Of(actorText);
            keys[i] = new EventKeys
            {
                Day = day,
                Type = types.Id(r.EventType, null),
                SubType = subTypes.Id(r.SubEventType, null),
                Country = countries.Id(r.Iso2?.ToUpperInvariant() ?? string.Empty, r.Country),
                Admin1 = admin1s.Id(r.Admin1Code?.ToUpperInvariant() ?? string.Empty, r.Admin1),
                Location = locations.Id(r.Location ?? r.LocationAr ?? string.Empty, null),
                Fatalities = r.Fatalities ?? -1,
                Sources = row.SourceCount,
                Latitude = r.Latitude ?? double.NaN,
                Longitude = r.Longitude ?? double.NaN,
            };
            if (day >= 0)
            {
                firstDay = Math.Min(firstDay, day);
                lastDay = Math.Max(lastDay, day);
            }
        }

        // Sort ranks: types, countries, provinces and places by their display names.
        return new Snapshot(
            events, keys, searchSignatures, actorSignatures, token, types.Build(byName: false), subTypes.Build(byName: false), countries.Build(byName: true), admin1s.Build(byName: true),
            locations.Build(byName: false), firstDay == int.MaxValue ? 0 : firstDay, lastDay == int.MinValue ? -1 : lastDay);
    }

    private static int ParseDay(string? date) =>
        date is not null && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.DayNumber : -1;

    /// <summary>A filter turned into lookups over the snapshot's ids: sets become flag arrays, the box and dates numbers.</summary>
    private readonly struct CompiledFilter
    {
        private readonly EventKeys[] _keys;
        private readonly IndexedEvent[] _events;
        private readonly TextSignature[] _searchSignatures;
        private readonly TextSignature[] _actorSignatures;
        private readonly bool[]? _types;
        private readonly bool[]? _subTypes;
        private readonly bool[]? _countries;
        private readonly bool[]? _admin1s;
        private readonly int _from;
        private readonly int _to;
        private readonly int _minFatalities;
        private readonly BoundingBox? _box;
        private readonly string? _actor;
        private readonly string? _text;
        private readonly TextSignature _actorSignature;
        private readonly TextSignature _textSignature;

        public CompiledFilter(EventFilter filter, Snapshot snapshot)
        {
            _keys = snapshot.Keys;
            _events = snapshot.Events;
            _searchSignatures = snapshot.SearchSignatures;
            _actorSignatures = snapshot.ActorSignatures;
            _types = Flags(filter.Types, snapshot.Types);
            _subTypes = Flags(filter.SubTypes, snapshot.SubTypes);
            _countries = Flags(filter.Countries, snapshot.Countries);
            _admin1s = Flags(filter.Admin1Codes, snapshot.Admin1s);
            _from = filter.From?.DayNumber ?? int.MinValue;
            _to = filter.To?.DayNumber ?? int.MaxValue;
            _minFatalities = filter.MinFatalities ?? int.MinValue;
            _box = filter.Box;
            _actor = filter.Actor;
            _text = filter.Text;
            _actorSignature = TextSignature.Of(filter.Actor ?? string.Empty);
            _textSignature = TextSignature.Of(filter.Text ?? string.Empty);
        }

        public bool Matches(int i)
        {
            ref readonly var k = ref _keys[i];
            if ((_types is not null && !_types[k.Type]) || (_subTypes is not null && !_subTypes[k.SubType])
                || (_countries is not null && !_countries[k.Country]) || (_admin1s is not null && !_admin1s[k.Admin1]))
            {
                return false;
            }

            if ((_from != int.MinValue || _to != int.MaxValue) && (k.Day < 0 || k.Day < _from || k.Day > _to))
            {
                return false;
            }

            if (_minFatalities != int.MinValue && Math.Max(0, k.Fatalities) < _minFatalities)
            {
                return false;
            }

            // NaN coordinates fail every comparison, so events without a place drop out of a box.
            if (_box is { } box && !box.Contains(k.Latitude, k.Longitude))
            {
                return false;
            }

            if (_actor is not null && !(_actorSignatures[i].Covers(in _actorSignature) && _events[i].ActorText.Contains(_actor, StringComparison.Ordinal)))
            {
                return false;
            }

            return _text is null || (_searchSignatures[i].Covers(in _textSignature) && _events[i].SearchText.Contains(_text, StringComparison.Ordinal));
        }

        private static bool[]? Flags(IReadOnlySet<string> wanted, StatKeys keys)
        {
            if (wanted.Count == 0)
            {
                return null;
            }

            var flags = new bool[keys.Keys.Length];
            for (var i = 0; i < flags.Length; i++)
            {
                flags[i] = wanted.Contains(keys.Keys[i]);
            }

            return flags;
        }
    }

    /// <summary>The distinct keys of one field, a display name for each, and each key's rank in sort order.</summary>
    private sealed record StatKeys(string[] Keys, string?[] Names, int[] Rank);

    private sealed class StatKeysBuilder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _keys = [];
        private readonly List<string?> _names = [];

        public int Id(string key, string? name)
        {
            if (!_ids.TryGetValue(key, out var id))
            {
                _ids[key] = id = _keys.Count;
                _keys.Add(key);
                _names.Add(name);
            }
            else if (_names[id] is null && name is not null)
            {
                _names[id] = name;
            }

            return id;
        }

        public StatKeys Build(bool byName)
        {
            var order = Enumerable.Range(0, _keys.Count).OrderBy(i => byName ? _names[i] ?? _keys[i] : _keys[i], StringComparer.Ordinal).ToArray();
            var rank = new int[order.Length];
            for (var r = 0; r < order.Length; r++)
            {
                rank[order[r]] = r;
            }

            return new StatKeys([.. _keys], [.. _names], rank);
        }
    }

    private sealed record Snapshot(
        IndexedEvent[] Events,
        EventKeys[] Keys,
        TextSignature[] SearchSignatures,
        TextSignature[] ActorSignatures,
        string Token,
        StatKeys Types,
        StatKeys SubTypes,
        StatKeys Countries,
        StatKeys Admin1s,
        StatKeys Locations,
        int FirstDay,
        int LastDay)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(EventSortKey, bool), int[]> _orders = new();

        /// <summary>Positions in <paramref name="sort"/> order; null for the default order (date descending), which is the snapshot's own.</summary>
        public int[]? Order(EventSortKey sort, bool descending) =>
            sort == EventSortKey.Date && descending ? null : _orders.GetOrAdd((sort, descending), key => SortOrder(this, key.Item1, key.Item2));

        public static Snapshot Empty { get; } = new([], [], [], [], string.Empty, Empty0(), Empty0(), Empty0(), Empty0(), Empty0(), 0, -1);

        private static StatKeys Empty0() => new([], [], []);
    }
}
