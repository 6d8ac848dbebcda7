using Rasid.Dedup;

namespace Rasid.Storage.Sql;

/// <summary>
/// The merge windows of stored events per admin1 code, in memory, so that the merge's candidate lookups need no query per
/// mention. It knows every event of an admin1 whose window starts within a range that was read
/// (<see cref="Covers"/>); the store adds and removes the events it writes, and clears the index whenever another writer
/// may have changed the database.
/// </summary>
internal sealed class EventWindowIndex
{
    private readonly Dictionary<string, Admin1Events> _byAdmin1 = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (string Admin1, Entry Entry)> _byId = [];

    /// <summary>Events held.</summary>
    public int Count => _byId.Count;

    /// <summary>True when every event of <paramref name="admin1"/> whose window starts in [from, to] is held.</summary>
    public bool Covers(string admin1, DateOnly from, DateOnly to) =>
        _byAdmin1.TryGetValue(admin1, out var a) && a.Read.Exists(r => r.From <= from && to <= r.To);

    /// <summary>Records that every event of <paramref name="admin1"/> whose window starts in [from, to] has been added.</summary>
    public void MarkRead(string admin1, DateOnly from, DateOnly to)
    {
        var read = Of(admin1).Read;
        // Kept sorted and disjoint: the new range swallows every range it overlaps or touches.
        foreach (var r in read.Where(r => r.From.DayNumber <= to.DayNumber + 1 && from.DayNumber <= r.To.DayNumber + 1).ToList())
        {
            from = r.From < from ? r.From : from;
            to = r.To > to ? r.To : to;
            read.Remove(r);
        }

        var at = read.FindIndex(r => r.From > to);
        read.Insert(at < 0 ? read.Count : at, (from, to));
    }

    /// <summary>Adds event <paramref name="id"/> (no-op when held).</summary>
    public void Add(string admin1, long id, DateWindow window)
    {
        if (_byId.ContainsKey(id))
        {
            return;
        }

        var entry = new Entry(window.From, window.To, id);
        var events = Of(admin1).Events;
        var at = events.BinarySearch(entry);
        events.Insert(at < 0 ? ~at : at, entry);
        _byId[id] = (admin1, entry);
    }

    /// <summary>Removes event <paramref name="id"/> (no-op when not held).</summary>
    public void Remove(long id)
    {
        if (_byId.Remove(id, out var held))
        {
            var events = _byAdmin1[held.Admin1].Events;
            events.RemoveAt(events.BinarySearch(held.Entry));
        }
    }

    /// <summary>Ids, ascending, of the events of <paramref name="admin1"/> whose window starts in [startFrom, startTo] and ends on or after <paramref name="endFrom"/>.</summary>
    public List<long> Find(string admin1, DateOnly startFrom, DateOnly startTo, DateOnly endFrom)
    {
        var ids = new List<long>();
        if (!_byAdmin1.TryGetValue(admin1, out var a))
        {
            return ids;
        }

        var at = a.Events.BinarySearch(new Entry(startFrom, startFrom, long.MinValue));
        for (var i = at < 0 ? ~at : at; i < a.Events.Count && a.Events[i].From <= startTo; i++)
        {
            if (a.Events[i].To >= endFrom)
            {
                ids.Add(a.Events[i].Id);
            }
        }

        ids.Sort();
        return ids;
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _byAdmin1.Clear();
        _byId.Clear();
    }

    private Admin1Events Of(string admin1)
    {
        if (!_byAdmin1.TryGetValue(admin1, out var a))
        {
            a = new Admin1Events();
            _byAdmin1[admin1] = a;
        }

        return a;
    }

    private sealed class Admin1Events
    {
        // Sorted, disjoint, not touching: the ranges of window starts read.
        public List<(DateOnly From, DateOnly To)> Read { get; } = [];

        // Sorted by window start, then id.
        public List<Entry> Events { get; } = [];
    }

    private readonly record struct Entry(DateOnly From, DateOnly To, long Id) : IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            var c = From.CompareTo(other.From);
            return c != 0 ? c : Id.CompareTo(other.Id);
        }
    }
}
