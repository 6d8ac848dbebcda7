using Rasid.Data;
using Rasid.Text;

namespace Rasid.Places;

/// <summary>
/// The index of the gazetteer's place names, read in place from the compiled snapshot, with the matching rules of
/// <see cref="PhraseMatcher{T}"/>: words compare on their article-free key, the first word may carry the
/// proclitics و ف ب ل ك لل, and the longest name wins. A token that cannot start a name is rejected without allocating.
/// </summary>
/// <remarks>
/// One map holds every key a lookup can meet: whole names (with their group), the proper word prefixes of
/// multi-word names, and the first words of the small lexicon's phrases (built by <see cref="NameIndexBuilder"/>).
/// Each key is looked up once per step; <see cref="Starts"/> rejects most tokens with one lookup per clitic reading.
/// </remarks>
internal sealed class NameIndex
{
    internal const int MaxKeyLength = 256;

    /// <summary>The key is a proper word prefix of a longer name.</summary>
    internal const int PrefixFlag = 1;

    /// <summary>The key is the first word of a phrase of the small lexicon.</summary>
    internal const int FirstKeyFlag = 2;

    /// <summary>Bits above the flags hold the group + 1 (0: the key is not a whole name).</summary>
    internal const int GroupShift = 2;

    /// <summary>Words of the Bloom filter: 2^21 bits, 256 KB.</summary>
    internal const int FilterWords = 1 << 15;

    private readonly FrozenStringMap _keys;
    private readonly CompiledSnapshot _snapshot;
    private readonly int _filterSection;

    /// <summary>
    /// The index in sections <paramref name="keys"/> (a <see cref="FrozenStringMap"/>) and <paramref name="filter"/>
    /// (a one-hash Bloom filter over every key: most words are no key, and it rejects them without probing the map).
    /// </summary>
    public NameIndex(CompiledSnapshot snapshot, int keys, int filter)
    {
        _keys = new FrozenStringMap(snapshot, keys);
        _snapshot = snapshot;
        _filterSection = filter;
        if (snapshot.Section<ulong>(filter).Length != FilterWords)
        {
            throw new InvalidDataException("the name filter has the wrong size");
        }
    }

    /// <summary>Every key with its flags and group (for tests).</summary>
    internal IEnumerable<(string Key, int Value)> Entries() => _keys.Entries();

    /// <summary>The filter bit of a key with <see cref="FrozenStringMap.Hash"/> <paramref name="hash"/>: the top 21 bits of the hash mixed by a multiplication.</summary>
    internal static uint FilterBit(uint hash) => (hash * 0x9E3779B1u) >> 11;

    /// <summary>The flags and group of <paramref name="key"/>; false when it is no key.</summary>
    internal bool TryGetValue(ReadOnlySpan<char> key, out int value)
    {
        var hash = FrozenStringMap.Hash(key);
        var bit = FilterBit(hash);
        if ((_snapshot.Section<ulong>(_filterSection)[(int)(bit >> 6)] & (1UL << (int)(bit & 63))) == 0)
        {
            value = 0;
            return false;
        }

        return _keys.TryGetValue(key, hash, out value);
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
        if (!TryGetValue(key, out var value))
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
        if (key.Length == 0 || key.Length > MaxKeyLength || !TryGetValue(key, out var value))
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
            if (!TryGetValue(buffer[..length], out var value))
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

    /// <summary>The word without a leading ال (when enough of it is left).</summary>
    internal static ReadOnlySpan<char> ArticleFree(ReadOnlySpan<char> w) =>
        w.Length >= CliticSegmenter.MinimumStemLength + 2 && w[0] == 'ا' && w[1] == 'ل' ? w[2..] : w;

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
