using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    /// <summary>
    /// Serialises one document result as a single JSON line (no trailing newline), exactly as
    /// <c>JsonSerializer.Serialize(result, Options)</c> does, with the writer generated at build time from the records'
    /// attributes (<see cref="RasidJsonWriter"/>): no reflection over the records and no accessors compiled at run time,
    /// which is most of the cost of the first document.
    /// </summary>
    public static string ToJsonLine(DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(result, RasidJsonWriter.Default.DocumentResult.SerializeHandler!, 4096);
    }

    /// <summary>
    /// Serialises one event record as <c>JsonSerializer.Serialize(record, Options)</c> does, with the generated writer
    /// (the stores keep each record so, as <c>record_json</c>).
    /// </summary>
    public static string ToJson(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Write(record, RasidJsonWriter.Default.EventRecord.SerializeHandler!, 2048);
    }

    /// <summary>
    /// Reads one document result line (<c>rasid extract</c>'s output) as <c>JsonSerializer.Deserialize(json, Options)</c>
    /// does, with the reader generated at build time (<see cref="RasidJsonReader"/>), so that a native-AOT build needs no
    /// reflection. Throws <see cref="JsonException"/> for text that is not such a line; null for the JSON literal null.
    /// </summary>
    public static DocumentResult? ReadDocumentResult(string json) =>
        JsonSerializer.Deserialize(json, RasidJsonReader.Default.DocumentResult) is { } result ? WithListDefaults(result) : null;

    /// <summary>Reads one event record (a store's <c>record_json</c>) as <see cref="ReadDocumentResult"/> reads a line.</summary>
    public static EventRecord? ReadEventRecord(string json) =>
        JsonSerializer.Deserialize(json, RasidJsonReader.Default.EventRecord) is { } record ? WithListDefaults(record) : null;

    // The generated reader sets an init-only property that the JSON lacks to null; the reflection reader leaves it at its
    // initial value, the empty list (Events, AssocActor1, AssocActor2, Tags). Lines Rasid writes always have them.
    private static DocumentResult WithListDefaults(DocumentResult result) =>
        result.Events is null || result.Events.Any(NeedsListDefaults)
            ? result with { Events = result.Events is null ? [] : [.. result.Events.Select(WithListDefaults)] }
            : result;

    private static EventRecord WithListDefaults(EventRecord record) =>
        NeedsListDefaults(record) ? record with { AssocActor1 = record.AssocActor1 ?? [], AssocActor2 = record.AssocActor2 ?? [], Tags = record.Tags ?? [] } : record;

    private static bool NeedsListDefaults(EventRecord record) => record.AssocActor1 is null || record.AssocActor2 is null || record.Tags is null;

    private static string Write<T>(T value, Action<Utf8JsonWriter, T> handler, int capacity)
    {
        var buffer = new ArrayBufferWriter<byte>(capacity);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder, Indented = false }))
        {
            handler(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Converts a UTF-16 index into <paramref name="text"/> to a Unicode code-point index, as the schema requires
    /// (identical for text without astral characters).
    /// </summary>
    public static int ToCodePointIndex(string text, int utf16Index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = utf16Index;
        var limit = Math.Min(utf16Index, text.Length - 1);
        // Jump from one high surrogate to the next (vectorised): evidence offsets are converted per event, so a scan of
        // every character up to the index would make a long document's records quadratic.
        for (var i = 0; i < limit;)
        {
            var next = text.AsSpan(i, limit - i).IndexOfAnyInRange('\uD800', '\uDBFF');
            if (next < 0)
            {
                break;
            }

            i += next;
            if (char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i += 2;
            }
            else
            {
                i++;
            }
        }

        return count;
    }
}

/// <summary>The serialiser of <see cref="DocumentResult"/> (and the records in it), generated at build time: writing only.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(DocumentResult))]
internal sealed partial class RasidJsonWriter : JsonSerializerContext;

/// <summary>
/// The deserialiser of <see cref="DocumentResult"/> and <see cref="EventRecord"/>, generated at build time with the
/// default options (what <see cref="RasidJson.Options"/> reads with: its encoder only matters for writing).
/// </summary>
[JsonSerializable(typeof(DocumentResult))]
[JsonSerializable(typeof(EventRecord))]
internal sealed partial class RasidJsonReader : JsonSerializerContext;
