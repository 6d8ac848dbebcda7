using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rasid.Dedup;
using Rasid.Ingestion;
using Rasid.Records;

namespace Rasid.Storage;

/// <summary>What the store already knows about an incoming document.</summary>
public enum DocumentStatus
{
    /// <summary>Neither the id nor the content is stored.</summary>
    New,

    /// <summary>A document with this id is stored (skipped, or re-extracted with --reextract).</summary>
    SameId,

    /// <summary>The same text (content hash) is stored under another id: always skipped.</summary>
    SameContent,
}

/// <summary>One document ready to store: the input, its hash and cleaned text, and its extraction.</summary>
/// <param name="Source">The input document (id, publisher, url, published...).</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the input text's UTF-8 bytes (<see cref="ContentHashing.Sha256Hex"/>).</param>
/// <param name="CleanedText">The text after boilerplate removal, which evidence offsets refer to.</param>
/// <param name="ExtractorVersion">Which extractor produced <paramref name="Result"/> (to find documents worth re-extracting).</param>
/// <param name="Result">The extraction result; its events become the document's mentions, in order.</param>
/// <param name="Replace">True to replace a stored document with the same id (re-extraction); otherwise such a document is skipped.</param>
public sealed record StoredDocument(SourceDocument Source, string ContentHash, string CleanedText, string ExtractorVersion, DocumentResult Result, bool Replace = false)
{
    private IReadOnlyList<MentionRow>? _mentions;

    // A copy made with `with` may have another source or result: it makes its own mention rows.
    private StoredDocument(StoredDocument original)
    {
        Source = original.Source;
        ContentHash = original.ContentHash;
        CleanedText = original.CleanedText;
        ExtractorVersion = original.ExtractorVersion;
        Result = original.Result;
        Replace = original.Replace;
    }

    /// <summary>
    /// The document's events as a store writes them (<see cref="MentionRow.Of"/>), made on first use. The ingest loop asks
    /// for them on its extraction threads, so that the single writer only writes them.
    /// </summary>
    public IReadOnlyList<MentionRow> Mentions => _mentions ??= MentionRow.Of(Source, Result);
}

/// <summary>One event of a document as stores write it: a mention with its key, and its record as JSON.</summary>
/// <param name="Mention">The mention (record and metadata without bidi or zero-width controls).</param>
/// <param name="RecordJson">The record in the schema's JSON.</param>
public sealed record MentionRow(DedupMention Mention, string RecordJson)
{
    /// <summary>The mention rows of <paramref name="result"/>'s events, in order (keys <c>doc_id#0000</c>, ...).</summary>
    public static IReadOnlyList<MentionRow> Of(SourceDocument source, DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(result);
        var rows = new MentionRow[result.Events.Count];
        var publisher = ControlCharacters.Strip(source.Publisher);
        var url = ControlCharacters.Strip(source.Url);
        for (var i = 0; i < rows.Length; i++)
        {
            var record = ControlCharacters.Strip(result.Events[i]);
            rows[i] = new MentionRow(
                new DedupMention(DedupMention.MakeKey(source.Id, i), source.Id, publisher, url, source.Published, record),
                RasidJson.ToJson(record));
        }

        return rows;
    }
}

/// <summary>What a store did with one document of a batch (decided inside the write transaction).</summary>
public enum WriteOutcome
{
    /// <summary>Stored as a new document.</summary>
    Stored,

    /// <summary>Replaced the stored document with the same id (re-extraction).</summary>
    Replaced,

    /// <summary>Skipped: a document with this id is stored (perhaps by another writer meanwhile).</summary>
    SkippedSameId,

    /// <summary>Skipped: the same text is stored under another id.</summary>
    SkippedSameContent,

    /// <summary>
    /// Not stored: the store refused one of the document's rows (a constraint, a value it cannot hold). Its rows were
    /// rolled back alone; the rest of the batch is written.
    /// </summary>
    Failed,
}

/// <summary>A document as read back from a store.</summary>
/// <param name="Document">The document; its text is the stored cleaned text.</param>
/// <param name="ContentHash">The hash stored with it (of the text originally ingested).</param>
/// <param name="ExtractorVersion">The extractor that produced its stored mentions.</param>
public sealed record StoredSource(SourceDocument Document, string ContentHash, string ExtractorVersion);

/// <summary>Filters for listing and exporting events; null fields do not filter.</summary>
public sealed record EventQuery
{
    /// <summary>ISO 3166-1 alpha-2 country code (e.g. YE).</summary>
    public string? Country { get; init; }

