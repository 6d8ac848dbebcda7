using Rasid.Records;


namespace Rasid.Dedup;

/// <summary>
/// One event as extracted from one document, with what deduplication needs to know about its source.
/// </summary>
/// <param name="Key">Stable key of the mention: <c>document id + "#" + 0-based ordinal</c> of the event in its document.</param>
/// <param name="DocumentId">The document the mention comes from; mentions of one document are never merged.</param>
/// <param name="Publisher">The outlet, when known.</param>
/// <param name="Url">The article's URL, when known.</param>
/// <param name="Published">The article's publication date, used for unresolved event dates.</param>
/// <param name="Record">The extracted event.</param>
public sealed record DedupMention(string Key, string DocumentId, string? Publisher, string? Url, DateOnly? Published, EventRecord Record)
{
    /// <summary>Builds the stable mention key for the <paramref name="ordinal"/>-th event (0-based) of <paramref name="documentId"/>.</summary>
    public static string MakeKey(string documentId, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return documentId + "#" + ordinal.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>An inclusive range of days in which an event may have happened.</summary>
/// <param name="From">First possible day.</param>
/// <param name="To">Last possible day (inclusive).</param>
public readonly record struct DateWindow(DateOnly From, DateOnly To)
{
    /// <summary>The smallest window that covers both.</summary>
    public DateWindow Union(DateWindow other) =>
        new(From < other.From ? From : other.From, To > other.To ? To : other.To);
}

/// <summary>One source of a merged event with that source's own counts.</summary>
/// <param name="MentionKey">The mention's <see cref="DedupMention.Key"/>.</param>
/// <param name="DocumentId">The source document.</param>
/// <param name="Publisher">The outlet, when known.</param>
/// <param name="Url">The article's URL, when known.</param>
/// <param name="Fatalities">Dead as this source reports it.</param>
/// <param name="Injured">Injured as this source reports it.</param>
/// <param name="Captured">Captured as this source reports it.</param>
/// <param name="Released">Released as this source reports it.</param>
public sealed record EventSource(
    string MentionKey, string DocumentId, string? Publisher, string? Url, int? Fatalities, int? Injured, int? Captured, int? Released);

/// <summary>Which source gave each of a merged event's counts (the mention key, or null when no source gave a figure).</summary>
/// <param name="Fatalities">Mention key that gave the fatalities.</param>
/// <param name="Injured">Mention key that gave the injured count.</param>
/// <param name="Captured">Mention key that gave the captured count.</param>
/// <param name="Released">Mention key that gave the released count.</param>
public sealed record CountSources(string? Fatalities, string? Injured, string? Captured, string? Released);

/// <summary>
/// One real-world event assembled from the mentions of one or more documents: a representative record whose counts
/// follow ACLED's lowest-credible-figure rule, the sources with their own counts, and the date window used to find it again.
/// </summary>
/// <param name="EventKey">Stable key: the smallest member mention key (ordinal order), independent of insertion order.</param>
/// <param name="Record">The merged event; counts are the minimum of the sources' non-null counts.</param>
/// <param name="Sources">Every source, ordered by mention key.</param>
/// <param name="CountSources">Which source gave each count.</param>
/// <param name="Window">Days the event may fall on (null when no member has a date or a publication date).</param>
/// <param name="EarliestPublished">The earliest publication date among the sources, when any.</param>
public sealed record MergedEvent(
    string EventKey, EventRecord Record, IReadOnlyList<EventSource> Sources, CountSources CountSources, DateWindow? Window, DateOnly? EarliestPublished);
