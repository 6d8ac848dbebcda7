using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rasid.Text;

namespace Rasid.Places;

/// <summary>
/// A load-fast index of the gazetteer's place names with the matching rules of
/// <see cref="PhraseMatcher{T}"/>: words compare on their article-free key, the first word may carry the
/// proclitics و ف ب ل ك لل, and the longest name wins. It keys whole names in one dictionary (names come
/// pre-normalised from the build script), so 60,000 names load in a few tens of milliseconds, and a token that
/// cannot start a name is rejected without allocating.
/// </summary>
/// <remarks>
/// One dictionary holds every key a lookup can meet: whole names (with their group), the proper word prefixes of
/// multi-word names, and the first words of the small lexicon's phrases (<see cref="MarkFirstKey"/>). Each key is
/// looked up once per step; <see cref="Starts"/> rejects most tokens with one lookup per clitic reading.
/// </remarks>
internal sealed class NameIndex
{
    private const int MaxKeyLength = 256;

    /// <summary>The key is a proper word prefix of a longer name.</summary>
    private const int PrefixFlag = 1;

    /// <summary>The key is the first word of a phrase of the small lexicon.</summary>
    private const int FirstKeyFlag = 2;

    /// <summary>Bits above the flags hold the group + 1 (0: the key is not a whole name).</summary>
    private const int GroupShift = 2;

    private readonly Dictionary<string, int> _keys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>
    /// A one-hash Bloom filter over every key (2^21 bits, 256 KB): most words are no key, and this rejects them
    /// without touching the dictionary's larger, cache-unfriendly arrays.
    /// </summary>
    private readonly ulong[] _filter = new ulong[1 << 15];

    public NameIndex(int capacity = 0)
    {
        _keys = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct whole-name keys.</summary>
    public int Count => _keys.Values.Count(v => v >> GroupShift > 0);

    /// <summary>The group of <paramref name="normalizedName"/> (already folded by <see cref="ArabicNormalizer.NormalizeKey"/>), created when new.</summary>
    public int GetOrAdd(string normalizedName, int newGroup) => GetOrAdd(normalizedName.AsSpan(), newGroup, normalizedName);

    /// <summary>
    /// The group of <paramref name="normalizedName"/>, created when new; -1 when it has no usable key.
    /// <paramref name="nameString"/>, when given, is the name as a string, kept as the key when the key is the whole name.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<char> normalizedName, int newGroup, string? nameString = null)
    {
        Span<char> buffer = stackalloc char[MaxKeyLength];
        var key = KeyOf(normalizedName, buffer);
        if (key.Length == 0 || key.Length > MaxKeyLength)
        {
            return -1;
        }

        AddToFilter(key);
        ref var value = ref nameString is not null && key.Length == nameString.Length
            ? ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, nameString, out _)
            : ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, key, out _);
        if (value >> GroupShift > 0)
        {
            return (value >> GroupShift) - 1;
        }

        value |= (newGroup + 1) << GroupShift;
        for (var i = key.IndexOf(' '); i > 0; i = NextSpace(key, i + 1))
        {
            // every proper word prefix of a multi-word name
            AddToFilter(key[..i]);
            CollectionsMarshal.GetValueRefOrAddDefault(_lookup, key[..i], out _) |= PrefixFlag;
        }

        return newGroup;

