using System.Text.Json;

namespace Rasid.Benchmarks.Text;

/// <summary>One input text with its publication date (when the JSON Lines record has one).</summary>
public sealed record BenchDocument(string Text, DateOnly? Published, string? Id = null);

/// <summary>Loads benchmark texts: the "text" field of JSON Lines files, or plain .txt files; default: samples/ beside the binary.</summary>
public static class BenchCorpus
{
    public static IReadOnlyList<BenchDocument> Load(IReadOnlyList<string> paths)
    {
        var files = paths.Count > 0
            ? paths
            : Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples")).Order(StringComparer.Ordinal).ToList();
        var docs = new List<BenchDocument>();
        foreach (var file in files)
        {
            if (!file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                docs.Add(new BenchDocument(File.ReadAllText(file), null));
                continue;
            }

            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                DateOnly? published = null;
                if (root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
                    && p.GetString() is { Length: >= 10 } s
                    && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
                {
                    published = d;
                }

                var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
                docs.Add(new BenchDocument(text.GetString() ?? string.Empty, published, id));
            }
        }

        return docs;
    }
}
