using Rasid.Data;

namespace Rasid.Text;

/// <summary>
/// The first words of a lexicon's phrases as a one-hash Bloom filter (65,536 bits, 8 KB): "no" means no phrase starts with
/// the word, so a scan skips the dictionary look-up for most tokens of a text. Words go in by <see cref="Hash"/>, which
/// <see cref="TokenKeys"/> computes once per token reading for every lexicon.
/// </summary>
internal sealed class WordFilter
{
    private const int BitCount = 1 << 16;
    private readonly ulong[] _bits = new ulong[BitCount / 64];

    /// <summary>
    /// The hash of a word: FNV-1a over two zero characters and the word, which is also the hash a compiled trie stores
    /// for the word's edge from its root (<see cref="FrozenStringMap.Hash"/> of the edge key), so that look-up can reuse it.
    /// </summary>
    public static uint Hash(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        h *= 16777619u; // the two zero characters of the root's edge-key prefix: h ^ 0 == h
        h *= 16777619u;
        foreach (var c in word)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }

    /// <summary>Adds the word whose <see cref="Hash"/> is <paramref name="hash"/>.</summary>
    public void Add(uint hash)
    {
        var bit = Bit(hash);
        _bits[bit >> 6] |= 1UL << (bit & 63);
    }

    /// <summary>False when the word whose <see cref="Hash"/> is <paramref name="hash"/> was surely never added.</summary>
    public bool MayContain(uint hash)
    {
        var bit = Bit(hash);
        return (_bits[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    /// <summary>The filter's bits (to store in a compiled snapshot).</summary>
    public ReadOnlySpan<ulong> Bits => _bits;

    /// <summary>A filter with the bits <see cref="Bits"/> gave.</summary>
    public static WordFilter FromBits(ReadOnlySpan<ulong> bits)
    {
        var filter = new WordFilter();
        if (bits.Length != filter._bits.Length)
        {
            throw new InvalidDataException($"a word filter of {bits.Length} words (expected {filter._bits.Length})");
        }

        bits.CopyTo(filter._bits);
        return filter;
    }

    /// <summary>The top 16 bits of the hash mixed by a multiplication (FNV's low bits alone are weak).</summary>
    private static int Bit(uint hash) => (int)((hash * 0x9E3779B1u) >> 16);
}
