namespace Rasid.Dedup;

/// <summary>Thresholds of the cross-report merge rule (see docs/store.md).</summary>
public sealed record DedupOptions
{
    /// <summary>The defaults: one day between resolved dates, two days between publications, 10 km.</summary>
    public static DedupOptions Default { get; } = new();

    /// <summary>Largest difference, in days, between two resolved event dates of one event.</summary>
    public int MaxDayGap { get; init; } = 1;

    /// <summary>
    /// For a mention without a resolved date: how many days before its publication date the event may have happened
    /// (two such mentions merge when published at most this many days apart).
    /// </summary>
    public int PublicationWindowDays { get; init; } = 2;

    /// <summary>Largest distance, in kilometres, between the coordinates of two mentions in different (or unknown) districts.</summary>
    public double MaxDistanceKm { get; init; } = 10;
}
