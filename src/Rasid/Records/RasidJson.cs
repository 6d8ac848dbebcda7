using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Rasid.Records;

/// <summary>JSON settings for Rasid's output: compact, Arabic written as is (not \u-escaped).</summary>
public static class RasidJson
{
    /// <summary>Options for one-object-per-line output.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>Serialises one document result as a single JSON line (no trailing newline).</summary>
    public static string ToJsonLine(DocumentResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>
    /// Converts a UTF-16 index into <paramref name="text"/> to a Unicode code-point index, as the schema requires
    /// (identical for text without astral characters).
    /// </summary>
    public static int ToCodePointIndex(string text, int utf16Index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = utf16Index;
        for (var i = 0; i < utf16Index && i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
