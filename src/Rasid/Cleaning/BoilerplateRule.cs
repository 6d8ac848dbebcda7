using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Cleaning;

/// <summary>How a boilerplate marker is compared with a line (the <c>match</c> column of data/boilerplate/*.tsv).</summary>
public enum BoilerplateMatch
{
    /// <summary>The whole line, folded and stripped of edge punctuation, equals the marker.</summary>
    Line,

    /// <summary>The folded line starts with the marker, followed by a non-letter (space, colon, slash) or the line end.</summary>
    Prefix,

    /// <summary>The folded line contains the marker anywhere.</summary>
    Contains,

    /// <summary>The marker is a .NET regular expression tried on the raw, trimmed line.</summary>
    Regex,
}

/// <summary>What to remove when a marker matches (the <c>kind</c> column).</summary>
public enum BoilerplateKind
{
    /// <summary>Remove the matching line only.</summary>
    DropLine,

    /// <summary>
    /// A related-articles header: remove it and the run of short headline-like lines (and blank lines) after it, up to the
    /// first paragraph-like line or the end of the text. When the line carries a headline of its own after the marker
    /// ("اقرأ أيضا: ..."), only that line goes, since the article usually goes on after an inline link.
    /// </summary>
    CutFromHere,
}

/// <summary>One row of data/boilerplate/*.tsv.</summary>
/// <param name="Marker">The marker text (or regex).</param>
/// <param name="Match">How it is compared with a line.</param>
/// <param name="Kind">What is removed when it matches.</param>
/// <param name="Reason">Short reason reported in <see cref="RemovedBlock.Reason"/>.</param>
/// <param name="Location">"path:line" of the data row, for messages.</param>
public sealed record BoilerplateRule(string Marker, BoilerplateMatch Match, BoilerplateKind Kind, string Reason, string Location)
{
    private string? _key;
    private Regex? _regex;

    /// <summary>Reads a rule from a TSV row with columns marker, match, kind, reason; throws <see cref="InvalidDataException"/> naming the row when a cell is invalid.</summary>
    public static BoilerplateRule FromRow(TsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var marker = row["marker"];
        if (marker.Length == 0)
        {
            throw new InvalidDataException($"{row.Location}: empty marker");
        }

        var match = row["match"] switch
        {
            "line" => BoilerplateMatch.Line,
            "prefix" => BoilerplateMatch.Prefix,
            "contains" => BoilerplateMatch.Contains,
            "regex" => BoilerplateMatch.Regex,
            var other => throw new InvalidDataException($"{row.Location}: unknown match '{other}' (line, prefix, contains, regex)"),
        };
        var kind = row["kind"] switch
        {
            "drop_line" => BoilerplateKind.DropLine,
            "cut_from_here" => BoilerplateKind.CutFromHere,
            var other => throw new InvalidDataException($"{row.Location}: unknown kind '{other}' (drop_line, cut_from_here)"),
        };
        var rule = new BoilerplateRule(marker, match, kind, row.Optional("reason") ?? kind.ToString(), row.Location);
        if (match == BoilerplateMatch.Regex)
        {
            try
            {
                rule._regex = new Regex(marker, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{row.Location}: bad regex: {ex.Message}", ex);
            }
        }
        else
        {
            rule._key = match == BoilerplateMatch.Line ? LineKey(marker) : Fold(marker);
        }

        return rule;
    }

    /// <summary>
    /// Whether the rule matches <paramref name="rawLine"/>; <paramref name="inlineRest"/> is true when text follows a
    /// prefix marker on the same line (an inline related link rather than a list header).
    /// </summary>
    public bool Matches(string rawLine, string foldedLine, out bool inlineRest)
    {
        ArgumentNullException.ThrowIfNull(foldedLine);
        return Matches(rawLine, foldedLine, StripEdges(foldedLine), out inlineRest);
    }

    /// <summary>
    /// As <see cref="Matches(string, string, out bool)"/>, with the line's <see cref="LineKey"/> already computed
    /// (<paramref name="lineKey"/>), so a remover trying many rules on one line folds it once.
    /// </summary>
    public bool Matches(string rawLine, string foldedLine, string lineKey, out bool inlineRest)
    {
        ArgumentNullException.ThrowIfNull(rawLine);
        return Matches(rawLine.AsSpan(), foldedLine, lineKey, out inlineRest);
    }

    /// <summary>As <see cref="Matches(string, string, string, out bool)"/>, with the raw line as a span of the text (no substring per line).</summary>
    internal bool Matches(ReadOnlySpan<char> rawLine, string foldedLine, string lineKey, out bool inlineRest)
    {
        ArgumentNullException.ThrowIfNull(foldedLine);
        ArgumentNullException.ThrowIfNull(lineKey);
        inlineRest = false;
        switch (Match)
        {
            case BoilerplateMatch.Regex:
                try
                {
                    return _regex!.IsMatch(rawLine.Trim());
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }

            case BoilerplateMatch.Line:
                return string.Equals(lineKey, _key, StringComparison.Ordinal);
            case BoilerplateMatch.Contains:
                return foldedLine.Contains(_key!, StringComparison.Ordinal);
            default:
                var line = lineKey;
                if (!line.StartsWith(_key!, StringComparison.Ordinal))
                {
                    return false;
                }

                if (line.Length == _key!.Length)
                {
                    return true;
                }

                if (char.IsLetterOrDigit(line[_key.Length]))
                {
                    return false;
                }

                inlineRest = StripEdges(line[_key.Length..]).Length > 0;
                return true;
        }
    }

    /// <summary>
    /// Folds a line for matching: Arabic normalisation (hamza/alef, ya, ta marbuta, diacritics), all dashes to '-',
    /// runs of whitespace to one space, lower case (for Latin markers).
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = new char[text.Length];
        return Fold(text, ref scratch);
    }

    /// <summary>
    /// As <see cref="Fold(string)"/>, for a line given as a span, with a caller's scratch buffer (replaced by a larger one
    /// when too short): the line is normalised into it and its white space collapsed in place, so only the result is a
    /// new string.
    /// </summary>
    internal static string Fold(ReadOnlySpan<char> text, ref char[] scratch)
    {
        var length = ArabicNormalizer.NormalizeInto(text, ref scratch);

        // Whitespace.Collapse with FoldChar, in place: the write position never passes the read position.
        var written = 0;
        var space = false;
        for (var i = 0; i < length; i++)
        {
            var c = scratch[i];
            if (char.IsWhiteSpace(c))
            {
                space = written > 0;
                continue;
            }

            if (space)
            {
                scratch[written++] = ' ';
                space = false;
            }

            scratch[written++] = FoldChar(c);
        }

        return new string(scratch, 0, written);
    }

    /// <summary>
    /// All dashes to '-', lower case. ASCII and the Arabic block (U+0600-U+06FF: no case, no dash; a test checks it) take
    /// a shortcut past the globalisation look-ups, which are most of a line's folding time.
    /// </summary>
    internal static char FoldChar(char c)
    {
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        if (c is >= '\u0600' and <= '\u06FF')
        {
            return c;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? '-' : char.ToLowerInvariant(c);
    }

    /// <summary>The folded line without punctuation or symbols at either end ("// انتهى //" → "انتهي").</summary>
    public static string LineKey(string text) => StripEdges(Fold(text));

    internal static string StripEdges(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsEdge(s[start]))
        {
            start++;
        }

        while (end > start && IsEdge(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    private static bool IsEdge(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);
}
