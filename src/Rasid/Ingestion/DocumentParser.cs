using System.Globalization;
using System.Text;
using System.Text.Json;
using Rasid.Documents;

namespace Rasid.Ingestion;

/// <summary>
/// Turns the bytes of one input (a .txt, .html, RSS/Atom .xml or .jsonl file, or stdin) into documents.
/// Pure parsing: the caller reads the bytes. Never throws on bad content; problems come back as <see cref="IngestError"/>s.
/// </summary>
public static class DocumentParser
{
    /// <summary>Parses <paramref name="content"/>; <paramref name="origin"/> (a path or "stdin") picks the format by extension and names errors.</summary>
    public static IEnumerable<IngestItem> Parse(string origin, ReadOnlyMemory<byte> content, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(options);
        var text = Encoding.UTF8.GetString(content.Span);
        if (origin.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return ParseJsonLines(origin, text, options);
        }

        var id = Path.GetFileNameWithoutExtension(origin);
        return [IngestItem.Ok(new SourceDocument { Id = id, Text = text, Published = options.DefaultPublished, Origin = origin })];
    }

    private static IEnumerable<IngestItem> ParseJsonLines(string origin, string text, IngestOptions options)
    {
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            IngestItem item;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = root.TryGetProperty("id", out var idEl) ? idEl.ToString() : null;
                var body = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (string.IsNullOrEmpty(id) || body is null)
                {
                    item = IngestItem.Failed(new IngestError(origin, lineNumber, "a record needs \"id\" and \"text\""));
                }
                else
                {
                    DateOnly? published = options.DefaultPublished;
                    if (root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
                        && DateTime.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
                    {
                        published = DateOnly.FromDateTime(dt);
                    }

                    item = IngestItem.Ok(new SourceDocument
                    {
                        Id = id,
                        Text = body,
                        Title = Str(root, "title"),
                        Url = Str(root, "url"),
                        Publisher = Str(root, "publisher"),
                        Published = published,
                        Origin = $"{origin}:{lineNumber}",
                    });
                }
            }
            catch (JsonException ex)
            {
                item = IngestItem.Failed(new IngestError(origin, lineNumber, "not valid JSON: " + ex.Message));
            }

            yield return item;
        }
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
