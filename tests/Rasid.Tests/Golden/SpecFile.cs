using System.Text;

namespace Rasid.Tests.Golden;

/// <summary>
/// Parses a golden spec (tests/Rasid.Tests/Specs/*.md): every example is a fenced <c>input</c> block (with optional
/// <c>key=value</c> attributes after the info string) followed by a fenced <c>expected</c> block. The nearest heading
/// above names the example.
/// </summary>
public static class SpecFile
{
    public static IEnumerable<object[]> Examples(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", fileName);
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var heading = "(top)";
        var counter = 0;
        string? input = null;
        string attributes = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#').Trim();
                counter = 0;
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var info = line[3..].Trim();
            var body = new StringBuilder();
            i++;
            while (i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                if (body.Length > 0)
                {
                    body.Append('\n');
                }

                body.Append(lines[i]);
                i++;
            }

            if (info.StartsWith("input", StringComparison.Ordinal))
            {
                input = body.ToString();
                attributes = info["input".Length..].Trim();
            }
            else if (info.StartsWith("expected", StringComparison.Ordinal) && input is not null)
            {
                counter++;
                // Inputs stay escaped here: xunit serialises theory data as UTF-8, which would mangle lone surrogates.
                yield return [$"{heading} #{counter}", input, attributes, body.ToString()];
                input = null;
            }
        }
    }

    /// <summary>Reads an attribute such as <c>published=2022-05-11</c> from an input block's info string.</summary>
    public static string? Attribute(string attributes, string key)
    {
        foreach (var part in attributes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return part[(key.Length + 1)..];
            }
        }

        return null;
    }

    /// <summary>Spec inputs may write invisible characters as \uXXXX so the Markdown stays readable.</summary>
    public static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u'
                && int.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 5;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Makes invisible and control characters visible in expected/actual dumps.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pairedSurrogate = (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                                  || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
            if ((char.IsSurrogate(c) && !pairedSurrogate) || char.IsControl(c) || c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or '\uFEFF' or '\u00A0')
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
