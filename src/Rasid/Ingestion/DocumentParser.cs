using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rasid.Ingestion;

/// <summary>The container format of an input, chosen by extension or by sniffing the content.</summary>
public enum InputFormat
{
    /// <summary>Plain text: the whole input is one document.</summary>
    Text,

    /// <summary>An HTML page: one document, its main text.</summary>
    Html,

    /// <summary>An RSS or Atom feed: one document per item/entry.</summary>
    Feed,

    /// <summary>JSON Lines: one document per line.</summary>
    JsonLines,
}

/// <summary>
/// Turns the bytes of one input (a .txt, .html, RSS/Atom .xml or .jsonl file, or stdin) into documents.
/// Pure parsing: the caller reads the bytes. Never throws on bad content; problems come back as <see cref="IngestError"/>s.
/// </summary>
public static partial class DocumentParser
{
    private static readonly string[] s_supportedExtensions = [".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl"];

    /// <summary>
    /// True when a file found while walking a folder should be read (.txt .html .htm .xml .rss .atom .jsonl);
    /// other files in folders are skipped silently. Files named explicitly are always read (and sniffed).
    /// </summary>
    public static bool IsSupportedExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path);
        return s_supportedExtensions.Any(e => string.Equals(e, ext, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parses <paramref name="content"/>; <paramref name="origin"/> (a path or "stdin") picks the format by extension and names errors.</summary>
    /// <param name="origin">The file path, or "stdin".</param>
    /// <param name="content">The raw bytes (the encoding is detected).</param>
    /// <param name="options">Limits and defaults.</param>
    /// <param name="name">
    /// The id of a whole-file document (text, HTML) and the stem of a feed's numbered item ids: for a file found in a folder,
    /// its path relative to that folder without extension ("a/index"), so that two index.html files in two folders keep two ids.
    /// Null: the file name without extension, or for stdin "stdin-" and 16 hex digits of the SHA-256 of the bytes.
    /// </param>
    public static IEnumerable<IngestItem> Parse(string origin, ReadOnlyMemory<byte> content, IngestOptions options, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return ParseCore(origin, content.Span, options, name);
        }
#pragma warning disable CA1031 // The contract is "never throws": any parser fault becomes an error for this input.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return [IngestItem.Failed(new IngestError(origin, null, "could not be parsed: " + ex.Message))];
        }
    }

    /// <summary>The format <paramref name="origin"/>'s extension names, sniffing <paramref name="text"/> for .xml/.rss/.atom, stdin and unknown extensions.</summary>
    public static InputFormat DetectFormat(string origin, string text)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(text);
        var ext = Path.GetExtension(origin).ToLowerInvariant();
        switch (ext)
        {
            case ".txt":
                return InputFormat.Text;
            case ".html" or ".htm" or ".xhtml":
                return InputFormat.Html;
            case ".jsonl" or ".ndjson":
                return InputFormat.JsonLines;
            default:
                break;
        }

        if (FeedParser.LooksLikeFeed(text))
        {
            return InputFormat.Feed;
        }

        if (ext is ".xml" or ".rss" or ".atom")
        {
            // Not a feed root: a page saved as .xml is still worth reading as markup.
            return InputFormat.Html;
        }

        if (LooksLikeJsonLines(text))
        {
            return InputFormat.JsonLines;
        }

        return LooksLikeHtml(text) ? InputFormat.Html : InputFormat.Text;
    }

    /// <summary>The id of an input that has no name of its own (stdin): "stdin-" and 16 hex digits of its bytes' SHA-256.</summary>
    public static string ContentId(ReadOnlySpan<byte> bytes) => "stdin-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];

    private static IEnumerable<IngestItem> ParseCore(string origin, ReadOnlySpan<byte> bytes, IngestOptions options, string? name)
    {
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Error is { } problem)
        {
            return [IngestItem.Failed(new IngestError(origin, null, problem))];
        }

        var text = decoded.Text!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [IngestItem.Failed(new IngestError(origin, null, "empty file (only whitespace)"))];
        }

        var id = name ?? (origin == "stdin" ? ContentId(bytes) : Path.GetFileNameWithoutExtension(origin));
        var warning = decoded.Warning is { } w ? new IngestError(origin, null, w) : null;
        var format = DetectFormat(origin, text);
        if (format == InputFormat.JsonLines)
        {
            // Record by record as the caller reads them, so that extraction starts with the first line, not after the last.
            return JsonLines(origin, text, options, warning);
        }

        var items = ParseText(origin, id, text, format, options);
        if (warning is not null)
        {
            // Said once per input, with the first document read from it.
            var first = items.FindIndex(i => i.Document is not null);
            if (first >= 0)
            {
                items[first] = IngestItem.Ok(items[first].Document!, warning);
            }
        }

        return items;
    }

    private static List<IngestItem> ParseText(string origin, string id, string text, InputFormat format, IngestOptions options)
    {
        switch (format)
        {
            case InputFormat.JsonLines:
                return [.. JsonLines(origin, text, options, null)];
            case InputFormat.Feed:
                return FeedParser.Parse(origin, id, text, options);
            case InputFormat.Html:
                if (CheckMarkup(origin, null, text, options) is { } refused)
                {
                    return [refused];
                }

                var page = HtmlExtractor.Extract(text);
                if (string.IsNullOrWhiteSpace(page.Text))
                {
                    return [IngestItem.Failed(new IngestError(origin, null, "no article text found in the HTML"))];
                }

                if (CheckLength(origin, null, page.Text, options) is { } tooLong)
                {
                    return [tooLong];
                }

                return [IngestItem.Ok(new SourceDocument
                {
                    Id = id,
                    Text = page.Text,
                    Title = page.Title,
                    Url = page.Url,
                    Publisher = page.Publisher,
                    Published = page.Published ?? options.DefaultPublished,
                    Origin = origin,
                })];
            default:
                return [CheckLength(origin, null, text, options) ?? IngestItem.Ok(new SourceDocument { Id = id, Text = text, Published = options.DefaultPublished, Origin = origin })];
        }
    }

    /// <summary>An error when <paramref name="text"/> is longer than the options allow, else null.</summary>
    internal static IngestItem? CheckLength(string origin, int? lineNumber, string text, IngestOptions options) =>
        text.Length <= options.MaxTextLength
            ? null
            : IngestItem.Failed(new IngestError(origin, lineNumber,
                string.Create(CultureInfo.InvariantCulture, $"document too long: {text.Length:N0} characters of text (the limit is {options.MaxTextLength:N0}; --max-chars raises it)")));

    /// <summary>An error when HTML markup is too long or too deeply nested to parse in bounded time, else null.</summary>
    internal static IngestItem? CheckMarkup(string origin, int? lineNumber, string html, IngestOptions options)
    {
        var maxMarkup = 4L * options.MaxTextLength;
        if (html.Length > maxMarkup)
        {
            return IngestItem.Failed(new IngestError(origin, lineNumber,
                string.Create(CultureInfo.InvariantCulture, $"HTML too long: {html.Length:N0} characters of markup (the limit is {maxMarkup:N0}, four times --max-chars)")));
        }

        if (HtmlExtractor.ExceedsDepth(html, options.MaxHtmlDepth, out var offset))
        {
            // Where the limit was passed: the line inside a whole page, the record's own line otherwise.
            var line = lineNumber ?? html.AsSpan(0, offset).Count('\n') + 1;
            return IngestItem.Failed(new IngestError(origin, line, string.Create(CultureInfo.InvariantCulture, $"HTML nested deeper than {options.MaxHtmlDepth:N0} elements: not read")));
        }

        return null;
    }

    /// <summary>
    /// The records of a JSON Lines text, one per non-blank line, read as they are asked for; <paramref name="warning"/>
    /// (the input's decoding warning) goes with the first document. Never throws: a fault on a line is that line's error.
    /// </summary>
    private static IEnumerable<IngestItem> JsonLines(string origin, string text, IngestOptions options, IngestError? warning)
    {
        var any = false;
        var lineNumber = 0;
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start).TrimEnd('\r');
            start = end + 1;
            lineNumber++;
            if (line.IsWhiteSpace())
            {
                continue;
            }

            var item = SafeJsonLine(origin, lineNumber, line.ToString(), options);
            any = true;
            if (warning is not null && item.Document is not null)
            {
                item = IngestItem.Ok(item.Document, warning);
                warning = null;
            }

            yield return item;
        }

        if (!any)
        {
            yield return IngestItem.Failed(new IngestError(origin, null, "no JSON records"));
        }
    }

    private static IngestItem SafeJsonLine(string origin, int lineNumber, string line, IngestOptions options)
    {
        try
        {
            return ParseJsonLine(origin, lineNumber, line, options);
        }
#pragma warning disable CA1031 // The contract is "never throws": any parser fault becomes an error for this line.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return IngestItem.Failed(new IngestError(origin, lineNumber, "could not be parsed: " + ex.Message));
        }
    }

    /// <summary>
    /// One non-blank line of a JSON Lines input (without its line break) as a document or an error; what a whole JSON Lines
    /// input gives line by line, for readers that stream a long input instead of holding it whole.
    /// </summary>
    public static IngestItem ParseJsonLine(string origin, int lineNumber, string line, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            using var json = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
            return ReadRecord(origin, lineNumber, json.RootElement, options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-16 ("\ud800" alone), found by fuzzing.
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return IngestItem.Failed(new IngestError(origin, lineNumber, "not valid JSON: " + (cut > 0 ? message[..cut] : message)));
        }
    }

    private static IngestItem ReadRecord(string origin, int lineNumber, JsonElement root, IngestOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return IngestItem.Failed(new IngestError(origin, lineNumber, "a record must be a JSON object"));
        }

        var id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? idEl.ToString().Trim()
            : null;
        if (string.IsNullOrEmpty(id))
        {
            return IngestItem.Failed(new IngestError(origin, lineNumber, "a record needs an \"id\" (string or number)"));
        }

        var title = Str(root, "title");
        var url = Str(root, "url");
        var publisher = Str(root, "publisher");
        DateOnly? published = PublicationDate.TryParse(Str(root, "published"), out var d) ? d : null;
        var body = Str(root, "text");
        if (body is null && Str(root, "html") is { } html)
        {
            if (CheckMarkup(origin, lineNumber, html, options) is { } refused)
            {
                return refused;
            }

            var page = HtmlExtractor.Extract(html);
            body = page.Text;
            title ??= page.Title;
            url ??= page.Url;
            publisher ??= page.Publisher;
            published ??= page.Published;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return IngestItem.Failed(new IngestError(origin, lineNumber, $"record \"{id}\" needs a non-empty \"text\" or \"html\""));
        }

        if (CheckLength(origin, lineNumber, body, options) is { } tooLong)
        {
            return tooLong;
        }

        return IngestItem.Ok(new SourceDocument
        {
            Id = id,
            Text = body,
            Title = title,
            Url = url,
            Publisher = publisher,
            Published = published ?? options.DefaultPublished,
            Origin = $"{origin}:{lineNumber}",
        });
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool LooksLikeJsonLines(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.IsEmpty || start[0] != '{')
        {
            return false;
        }

        var end = start.IndexOf('\n');
        var first = (end < 0 ? start : start[..end]).TrimEnd();
        try
        {
            using var json = JsonDocument.Parse(first.ToString());
            return json.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 4000 ? text[..4000] : text;
        return head.AsSpan().TrimStart().StartsWith("<") && HtmlPattern().IsMatch(head);
    }

    [GeneratedRegex(@"<!DOCTYPE\s+html|<(?:html|head|body|p|div|article|main|title|meta)[\s>/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlPattern();
}
