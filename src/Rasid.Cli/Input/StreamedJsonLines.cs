using System.Text;
using System.Text.Unicode;
using Rasid.Ingestion;

namespace Rasid.Cli.Input;

/// <summary>
/// Reads a long JSON Lines input one line at a time, so memory stays flat however long the stream (a year of news on stdin).
/// Inputs up to <see cref="Threshold"/> bytes are read whole, as every other input (<see cref="DocumentParser.Parse"/>);
/// only longer JSON Lines inputs are streamed. A streamed input is UTF-8 (a BOM is skipped): each line is decoded on its
/// own, and a line with invalid bytes gets U+FFFD and a warning on its own document (a whole input names the first bad
/// line on its first document instead).
/// </summary>
internal static class StreamedJsonLines
{
    /// <summary>Inputs longer than this (16 MB) are streamed when they are JSON Lines.</summary>
    public const int Threshold = 16 << 20;

    private const int ChunkSize = 1 << 20;

    /// <summary>
    /// Reads up to <paramref name="threshold"/> bytes of <paramref name="stream"/>: the whole input when it is no longer
    /// (<paramref name="rest"/> is then false), else that prefix, with <paramref name="rest"/> true when the input
    /// continues and looks like JSON Lines (a first line that is a JSON object, no UTF-16 BOM).
    /// </summary>
    public static byte[] ReadPrefix(Stream stream, int threshold, out bool rest)
    {
        var buffer = new byte[Math.Min(threshold, ChunkSize)];
        var length = 0;
        int read;
        while (length < threshold && (read = stream.Read(buffer, length, Math.Min(buffer.Length - length, threshold - length))) > 0)
        {
            length += read;
            if (length == buffer.Length && length < threshold)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, threshold));
            }
        }

        Array.Resize(ref buffer, length);
        rest = length == threshold && LooksLikeJsonLines(buffer);
        return buffer;
    }

    /// <summary>Reads everything left of <paramref name="stream"/> after <paramref name="prefix"/>, for inputs that are not streamed.</summary>
    public static byte[] ReadAll(Stream stream, byte[] prefix)
    {
        using var all = new MemoryStream();
        all.Write(prefix);
        stream.CopyTo(all);
        return all.ToArray();
    }

    /// <summary>The documents of <paramref name="prefix"/> followed by the rest of <paramref name="stream"/>, line by line.</summary>
    public static IEnumerable<IngestItem> Read(string origin, byte[] prefix, Stream stream, IngestOptions options)
    {
        var line = new List<byte>(64 * 1024);
        var lineNumber = 0;
        var any = false;
        var chunk = prefix;
        var length = prefix.Length;
        var start = prefix.Length >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF ? 3 : 0;
        prefix = []; // the iterator keeps its parameters: let the prefix go once it is read
        var more = new byte[ChunkSize];
        while (length > 0)
        {
            int cut;
            while ((cut = Array.IndexOf(chunk, (byte)'\n', start, length - start)) >= 0)
            {
                line.AddRange(chunk.AsSpan(start, cut - start));
                start = cut + 1;
                lineNumber++;
                if (Line(origin, lineNumber, line, options) is { } item)
                {
                    any = true;
                    yield return item;
                }

                line.Clear();
            }

            line.AddRange(chunk.AsSpan(start, length - start));
            chunk = more;
            start = 0;
            length = stream.Read(more, 0, more.Length);
        }

        lineNumber++;
        if (Line(origin, lineNumber, line, options) is { } last)
        {
            any = true;
            yield return last;
        }

        if (!any)
        {
            yield return IngestItem.Failed(new IngestError(origin, null, "no JSON records"));
        }
    }

    private static IngestItem? Line(string origin, int lineNumber, List<byte> bytes, IngestOptions options)
    {
        var raw = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        var valid = Utf8.IsValid(raw);
        var text = (valid ? Encoding.UTF8.GetString(raw) : new UTF8Encoding(false, false).GetString(raw)).TrimEnd('\r');
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var item = DocumentParser.ParseJsonLine(origin, lineNumber, text, options);
        if (valid || item.Document is null)
        {
            return item;
        }

        return IngestItem.Ok(item.Document, new IngestError(origin, lineNumber, "invalid UTF-8 byte sequences replaced with U+FFFD"));
    }

    private static bool LooksLikeJsonLines(byte[] prefix)
    {
        if (prefix.Length >= 2 && ((prefix[0] == 0xFF && prefix[1] == 0xFE) || (prefix[0] == 0xFE && prefix[1] == 0xFF)))
        {
            return false;
        }

        var end = Array.IndexOf(prefix, (byte)'\n');
        var first = Encoding.UTF8.GetString(prefix, 0, end < 0 ? prefix.Length : end).TrimStart('\uFEFF');
        return DocumentParser.DetectFormat("stdin", first) == InputFormat.JsonLines;
    }
}
