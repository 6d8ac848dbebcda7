namespace Rasid.Dedup;

/// <summary>A mention as a store holds it: the store's row id and the mention.</summary>
/// <param name="Id">The store's id of the mention row.</param>
/// <param name="Mention">The mention.</param>
public sealed record StoredMention(long Id, DedupMention Mention);

/// <summary>An event as a store holds it: the store's row id and its members, ordered by mention key.</summary>
/// <param name="Id">The store's id of the event row.</param>
/// <param name="Members">The mentions merged into the event.</param>
public sealed record CandidateEvent(long Id, IReadOnlyList<StoredMention> Members);

/// <summary>
/// The port through which <see cref="CrossDocumentMerger"/> reads and writes merged events: a store implements it with
/// its own SQL and keeps no merge logic of its own. All calls happen inside the store's write transaction.
/// </summary>
public interface IMergeStore
{
    /// <summary>
    /// Events of <paramref name="admin1Code"/> whose merge window overlaps <paramref name="range"/> (event window
    /// start ≤ range end and event window end ≥ range start).
    /// </summary>
    IReadOnlyList<CandidateEvent> FindCandidates(string admin1Code, DateWindow range);

    /// <summary>Events holding a mention of <paramref name="documentId"/>, in creation order.</summary>
    IReadOnlyList<CandidateEvent> EventsOfDocument(string documentId);

    /// <summary>Stores a new event made of <paramref name="members"/>; returns its id.</summary>
    long CreateEvent(MergedEvent merged, IReadOnlyList<StoredMention> members);

    /// <summary>Deletes event <paramref name="eventId"/> and its links to its members (the mentions stay).</summary>
    void DeleteEvent(long eventId);
}