        static int NextSpace(ReadOnlySpan<char> key, int from)
        {
            var j = key[from..].IndexOf(' ');
            return j < 0 ? -1 : from + j;
        }
    }

    /// <summary>Marks <paramref name="key"/> (an article-free first word of the small lexicon) as able to start a phrase.</summary>
    public void MarkFirstKey(string key)
    {
        AddToFilter(key);
        CollectionsMarshal.GetValueRefOrAddDefault(_keys, key, out _) |= FirstKeyFlag;
    }

    private void AddToFilter(ReadOnlySpan<char> key)
    {
        var h = FilterHash(key);
        _filter[h >> 6] |= 1UL << (int)(h & 63);
    }

    private bool MayContain(ReadOnlySpan<char> key)
    {
        var h = FilterHash(key);
        return (_filter[h >> 6] & (1UL << (int)(h & 63))) != 0;
    }

    /// <summary>FNV-1a over the characters, mixed by a multiplication, top 21 bits.</summary>
    private static uint FilterHash(ReadOnlySpan<char> key)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h = (h ^ c) * 16777619u;
        }

        return (h * 0x9E3779B1u) >> 11;
    }

    /// <summary>Flag of <see cref="Starts"/>: a clitic reading is a name or the first word(s) of one (<see cref="TryMatchAt"/> may match).</summary>
    public const int StartsName = 1;

    /// <summary>Flag of <see cref="Starts"/>: a clitic reading is the first word of a small-lexicon phrase.</summary>
    public const int StartsPhrase = 2;

    /// <summary>
    /// What the clitic readings of <paramref name="word"/> (those of <see cref="TryMatchAt"/>) can start:
    /// <see cref="StartsName"/>, <see cref="StartsPhrase"/>, both or neither (0: no lexicon can match at this token).
    /// One lookup per reading.
    /// </summary>
    public int Starts(string word)
    {
        var span = word.AsSpan();
        var flags = Flags(ArticleFree(span));
        var conjunction = span.Length > CliticSegmenter.MinimumStemLength + 1 && span[0] is 'و' or 'ف' ? 1 : 0;
        if (conjunction == 1)
        {
            flags |= Flags(ArticleFree(span[1..]));
        }

        for (var c = 0; c <= conjunction; c++)
        {
            var rest = span[c..];
            if (rest.Length <= CliticSegmenter.MinimumStemLength + 1)
            {
                continue;
            }

            if (rest[0] == 'ل' && rest[1] == 'ل' && rest.Length > CliticSegmenter.MinimumStemLength + 2)
            {
                flags |= Flags(rest[2..]);
            }
            else if (rest[0] is 'ب' or 'ل')
            {
                flags |= Flags(ArticleFree(rest[1..]));
            }
        }

        return flags;
    }

    private int Flags(ReadOnlySpan<char> key)
    {
        if (!MayContain(key) || !_lookup.TryGetValue(key, out var value))
        {
            return 0;
        }

        return ((value & PrefixFlag) != 0 || value >> GroupShift > 0 ? StartsName : 0) | ((value & FirstKeyFlag) != 0 ? StartsPhrase : 0);
    }

    /// <summary>The longest name starting at token <paramref name="t"/>: its group, end token and proclitic length.</summary>
    /// <remarks>
    /// When two clitic readings reach the same end (بأبين: the village بابين or ب + أبين), the one whose group has the
    /// higher <paramref name="weight"/> wins; the unsplit reading keeps ties (لبنان stays whole).
    /// </remarks>
    public bool TryMatchAt(IReadOnlyList<Token> tokens, int t, Func<int, double> weight, out int group, out int endToken, out int prefixLength)
    {
        var best = new Best(weight);
        var word = tokens[t].Text.AsSpan();
        Try(word, 0, tokens, t, ref best);
        var conjunction = word.Length > CliticSegmenter.MinimumStemLength + 1 && word[0] is 'و' or 'ف' ? 1 : 0;
        if (conjunction == 1)
        {
            Try(word[1..], 1, tokens, t, ref best);
        }

        for (var c = 0; c <= conjunction; c++)
        {
            var rest = word[c..];
            if (rest.Length <= CliticSegmenter.MinimumStemLength + 1)
            {
                continue;
            }

            // ك ("like") is not read off a place name: "كبيرة" is not ك + بيرة, and news never places an event "كX".
            if (rest[0] == 'ل' && rest[1] == 'ل' && rest.Length > CliticSegmenter.MinimumStemLength + 2)
            {
                // لل + name: the article's alef is dropped in writing; the article-free key is what follows.
                Try(rest[2..], c + 2, tokens, t, ref best, articleFree: true);
            }
            else if (rest[0] is 'ب' or 'ل')
            {
                Try(rest[1..], c + 1, tokens, t, ref best);
            }
        }

        (group, endToken, prefixLength) = (best.Group, best.End, best.Prefix);
        return best.Group >= 0;
    }

    private void Try(ReadOnlySpan<char> stem, int prefix, IReadOnlyList<Token> tokens, int t, ref Best best, bool articleFree = false)
    {
        var key = articleFree ? stem : ArticleFree(stem);
        if (key.Length == 0 || key.Length > MaxKeyLength || !_lookup.TryGetValue(key, out var value))
        {
            return;
        }

        if (value >> GroupShift > 0)
        {
            best.Offer((value >> GroupShift) - 1, t + 1, prefix);
        }

        if ((value & PrefixFlag) != 0 && t + 1 < tokens.Count && tokens[t + 1].Kind == TokenKind.Word)
        {
            Extend(key, prefix, tokens, t, ref best);
        }
    }

    /// <summary>Extends a name key that is the first word(s) of longer names over the following word tokens.</summary>
    private void Extend(ReadOnlySpan<char> key, int prefix, IReadOnlyList<Token> tokens, int t, ref Best best)
    {
        Span<char> buffer = stackalloc char[MaxKeyLength];
        key.CopyTo(buffer);
        var length = key.Length;
        var end = t + 1;
        while (true)
        {
            // Invariant: buffer[..length] is a prefix key and tokens[end] is a word.
            var next = ArticleFree(tokens[end].Text.AsSpan());
            if (length + 1 + next.Length > buffer.Length)
            {
                return;
            }

            buffer[length] = ' ';
            next.CopyTo(buffer[(length + 1)..]);
            length += 1 + next.Length;
            end++;
            if (!_lookup.TryGetValue(buffer[..length], out var value))
            {
                return;
            }

            if (value >> GroupShift > 0)
            {
                best.Offer((value >> GroupShift) - 1, end, prefix);
            }

            if ((value & PrefixFlag) == 0 || end >= tokens.Count || tokens[end].Kind != TokenKind.Word)
            {
                return;
            }
        }
    }

    private static ReadOnlySpan<char> ArticleFree(ReadOnlySpan<char> w) =>
        w.Length >= CliticSegmenter.MinimumStemLength + 2 && w[0] == 'ا' && w[1] == 'ل' ? w[2..] : w;

    /// <summary>
    /// The index key of a name: each word article-free, words joined by one space. The result is a slice of
    /// <paramref name="name"/> or of <paramref name="buffer"/>; longer than the buffer when the key is too long.
    /// </summary>
    private static ReadOnlySpan<char> KeyOf(ReadOnlySpan<char> name, Span<char> buffer)
    {
        if (name.IndexOf(' ') < 0)
        {
            return ArticleFree(name);
        }

        var length = 0;
        foreach (var range in name.Split(' '))
        {
            var word = name[range];
            if (word.IsEmpty)
            {
                continue;
            }

            word = ArticleFree(word);
            var needed = length + (length > 0 ? 1 : 0) + word.Length;
            if (needed > buffer.Length)
            {
                return new char[MaxKeyLength + 1]; // too long to index
            }

            if (length > 0)
            {
                buffer[length++] = ' ';
            }

            word.CopyTo(buffer[length..]);
            length += word.Length;
        }

        return buffer[..length];
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
