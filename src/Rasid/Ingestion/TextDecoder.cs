using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Rasid.Ingestion;

/// <summary>The text of an input after decoding, or why it could not be decoded.</summary>
/// <param name="Text">The decoded text (no BOM); null when <paramref name="Error"/> is set.</param>
/// <param name="EncodingName">The encoding used ("utf-8", "utf-16LE", "windows-1256"...), for diagnostics.</param>
/// <param name="Error">Why the bytes are not text (binary, empty), or null.</param>
public sealed record DecodedText(string? Text, string EncodingName, string? Error)
{
    /// <summary>A problem the text was read despite (invalid UTF-8 bytes replaced with U+FFFD), for the user; null when none.</summary>
    public string? Warning { get; init; }
}

/// <summary>
/// Decides how the bytes of an input are encoded. Order: a byte-order mark wins (UTF-8, UTF-16 LE/BE); else UTF-16
/// without a BOM when NUL bytes sit only at odd (LE) or only at even (BE) positions; else UTF-8
/// when the bytes are valid UTF-8; else the charset an HTML page declares (meta charset / http-equiv); else UTF-8 with
/// its few invalid sequences replaced by U+FFFD (and a warning) when valid multi-byte sequences outnumber the invalid ones
/// 4 to 1 (a sequence cut off by the end of a truncated file does not count against it); else Windows-1256, the usual
/// legacy encoding of Arabic pages, whose letters are invalid UTF-8 nearly every time (dozens of invalid sequences for
/// each valid one). Binary content (NUL bytes, mostly control characters) is refused.
/// </summary>
public static partial class TextDecoder
{
    private const string Windows1256 = "windows-1256";

    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Decodes <paramref name="bytes"/>; never throws.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return new DecodedText(null, "none", "empty file");
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Checked(new UTF8Encoding(false, false).GetString(bytes[3..]), "utf-8 (BOM)");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Checked(Encoding.Unicode.GetString(bytes[2..]), "utf-16LE (BOM)");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Checked(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16BE (BOM)");
        }

        if (Utf16WithoutBom(bytes) is { } utf16)
        {
            return Checked(utf16.GetString(bytes), utf16.WebName + " (no BOM)");
        }

        if (LooksLikeBinary(bytes))
        {
            return new DecodedText(null, "none", "binary content (NUL or control bytes), not text");
        }

        if (Utf8.IsValid(bytes))
        {
            return Checked(Encoding.UTF8.GetString(bytes), "utf-8");
        }

        var declared = DeclaredCharset(bytes);
        var declaresUtf8 = declared is not null && declared.Replace("-", string.Empty, StringComparison.Ordinal).Equals("utf8", StringComparison.OrdinalIgnoreCase);
        if (declared is not null && !declared.StartsWith("utf", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var encoding = Encoding.GetEncoding(declared);
                return Checked(encoding.GetString(bytes), encoding.WebName);
            }
            catch (ArgumentException)
            {
                // Unknown charset name: fall through to the Arabic legacy default.
            }
        }

        var (valid, invalid, cutOff, firstInvalid) = Utf8Census(bytes);
        if (declaresUtf8 || (valid > 0 && invalid * 4 <= valid))
        {
            var replaced = invalid + (cutOff ? 1 : 0);
            var decoded = Checked(new UTF8Encoding(false, false).GetString(bytes), "utf-8 (repaired)");
            var line = bytes[..firstInvalid].Count((byte)'\n') + 1;
            return decoded.Error is not null ? decoded : decoded with
            {
                Warning = $"{replaced} invalid UTF-8 byte sequence{(replaced == 1 ? string.Empty : "s")} replaced with U+FFFD (first on line {line})"
                          + (cutOff ? "; the input ends inside a character (truncated?)" : string.Empty),
            };
        }

        return Checked(Encoding.GetEncoding(Windows1256).GetString(bytes), Windows1256);
    }

    /// <summary>
    /// Valid multi-byte UTF-8 sequences, invalid ones (maximal invalid subsequences), and the offset of the first problem.
    /// A sequence cut off by the end of the input (a truncated file) is a problem but not an invalid sequence: it says
    /// nothing against UTF-8 (found by fuzzing: a short truncated feed was read as Windows-1256).
    /// </summary>
    private static (int Valid, int Invalid, bool CutOff, int FirstInvalid) Utf8Census(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, first = -1;
        var cutOff = false;
        var i = 0;
        while (i < bytes.Length)
        {
            // Skip ASCII in bulk.
            var ascii = bytes[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                break;
            }

            i += ascii;
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else if (status == System.Buffers.OperationStatus.NeedMoreData)
            {
                cutOff = true;
                first = first < 0 ? i : first;
            }
            else
            {
                invalid++;
                if (first < 0)
                {
                    first = i;
                }
            }

            i += Math.Max(1, consumed);
        }

        return (valid, invalid, cutOff, Math.Max(0, first));
    }

    private static DecodedText Checked(string text, string encodingName)
    {
        if (text.Length == 0)
        {
            return new DecodedText(null, encodingName, "empty file");
        }

        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v')))
            {
                control++;
            }
        }

        if (text.Contains('\0', StringComparison.Ordinal) || control > text.Length / 10)
        {
            return new DecodedText(null, encodingName, "binary content (control characters), not text");
        }

        return new DecodedText(text, encodingName, null);
    }

    /// <summary>
    /// UTF-16 saved without a BOM: NUL bytes (the high bytes of spaces, digits, Latin) all on one parity, none on the
    /// other. Binary files have NULs everywhere; Arabic letters themselves (U+06xx) have no NUL byte.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return null;
        }

        var sample = bytes.Length > 65536 ? bytes[..65536] : bytes;
        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        var pairs = sample.Length / 2;
        if (odd > 0 && even == 0 && odd * 20 >= pairs)
        {
            return Encoding.Unicode;
        }

        return even > 0 && odd == 0 && even * 20 >= pairs ? Encoding.BigEndianUnicode : null;
    }

    private static bool LooksLikeBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > 65536 ? bytes[..65536] : bytes;
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C or 0x0B or 0x1B))
            {
                control++;
            }
        }

        return control > sample.Length / 10;
    }

    /// <summary>The charset an HTML/XML head declares in its first 4 KB, read as ASCII.</summary>
    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes.Length > 4096 ? bytes[..4096] : bytes);
        var m = CharsetPattern().Match(head);
        return m.Success ? m.Groups["cs"].Value : null;
    }

    [GeneratedRegex("""(?:charset|encoding)\s*=\s*["']?(?<cs>[A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetPattern();
}
