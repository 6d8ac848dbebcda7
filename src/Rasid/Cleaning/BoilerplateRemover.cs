using System.Text;
using Rasid.Data;

namespace Rasid.Cleaning;

/// <summary>A block of the input that boilerplate removal dropped, with why (shown by `rasid extract --debug`).</summary>
/// <param name="Start">Start index in the input text.</param>
/// <param name="End">Exclusive end index in the input text.</param>
/// <param name="Reason">Why it was removed (e.g. "related-articles list").</param>
public readonly record struct RemovedBlock(int Start, int End, string Reason);

/// <summary>Text after boilerplate removal: what evidence offsets refer to.</summary>
/// <param name="Text">The cleaned text.</param>
/// <param name="Removed">What was removed from the input, in input order, non-overlapping.</param>
public sealed record CleanedText(string Text, IReadOnlyList<RemovedBlock> Removed)
{
    /// <summary>
    /// Maps an index in <see cref="Text"/> back to the input text: the cleaned text is the input with the
    /// <see cref="Removed"/> blocks cut out, so each removed block before the index shifts it right by its length.
    /// </summary>
    public int ToInputIndex(int cleanedIndex)
    {
        var index = cleanedIndex;
        foreach (var block in Removed)
        {
            if (block.Start > index)
            {
                break;
            }

            index += block.End - block.Start;
        }

        return index;
    }
}

/// <summary>
/// Removes related-article lists, site taglines and footers, share/follow lines and similar page furniture, line by line.
/// Markers come from data/boilerplate/*.tsv (columns marker, match, kind, reason); the headline checks (a headline
/// repeated with a site tagline, a duplicated headline) are structural and need no data. Datelines and bylines are kept
/// unless a rule names them: they often carry the place of the event.
/// </summary>
public sealed class BoilerplateRemover
{
    /// <summary>The folder of data/ holding the marker files.</summary>
    public const string DataFolder = "boilerplate";

    private const int HeadlineLinesToCheck = 4;
    private const int MaxHeadlineLength = 160;

    private readonly IReadOnlyList<BoilerplateRule> _rules;

    private BoilerplateRemover(IReadOnlyList<BoilerplateRule> rules)
    {
        _rules = rules;
    }

    /// <summary>The rules in load order (file name order, then line order).</summary>
    public IReadOnlyList<BoilerplateRule> Rules => _rules;

    /// <summary>Loads the boilerplate markers from every <c>boilerplate/*.tsv</c> in <paramref name="data"/>; invalid rows throw <see cref="InvalidDataException"/> naming file and line.</summary>
    public static BoilerplateRemover Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rules = new List<BoilerplateRule>();
        foreach (var path in data.List(DataFolder, ".tsv"))
        {
            rules.AddRange(TsvReader.Read(data, path).Select(BoilerplateRule.FromRow));
        }

