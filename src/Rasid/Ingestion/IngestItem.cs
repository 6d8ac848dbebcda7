
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

/// <summary>One result of parsing an input: either a document or an error (never both).</summary>
public readonly record struct IngestItem
{
    private IngestItem(SourceDocument? document, IngestError? error)
    {
        Document = document;
        Error = error;
    }

    /// <summary>The document, when parsing succeeded.</summary>
    public SourceDocument? Document { get; }

    /// <summary>The error, when it failed.</summary>
    public IngestError? Error { get; }

    /// <summary>A successfully read document.</summary>
    public static IngestItem Ok(SourceDocument document) => new(document, null);

    /// <summary>A failure.</summary>
    public static IngestItem Failed(IngestError error) => new(null, error);
}

/// <summary>Options for reading inputs.</summary>
public sealed record IngestOptions
{
    /// <summary>Publication date for documents that carry none (`--published`).</summary>
    public DateOnly? DefaultPublished { get; init; }
}
