namespace Rasid.Ingestion;

/// <summary>
/// One input document as ingested, before boilerplate removal: the text is whatever the reader extracted
/// (plain text, the main text of an HTML page, an RSS item's description...).
/// </summary>
public sealed record SourceDocument
{
    /// <summary>Stable identifier (from the JSON Lines record, or derived from the file name and item index).</summary>
    public required string Id { get; init; }

    /// <summary>The document text as extracted from its container, not yet cleaned of boilerplate.</summary>
    public required string Text { get; init; }

    /// <summary>Headline, when the container has one separately from the text.</summary>
    public string? Title { get; init; }

    /// <summary>Publication date, against which relative dates are resolved; null when unknown.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Source URL when known.</summary>
    public string? Url { get; init; }

    /// <summary>Publisher (outlet) name when known.</summary>
    public string? Publisher { get; init; }

    /// <summary>Where the document came from, for messages: a path, optionally with a 1-based line or item number.</summary>
    public string? Origin { get; init; }
}