        return new BoilerplateRemover(rules);
    }

    /// <summary>Builds a remover from rules already read (tests, tools).</summary>
    public static BoilerplateRemover FromRules(IEnumerable<BoilerplateRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new BoilerplateRemover(rules.ToList());
    }

    /// <summary>Cleans <paramref name="text"/>; <paramref name="title"/> helps spot a repeated headline or site name.</summary>
    public CleanedText Clean(string text, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text);
        var removed = new List<RemovedBlock>();
        var drop = new string?[lines.Count];
        var folded = new string[lines.Count];
        var scratch = new char[Math.Min(text.Length, 256)];
        for (var i = 0; i < lines.Count; i++)
        {
            folded[i] = BoilerplateRule.Fold(text.AsSpan(lines[i].Start, lines[i].ContentEnd - lines[i].Start), ref scratch);
        }

        var tagline = MarkHeadlines(text, lines, folded, drop, title, removed);

        for (var i = 0; i < lines.Count; i++)
        {
            if (drop[i] is not null || folded[i].Length == 0)
            {
                continue;
            }

            var raw = text.AsSpan(lines[i].Start, lines[i].ContentEnd - lines[i].Start);
            var key = BoilerplateRule.StripEdges(folded[i]);
            if (tagline is not null && string.Equals(key, tagline, StringComparison.Ordinal))
            {
                drop[i] = "site name line";
                continue;
            }

            foreach (var rule in _rules)
            {
                if (!rule.Matches(raw, folded[i], key, out var inlineRest))
                {
                    continue;
                }

                drop[i] = rule.Reason;
                if (rule.Kind == BoilerplateKind.CutFromHere && !inlineRest)
                {
                    var j = i + 1;
                    while (j < lines.Count && (folded[j].Length == 0 || IsHeadlineLike(folded[j])))
                    {
                        drop[j] = rule.Reason;
                        j++;
                    }

                    // Blank lines before the article resumes stay with it.
                    while (j < lines.Count && j - 1 > i && folded[j - 1].Length == 0)
                    {
                        drop[--j] = null;
                    }

                    i = j - 1;
                }

                break;
            }
        }

        // Whole dropped lines, merged with neighbours of the same reason.
        for (var i = 0; i < lines.Count; i++)
        {
            if (drop[i] is not { } reason || reason.Length == 0)
            {
                continue;
            }

            var first = i;
            var start = lines[i].Start;
            var end = lines[i].End;
            while (i + 1 < lines.Count && (string.Equals(drop[i + 1], reason, StringComparison.Ordinal)
                || (folded[i + 1].Length == 0 && i + 2 < lines.Count && string.Equals(drop[i + 2], reason, StringComparison.Ordinal))))
            {
                i++;
                end = lines[i].End;
            }

            // Take the blank lines after the block too when it already sits after a paragraph break (or opens the
            // text), so removal leaves one break, not two; otherwise they are the only break left and stay.
            if (start == 0 || (first > 0 && folded[first - 1].Length == 0))
            {
                while (i + 1 < lines.Count && folded[i + 1].Length == 0 && drop[i + 1] is null)
                {
                    i++;
                    end = lines[i].End;
                }
            }

            removed.Add(new RemovedBlock(start, end, reason));
        }

        removed.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new CleanedText(Cut(text, removed), removed);
    }

    /// <summary>
    /// Headline checks on the first lines: "H - tagline" followed by a clean "H" loses the tagline line; a headline
    /// repeated verbatim loses the repeat; "title - tagline" with no clean copy loses just the tagline. Returns the
    /// folded tagline (so a later line holding only the site name can go), or null.
    /// </summary>
    private static string? MarkHeadlines(string text, List<LineInfo> lines, string[] folded, string?[] drop, string? title, List<RemovedBlock> removed)
    {
        var first = new List<int>();
        for (var i = 0; i < lines.Count && first.Count < HeadlineLinesToCheck; i++)
        {
            if (folded[i].Length > 0)
            {
                first.Add(i);
            }
        }

        if (first.Count == 0)
        {
            return null;
        }

        string? tagline = null;
        var head = first[0];
        for (var k = 1; k < first.Count; k++)
        {
            var other = first[k];
            if (string.Equals(folded[head], folded[other], StringComparison.Ordinal) && folded[head].Length <= MaxHeadlineLength * 2)
            {
                drop[other] = "duplicated headline";
            }
            else if (TaglineAfter(folded[head], folded[other]) is { } t)
            {
                drop[head] = "headline with site tagline";
                tagline = t;
            }
        }

        if (drop[head] is null && title is not null && TaglineAfter(folded[head], BoilerplateRule.Fold(title.Trim())) is { } suffix)
        {
            // Only the headline carries the tagline: cut the " - tagline" tail and keep the clean headline.
            var raw = text[lines[head].Start..lines[head].ContentEnd];
            var cut = FindTaglineStart(raw);
            if (cut > 0)
            {
                removed.Add(new RemovedBlock(lines[head].Start + cut, lines[head].ContentEnd, "site tagline after headline"));
                tagline = suffix;

                // Empty reason: handled here, no whole-line rule may remove it again (blocks must not overlap).
                drop[head] = string.Empty;
            }
        }

        return tagline;
    }

    /// <summary>When <paramref name="line"/> is <paramref name="headline"/> + separator + tagline, the folded tagline key.</summary>
    private static string? TaglineAfter(string line, string headline)
    {
        if (headline.Length < 10 || line.Length <= headline.Length || !line.StartsWith(headline, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line[headline.Length..].TrimStart();
        if (rest.Length < 2 || rest[0] is not ('-' or '|' or ':' or '»' or '·' or '/'))
        {
            return null;
        }

        var key = BoilerplateRule.LineKey(rest);
        return key.Length is > 0 and <= 60 ? key : null;
    }

    private static int FindTaglineStart(string raw)
    {
        for (var i = raw.Length - 1; i > 0; i--)
        {
            if (raw[i] is '-' or '|' or '–' or '—' or '»' or '·' or ':' or '/' && i > 0 && char.IsWhiteSpace(raw[i - 1]))
            {
                var start = i;
                while (start > 0 && char.IsWhiteSpace(raw[start - 1]))
                {
                    start--;
                }

                return start;
            }
        }

        return -1;
    }

    /// <summary>A related headline: short, and not a finished sentence of article length.</summary>
    private static bool IsHeadlineLike(string folded)
    {
        if (folded.Length > MaxHeadlineLength)
        {
            return false;
        }

        // A line introducing a list ("...منها:") or a finished long sentence is the article going on.
        return folded[^1] is not ':' && !(folded.Length > 90 && folded[^1] is '.' or '۔');
    }

    private static string Cut(string text, List<RemovedBlock> removed)
    {
        if (removed.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var block in removed)
        {
            if (block.Start > at)
            {
                sb.Append(text, at, block.Start - at);
            }

            at = Math.Max(at, block.End);
        }

        if (at < text.Length)
        {
            sb.Append(text, at, text.Length - at);
        }

        return sb.ToString();
    }

    private static List<LineInfo> SplitLines(string text)
    {
        var lines = new List<LineInfo>();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            var contentEnd = nl < 0 ? text.Length : nl;
            if (contentEnd > start && text[contentEnd - 1] == '\r')
            {
                contentEnd--;
            }

            lines.Add(new LineInfo(start, contentEnd, end));
            start = end;
        }

        return lines;
    }

    /// <summary>One line: content [Start, ContentEnd), and End past its line break.</summary>
    private readonly record struct LineInfo(int Start, int ContentEnd, int End);
}
