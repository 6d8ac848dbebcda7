using System.Runtime.InteropServices;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Places;

/// <summary>
/// Builds a <see cref="NameIndex"/> while the gazetteer's text files are read: one dictionary holds every key a
/// lookup can meet (whole names with their group, the proper word prefixes of multi-word names, the first words of
/// the small lexicon's phrases), and a Bloom filter over them; <see cref="Write"/> freezes both into the snapshot.
/// </summary>
internal sealed class NameIndexBuilder
{
    private const int MaxKeyLength = NameIndex.MaxKeyLength;
    private const int PrefixFlag = NameIndex.PrefixFlag;
    private const int FirstKeyFlag = NameIndex.FirstKeyFlag;
    private const int GroupShift = NameIndex.GroupShift;

    private readonly Dictionary<string, int> _keys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ulong[] _filter = new ulong[NameIndex.FilterWords];

    public NameIndexBuilder(int capacity = 0)
    {
        _keys = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every key with its flags and group, in the order they were added.</summary>
    public IReadOnlyDictionary<string, int> Keys => _keys;

    /// <summary>The filter words.</summary>
    public ReadOnlySpan<ulong> Filter => _filter;

    /// <summary>The group of <paramref name="normalizedName"/> (already folded by <see cref="ArabicNormalizer.NormalizeKey"/>), created when new.</summary>
    public int GetOrAdd(string normalizedName, int newGroup) => GetOrAdd(normalizedName.AsSpan(), newGroup, normalizedName);

    /// <summary>
    /// The group of <paramref name="normalizedName"/>, created when new; -1 when it has no usable key.
    /// <paramref name="nameString"/>, when given, is the name as a string, kept as the key when the key is the whole name.
    /// </summary>
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
        var h = NameIndex.FilterBit(FrozenStringMap.Hash(key));
        _filter[h >> 6] |= 1UL << (int)(h & 63);
    }

    /// <summary>Writes the keys (a <see cref="FrozenStringMap"/>) and the filter; returns their sections.</summary>
    public (int Keys, int Filter) Write(CompiledWriter writer) =>
        (FrozenStringMap.Write(writer, _keys), writer.AddSection<ulong>(_filter));

    /// <summary>
    /// The index key of a name: each word article-free, words joined by one space. The result is a slice of
    /// <paramref name="name"/> or of <paramref name="buffer"/>; longer than the buffer when the key is too long.
    /// </summary>
    private static ReadOnlySpan<char> KeyOf(ReadOnlySpan<char> name, Span<char> buffer)
    {
        if (name.IndexOf(' ') < 0)
        {
            return NameIndex.ArticleFree(name);
        }

        var length = 0;
        foreach (var range in name.Split(' '))
        {
            var word = name[range];
            if (word.IsEmpty)
            {
                continue;
            }

            word = NameIndex.ArticleFree(word);
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
}
