
namespace Rasid.Ingestion;

/// <summary>Why one input (or one line or item of it) could not be read.</summary>
/// <param name="Origin">The file path, or "stdin".</param>
/// <param name="LineNumber">1-based line in the input (the JSON Lines record, or where the RSS/Atom item or XML fault is), when the failure is local to one.</param>
/// <param name="Message">What is wrong, for the user.</param>
public sealed record IngestError(string Origin, int? LineNumber, string Message)
{
    /// <inheritdoc />
    public override string ToString() => LineNumber is { } n ? $"{Origin}:{n}: {Message}" : $"{Origin}: {Message}";
}

/// <summary>One result of parsing an input: either a document (perhaps with a warning) or an error (never both).</summary>
public readonly record struct IngestItem
{
    private IngestItem(SourceDocument? document, IngestError? error, IngestError? warning = null)
    {
        Document = document;
        Error = error;
        Warning = warning;
    }

    /// <summary>The document, when parsing succeeded.</summary>
    public SourceDocument? Document { get; }

    /// <summary>The error, when it failed.</summary>
    public IngestError? Error { get; }

    /// <summary>Something the user should know about a document that was read (e.g. invalid UTF-8 bytes replaced).</summary>
    public IngestError? Warning { get; }

    /// <summary>A successfully read document.</summary>
    public static IngestItem Ok(SourceDocument document) => new(document, null);

    /// <summary>A document that was read, with a warning about how.</summary>
    public static IngestItem Ok(SourceDocument document, IngestError? warning) => new(document, null, warning);

    /// <summary>A failure.</summary>
    public static IngestItem Failed(IngestError error) => new(null, error);
}

/// <summary>Options for reading inputs.</summary>
public sealed record IngestOptions
{
    /// <summary>Default of <see cref="MaxTextLength"/>: 5 million characters (about 9 MB of Arabic UTF-8).</summary>
    public const int DefaultMaxTextLength = 5_000_000;

    /// <summary>Default of <see cref="MaxHtmlDepth"/>.</summary>
    public const int DefaultMaxHtmlDepth = 1_000;

    /// <summary>Publication date for documents that carry none (`--published`).</summary>
    public DateOnly? DefaultPublished { get; init; }

    /// <summary>
    /// Longest document text accepted, in characters (UTF-16 code units; `--max-chars`). A longer document is refused with an
    /// error naming its file and line, and the batch goes on; an HTML page or feed item whose markup is longer than four times
    /// this is refused before it is parsed.
    /// </summary>
    public int MaxTextLength { get; init; } = DefaultMaxTextLength;

    /// <summary>
    /// Deepest element nesting accepted in HTML (a page, a JSON Lines "html" field, a feed item's content). HTML parsers spend
    /// time proportional to the depth on each tag, so 100,000 nested &lt;div&gt;s cost minutes; such input is refused.
    /// </summary>
    public int MaxHtmlDepth { get; init; } = DefaultMaxHtmlDepth;
}
