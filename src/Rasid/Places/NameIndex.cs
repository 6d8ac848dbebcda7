using Rasid.Clitics;
using Rasid.Tokenization;

namespace Rasid.Places;

/// <summary>
/// A load-fast index of the gazetteer's place names with the matching rules of
/// <see cref="Lexicons.PhraseMatcher{T}"/>: words compare on their article-free key, the first word may carry the
/// proclitics و ف ب ل ك لل, and the longest name wins. It keys whole names in one dictionary (names come
/// pre-normalised from the build script), so 60,000 names load in a few tens of milliseconds, and a token that
/// cannot start a name is rejected without allocating.
/// </summary>
internal sealed class NameIndex
{
    private const int MaxKeyLength = 256;

    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _groupLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;

    public NameIndex()
    {
        _groupLookup = _groups.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count => _groups.Count;

    /// <summary>The group of <paramref name="normalizedName"/> (already folded by <see cref="Normalization.ArabicNormalizer.NormalizeKey"/>), created when new.</summary>
    public int GetOrAdd(string normalizedName, int newGroup)
    {
        var key = KeyOf(normalizedName);
        if (key.Length == 0 || key.Length > MaxKeyLength)
        {
            return -1;
        }

        if (_groups.TryGetValue(key, out var g))
        {
            return g;
        }

        _groups[key] = newGroup;
        for (var i = key.IndexOf(' ', StringComparison.Ordinal); i > 0; i = key.IndexOf(' ', i + 1))
        {
            _prefixes.Add(key[..i]); // every proper word prefix of a multi-word name
        }

        return newGroup;
    }

    /// <summary>The longest name starting at token <paramref name="t"/>: its group, end token and proclitic length.</summary>
    /// <remarks>
    /// When two clitic readings reach the same end (بأبين: the village بابين or ب + أبين), the one whose group has the
    /// higher <paramref name="weight"/> wins; the unsplit reading keeps ties (لبنان stays whole).
    /// </remarks>
    public bool TryMatchAt(IReadOnlyList<Token> tokens, int t, Func<int, double> weight, out int group, out int endToken, out int prefixLength)
    {
        var best = new Best(weight);
        Span<char> buffer = stackalloc char[MaxKeyLength];
        var word = tokens[t].Text.AsSpan();
        Try(word, 0, tokens, t, buffer, ref best);
        var conjunction = word.Length > CliticSegmenter.MinimumStemLength + 1 && word[0] is 'و' or 'ف' ? 1 : 0;
        if (conjunction == 1)
        {
            Try(word[1..], 1, tokens, t, buffer, ref best);
        }

        for (var c = 0; c <= conjunction; c++)
        {
            var rest = word[c..];
            if (rest.Length <= CliticSegmenter.MinimumStemLength + 1)
            {
                continue;
            }

            if (rest[0] == 'ل' && rest[1] == 'ل' && rest.Length > CliticSegmenter.MinimumStemLength + 2)
            {
                // لل + name: the article's alef is dropped in writing; the article-free key is what follows.
                Try(rest[2..], c + 2, tokens, t, buffer, ref best, articleFree: true);
            }
            else if (rest[0] is 'ب' or 'ل' or 'ك')
            {
                Try(rest[1..], c + 1, tokens, t, buffer, ref best);
            }
        }

        (group, endToken, prefixLength) = (best.Group, best.End, best.Prefix);
        return best.Group >= 0;
    }

    private void Try(ReadOnlySpan<char> stem, int prefix, IReadOnlyList<Token> tokens, int t, Span<char> buffer, ref Best best,
        bool articleFree = false)
    {
        var key = articleFree ? stem : ArticleFree(stem);
        if (key.Length == 0 || key.Length > buffer.Length)
        {
            return;
        }

        key.CopyTo(buffer);
        var length = key.Length;
        var end = t + 1;
        while (true)
        {
            if (_groupLookup.TryGetValue(buffer[..length], out var g))
            {
                best.Offer(g, end, prefix);
            }

            if (end >= tokens.Count || tokens[end].Kind != TokenKind.Word || !_prefixLookup.Contains(buffer[..length]))
            {
                return;
            }

            var next = ArticleFree(tokens[end].Text.AsSpan());
            if (length + 1 + next.Length > buffer.Length)
            {
                return;
            }

            buffer[length] = ' ';
            next.CopyTo(buffer[(length + 1)..]);
            length += 1 + next.Length;
            end++;
        }
    }

    private static ReadOnlySpan<char> ArticleFree(ReadOnlySpan<char> w) =>
        w.Length >= CliticSegmenter.MinimumStemLength + 2 && w[0] == 'ا' && w[1] == 'ل' ? w[2..] : w;

    private static string KeyOf(string name)
    {
        if (name.IndexOf(' ', StringComparison.Ordinal) < 0)
        {
            return name.Length >= CliticSegmenter.MinimumStemLength + 2 && name[0] == 'ا' && name[1] == 'ل' ? name[2..] : name;
        }

        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = ArticleFree(parts[i].AsSpan()).ToString();
        }

        return string.Join(' ', parts);
    }

    /// <summary>The best match so far: longest, then the heavier group when clearly heavier.</summary>
    private struct Best(Func<int, double> weight)
    {
        public int Group = -1;
        public int End = -1;
        public int Prefix;

        public void Offer(int group, int end, int prefix)
        {
            if (end < End || (end == End && weight(group) <= weight(Group) + 0.5))
            {
                return;
            }

            (Group, End, Prefix) = (group, end, prefix);
        }
    }
}