    /// <summary>ISO 3166-2 admin1 code (e.g. YE-TA).</summary>
    public string? Admin1 { get; init; }

    /// <summary>Event type or sub-event type, exact (case-insensitive).</summary>
    public string? Type { get; init; }

    /// <summary>Substring of any actor's English or Arabic name.</summary>
    public string? Actor { get; init; }

    /// <summary>First event date to include (inclusive).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last event date to include (inclusive).</summary>
    public DateOnly? To { get; init; }

    /// <summary>At most this many events (null: all).</summary>
    public int? Limit { get; init; }
}

/// <summary>A merged event as read back from a store.</summary>
/// <param name="EventIdCnty">ACLED-style id: alpha-3 country prefix and a number derived from the event key.</param>
/// <param name="EventDate">The date written to exports: the resolved date, else the earliest publication date; null when neither.</param>
/// <param name="Timestamp">Unix seconds of the last change to the event.</param>
/// <param name="Event">The merged event (representative record, sources with their counts, count provenance).</param>
/// <param name="Members">The mentions the event was merged from, ordered by key (full records incl. evidence).</param>
public sealed record StoredEvent(string EventIdCnty, DateOnly? EventDate, long Timestamp, MergedEvent Event, IReadOnlyList<DedupMention> Members);

/// <summary>Row counts of a store, for summaries and tests.</summary>
/// <param name="Documents">Stored documents.</param>
/// <param name="Mentions">Stored mentions (events per document).</param>
/// <param name="Events">Merged events.</param>
/// <param name="EventSources">Event ↔ mention links.</param>
public readonly record struct StoreCounts(long Documents, long Mentions, long Events, long EventSources);

/// <summary>Hashing and id helpers shared by stores.</summary>
public static class ContentHashing
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// ACLED-style event id: the country's alpha-3 code ("XXX" when unknown) followed by 12 digits taken from the SHA-256 of
    /// <paramref name="eventKey"/>. The same key always gives the same id, whatever the order of ingestion.
    /// </summary>
    public static string EventIdCnty(string eventKey, string? iso2, CountryTable countries)
    {
        ArgumentNullException.ThrowIfNull(eventKey);
        ArgumentNullException.ThrowIfNull(countries);
        var prefix = countries.Find(iso2)?.Iso3 ?? "XXX";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(eventKey));
        var number = BitConverter.ToUInt64(hash, 0) % 1_000_000_000_000UL;
        return prefix + number.ToString("D12", CultureInfo.InvariantCulture);
    }
}

/// <summary>The storage contract: documents, their mentions, and events merged across documents.</summary>
public interface IEventStore : IDisposable
{
    /// <summary>Whether a document with this id or this content hash is already stored.</summary>
    DocumentStatus GetStatus(string documentId, string contentHash);

    /// <summary>
    /// Stores a batch in one transaction (serialised against other writers): documents, their mentions, and the merges
    /// into events. The status of each document is checked again inside the transaction: a document whose id is stored is
    /// replaced when <see cref="StoredDocument.Replace"/> (its old mentions leave their events, which are rebuilt) and
    /// skipped otherwise; one whose text is stored under another id is skipped. Each document's rows are written together
    /// or not at all: a document the store refuses is rolled back alone (<see cref="WriteOutcome.Failed"/>, reported to
    /// <paramref name="failed"/>) and the others are stored. Any other error rolls the whole batch back and is thrown.
    /// </summary>
    /// <param name="batch">The documents, in order.</param>
    /// <param name="failed">Told of each document that was refused, with the store's error; may be null.</param>
    /// <returns>What happened to each document, in batch order.</returns>
    IReadOnlyList<WriteOutcome> WriteBatch(IReadOnlyList<StoredDocument> batch, Action<StoredDocument, Exception>? failed = null);

    /// <summary>Ids of all stored documents, ordinally sorted.</summary>
    IReadOnlyList<string> DocumentIds();

    /// <summary>A stored document (its cleaned text as text) with its stored hash and extractor version, or null when unknown.</summary>
    StoredSource? ReadDocument(string documentId);

    /// <summary>Merged events matching <paramref name="query"/>, ordered by event date then id.</summary>
    IReadOnlyList<StoredEvent> QueryEvents(EventQuery query);

    /// <summary>Row counts.</summary>
    StoreCounts Counts();
}
