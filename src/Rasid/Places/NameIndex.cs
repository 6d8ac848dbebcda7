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
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _firstWordMax = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _groupLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _firstLookup;
    private Func<int, double> _weight = _ => 0;

    public NameIndex()
    {
        _groupLookup = _groups.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstLookup = _firstWordMax.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count => _groups.Count;

    /// <summary>The group of <paramref name="normalizedName"/> (already folded by <see cref="Normalization.ArabicNormalizer.NormalizeKey"/>), created when new.</summary>
    public int GetOrAdd(string normalizedName, int newGroup)
    {
        var key = KeyOf(normalizedName, out var first, out var words);
        if (_groups.TryGetValue(key, out var g))
        {
            return g;
        }

        _groups[key] = newGroup;
        if (!_firstWordMax.TryGetValue(first, out var max) || max < words)
        {
            _firstWordMax[first] = words;
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
        _weight = weight;
        group = -1;
        endToken = -1;
        prefixLength = 0;
        var word = tokens[t].Text.AsSpan();
        Try(word, 0, tokens, t, ref group, ref endToken, ref prefixLength);
        var conjunction = word.Length > CliticSegmenter.MinimumStemLength + 1 && word[0] is 'و' or 'ف' ? 1 : 0;
        if (conjunction == 1)
        {
            Try(word[1..], 1, tokens, t, ref group, ref endToken, ref prefixLength);
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
                Try(rest[2..], c + 2, tokens, t, ref group, ref endToken, ref prefixLength, articleFree: true);
            }
            else if (rest[0] is 'ب' or 'ل' or 'ك')
            {
                Try(rest[1..], c + 1, tokens, t, ref group, ref endToken, ref prefixLength);
            }
        }

        return group >= 0;
    }

    private void Try(ReadOnlySpan<char> stem, int prefix, IReadOnlyList<Token> tokens, int t, ref int group, ref int endToken,
        ref int prefixLength, bool articleFree = false)
    {
        var key = articleFree ? stem : ArticleFree(stem);
        if (!_firstLookup.TryGetValue(key, out var maxWords))
        {
            return;
        }

        var available = 1;
        while (available < maxWords && t + available < tokens.Count && tokens[t + available].Kind == TokenKind.Word)
        {
            available++;
        }

        for (var n = available; n >= 1; n--)
        {
            if (t + n < endToken)
            {
                return; // an earlier reading already matched further
            }

            int g;
            if (n == 1)
            {
                if (!_groupLookup.TryGetValue(key, out g))
                {
                    continue;
                }
            }
            else
            {
                var parts = new string[n];
                parts[0] = key.ToString();
                for (var i = 1; i < n; i++)
                {
                    parts[i] = ArticleFree(tokens[t + i].Text.AsSpan()).ToString();
                }

                if (!_groups.TryGetValue(string.Join(' ', parts), out g))
                {
                    continue;
                }
            }

            if (t + n == endToken && _weight(g) <= _weight(group) + 0.5)
            {
                return; // same length: keep the earlier reading unless this one names a clearly bigger place
            }

            group = g;
            endToken = t + n;
            prefixLength = prefix;
            return;
        }
    }

    private static ReadOnlySpan<char> ArticleFree(ReadOnlySpan<char> w) =>
        w.Length >= CliticSegmenter.MinimumStemLength + 2 && w[0] == 'ا' && w[1] == 'ل' ? w[2..] : w;

    private static string KeyOf(string name, out string first, out int words)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            words = 1;
            first = name.Length >= CliticSegmenter.MinimumStemLength + 2 && name[0] == 'ا' && name[1] == 'ل' ? name[2..] : name;
            return first;
        }

        var parts = name.Split(' ');
        words = parts.Length;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = ArticleFree(parts[i].AsSpan()).ToString();
        }

        first = parts[0];
        return string.Join(' ', parts);
    }
}
