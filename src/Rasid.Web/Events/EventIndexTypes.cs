using Rasid.Storage.Sqlite;

namespace Rasid.Web.Events;

/// <summary>One event of the in-memory index: its stored row plus the folded text that search reads.</summary>
internal sealed class IndexedEvent
{
    public required EventSummaryRow Row { get; init; }

    /// <summary>Folded evidence sentences and notes (<see cref="EventFilter.Fold"/>), for text search.</summary>
    public required string SearchText { get; init; }

    /// <summary>Folded actor names, '|' separated.</summary>
    public required string ActorText { get; init; }
}

/// <summary>
/// 512 bits, one per hashed character and character pair of a text. A text can contain a query only when it has every bit
/// of the query's signature, so most texts are ruled out by eight AND operations instead of a substring search.
/// </summary>
internal struct TextSignature
{
    private Bits _bits;

    public static TextSignature Of(string text)
    {
        var signature = default(TextSignature);
        for (var i = 0; i < text.Length; i++)
        {
            signature.Set(text[i] * 0x9E37);
            if (i + 1 < text.Length)
            {
                signature.Set((text[i] * 0x2F1B) ^ (text[i + 1] * 0x9E37) ^ 0x5BD1);
            }
        }

        return signature;
    }

    /// <summary>True when every bit of <paramref name="query"/> is set here.</summary>
    public readonly bool Covers(in TextSignature query)
    {
        for (var i = 0; i < 8; i++)
        {
            if ((_bits[i] & query._bits[i]) != query._bits[i])
            {
                return false;
            }
        }

        return true;
    }

    private void Set(int hash)
    {
        var bit = (uint)hash % 512;
        _bits[(int)(bit / 64)] |= 1UL << (int)(bit % 64);
    }

    [System.Runtime.CompilerServices.InlineArray(8)]
    private struct Bits
    {
        private ulong _element;
    }
}

/// <summary>
/// The filterable and sortable fields of one event as numbers, kept in one contiguous array parallel to the events: a
/// scan of 100,000 events then reads a few megabytes sequentially instead of chasing pointers through the heap.
/// </summary>
internal struct EventKeys
{
    /// <summary><see cref="DateOnly.DayNumber"/> of the event date; -1 when undated.</summary>
    public int Day;
    public int Type;
    public int SubType;
    public int Country;
    public int Admin1;
    public int Location;

    /// <summary>Fatalities; -1 when not stated.</summary>
    public int Fatalities;
    public int Sources;

    /// <summary>Coordinates; NaN when unknown.</summary>
    public double Latitude;
    public double Longitude;
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
