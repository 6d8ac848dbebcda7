using System.Runtime.InteropServices;
using Rasid.Data;

namespace Rasid.Text;

/// <summary>A lexicon phrase found in text.</summary>
/// <typeparam name="T">The payload stored with the phrase.</typeparam>
/// <param name="FirstToken">Index of the first token matched.</param>
/// <param name="EndToken">Index one past the last token matched (exclusive).</param>
/// <param name="Span">Normalised-text span of the match, without the proclitics of the first token.</param>
/// <param name="PrefixLength">Number of proclitic characters skipped on the first token.</param>
/// <param name="Value">The payload.</param>
public readonly record struct PhraseMatch<T>(int FirstToken, int EndToken, TextSpan Span, int PrefixLength, T Value);

/// <summary>
/// Finds lexicon phrases (one or more words) in tokenised text. Words compare on their article-free key
/// (<see cref="CliticSegmenter.ArticleFreeKey"/>); the first word may carry proclitics (و ف ب ل ك لل).
/// Matches are returned longest first and never overlap. Several payloads may share one phrase.
/// </summary>
/// <typeparam name="T">The payload type.</typeparam>
public sealed class PhraseMatcher<T>
{
    private readonly Node _root = new();

    /// <summary>The first words of the phrases: most tokens of a text start none, and the filter says so without a look-up.</summary>
    private readonly WordFilter _firstWords;

    /// <summary>Set when the matcher was opened from a snapshot (<see cref="OpenFrozen"/>): the trie is read in place and is read-only.</summary>
    private readonly FrozenTrie? _frozen;

    /// <summary>An empty matcher; fill it with <see cref="Add"/>.</summary>
    public PhraseMatcher()
    {
        _firstWords = new WordFilter();
    }

    /// <summary>Number of phrases added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="phrase"/> (any spelling; it is normalised here) with its payload.</summary>
    /// <returns>False when the phrase has no words.</returns>
    public bool Add(string phrase, T value)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (_frozen is not null)
        {
            throw new InvalidOperationException("a matcher opened from a compiled snapshot is read-only");
        }

        var words = ArabicNormalizer.NormalizeKey(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var node = _root;
        _firstWords.Add(WordFilter.Hash(CliticSegmenter.ArticleFreeKey(words[0])));
        foreach (var w in words)
        {
            var key = CliticSegmenter.ArticleFreeKey(w);
            node.Children ??= node.NewChildren();
            if (!node.Children.TryGetValue(key, out var next))
            {
                next = new Node();
                node.Children[key] = next;
            }

            node = next;
        }

        node.Values ??= [];
        if (!node.Values.Contains(value))
        {
            node.Values.Add(value);
        }

        Count++;
        return true;
    }

    /// <summary>All non-overlapping matches in <paramref name="tokens"/>, left to right, preferring the longest.</summary>
    public IReadOnlyList<PhraseMatch<IReadOnlyList<T>>> FindAll(IReadOnlyList<Token> tokens, int firstToken = 0, int endToken = -1)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (endToken < 0)
        {
            endToken = tokens.Count;
        }

        var result = new List<PhraseMatch<IReadOnlyList<T>>>();
        var keys = TokenKeys.Of(tokens);
        var t = firstToken;
        while (t < endToken)
        {
            if (TryMatchAt(tokens, keys, t, endToken, out var match))
            {
                result.Add(match);
                t = match.EndToken;
            }
            else
            {
                t++;
            }
        }

        return result;
    }

    /// <summary>The longest match starting at token <paramref name="t"/>, if any.</summary>
    public bool TryMatchAt(IReadOnlyList<Token> tokens, int t, int endToken, out PhraseMatch<IReadOnlyList<T>> match)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return TryMatchAt(tokens, TokenKeys.Of(tokens), t, endToken, out match);
    }

    /// <summary>As <see cref="TryMatchAt(IReadOnlyList{Token}, int, int, out PhraseMatch{IReadOnlyList{T}})"/>, with the keys of <paramref name="tokens"/> already fetched (a scan calls it per token).</summary>
    internal bool TryMatchAt(IReadOnlyList<Token> tokens, TokenKeys keys, int t, int endToken, out PhraseMatch<IReadOnlyList<T>> match)
    {
        match = default;
        var first = tokens[t];
        if (_frozen is not null)
        {
            return first.Kind is TokenKind.Word or TokenKind.Latin or TokenKind.Number && _frozen.TryMatchAt(tokens, keys, t, endToken, _firstWords, out match);
        }

        if (first.Kind is not (TokenKind.Word or TokenKind.Latin or TokenKind.Number) || _root.Children is null)
        {
            return false;
        }

        var bestEnd = -1;
        var bestPrefix = 0;
        List<T>? bestValues = null;
        foreach (var reading in keys.Readings(t))
        {
            if (!_firstWords.MayContain(reading.Hash) || !_root.TryChild(keys.Key(t, reading), out var node))
            {
                continue;
            }

            var prefixLength = reading.PrefixLength;
            var end = t + 1;
            if (node.Values is not null && end > bestEnd)
            {
                (bestEnd, bestPrefix, bestValues) = (end, prefixLength, node.Values);
            }

            while (end < endToken && node.Children is not null
                   && tokens[end].Kind is TokenKind.Word or TokenKind.Latin or TokenKind.Number
                   && node.TryChild(keys.WordKey(end), out var next))
            {
                node = next;
                end++;
                if (node.Values is not null && end > bestEnd)
                {
                    (bestEnd, bestPrefix, bestValues) = (end, prefixLength, node.Values);
                }
            }
        }

        if (bestValues is null)
        {
            return false;
        }

        var span = new TextSpan(first.Start + bestPrefix, tokens[bestEnd - 1].End);
        match = new PhraseMatch<IReadOnlyList<T>>(t, bestEnd, span, bestPrefix, bestValues);
        return true;
    }

    /// <summary>Writes the phrases as a snapshot (<see cref="CompiledData"/>): the trie in enumeration order.</summary>
    internal void Write(CompiledWriter writer, Action<CompiledWriter, T> writeValue)
    {
        if (_frozen is not null)
        {
            throw new InvalidOperationException("a frozen matcher is written by WriteFrozen");
        }

        writer.Write(Count);
        WriteNode(_root);

        void WriteNode(Node node)
        {
            writer.Write(node.Values?.Count ?? -1);
            foreach (var value in node.Values ?? [])
            {
                writeValue(writer, value);
            }

            writer.Write(node.Children?.Count ?? -1);
            if (node.Children is null)
            {
                return;
            }

            foreach (var (key, child) in node.Children)
            {
                writer.Write(key);
                WriteNode(child);
            }
        }
    }

    /// <summary>A matcher equal to the one <see cref="Write"/> wrote: the same tries, dictionaries filled in the same order.</summary>
    internal static PhraseMatcher<T> Read(CompiledReader reader, Func<CompiledReader, T> readValue)
    {
        var matcher = new PhraseMatcher<T> { Count = reader.ReadInt32() };
        ReadNode(matcher._root);
        foreach (var word in matcher._root.Children?.Keys ?? Enumerable.Empty<string>())
        {
            matcher._firstWords.Add(WordFilter.Hash(word));
        }

        return matcher;

        void ReadNode(Node node)
        {
            var values = reader.ReadInt32();
            if (values >= 0)
            {
                node.Values = [];
                for (var i = 0; i < values; i++)
                {
                    node.Values.Add(readValue(reader));
                }
            }

            var children = reader.ReadInt32();
            if (children >= 0)
            {
                node.Children = node.NewChildren();
                for (var i = 0; i < children; i++)
                {
                    var child = new Node();
                    node.Children.Add(reader.ReadRequiredString(), child);
                    ReadNode(child);
                }
            }
        }
    }

    private PhraseMatcher(FrozenTrie frozen, WordFilter firstWords, int count)
    {
        _frozen = frozen;
        _firstWords = firstWords;
        Count = count;
    }

    /// <summary>
    /// Writes the phrases in the frozen form <see cref="OpenFrozen"/> reads in place: nodes numbered depth-first (the
    /// root is 0), every edge in one <see cref="FrozenStringMap"/> keyed by its parent node (two characters) and word,
    /// and each node's payloads as ids that <paramref name="payloadId"/> gives (the caller keeps the payloads themselves);
    /// then the filter of first words.
    /// </summary>
    internal void WriteFrozen(CompiledWriter writer, Func<T, int> payloadId)
    {
        if (_frozen is not null)
        {
            throw new InvalidOperationException("the matcher is frozen already");
        }

        var edges = new List<KeyValuePair<string, int>>();
        var valueStarts = new List<int> { 0 };
        var values = new List<int>();
        Number(_root);
        writer.Write(Count);
        writer.Write(FrozenStringMap.Write(writer, edges));
        writer.Write(writer.AddSection<int>(CollectionsMarshal.AsSpan(valueStarts)));
        writer.Write(writer.AddSection<int>(CollectionsMarshal.AsSpan(values)));
        writer.Write(writer.AddSection<ulong>(_firstWords.Bits));

        int Number(Node node)
        {
            var id = valueStarts.Count - 1;
            foreach (var value in node.Values ?? [])
            {
                values.Add(payloadId(value));
            }

            valueStarts.Add(values.Count);
            foreach (var (word, child) in node.Children ?? [])
            {
                edges.Add(new(FrozenTrie.EdgeKey(id, word), Number(child)));
            }

            return id;
        }
    }

    /// <summary>
    /// The matcher <see cref="WriteFrozen"/> wrote, read in place: a lookup probes the snapshot's edge map, and a node's
    /// payloads are made by <paramref name="payload"/> (from their ids) when the node first matches.
    /// </summary>
    internal static PhraseMatcher<T> OpenFrozen(CompiledReader reader, Func<int, T> payload)
    {
        var count = reader.ReadInt32();
        var snapshot = reader.Snapshot;
        var trie = new FrozenTrie(new FrozenStringMap(snapshot, reader.ReadInt32()), snapshot, reader.ReadInt32(), reader.ReadInt32(), payload);
        var firstWords = WordFilter.FromBits(snapshot.Section<ulong>(reader.ReadInt32()));
        return new PhraseMatcher<T>(trie, firstWords, count);
    }

    /// <summary>Every phrase as its word keys with its payloads, in no set order (for tests that compare two matchers).</summary>
    internal IEnumerable<(string Words, IReadOnlyList<T> Values)> Phrases() => _frozen?.Phrases() ?? MutablePhrases(_root, string.Empty);

    private static IEnumerable<(string Words, IReadOnlyList<T> Values)> MutablePhrases(Node node, string path)
    {
        if (node.Values is not null)
        {
            yield return (path, node.Values);
        }

        foreach (var (word, child) in node.Children ?? [])
        {
            foreach (var phrase in MutablePhrases(child, path.Length == 0 ? word : path + " " + word))
            {
                yield return phrase;
            }
        }
    }

    /// <summary>The trie of a compiled snapshot, probed where it lies.</summary>
    private sealed class FrozenTrie(FrozenStringMap edges, CompiledSnapshot snapshot, int valueStartSection, int valueSection, Func<int, T> payload)
    {
        private readonly T[]?[] _values = new T[]?[snapshot.Section<int>(valueStartSection).Length - 1];

        /// <summary>The key of the edge from <paramref name="parent"/> by <paramref name="word"/>: the parent id as two characters, then the word.</summary>
        public static string EdgeKey(int parent, string word) => string.Create(word.Length + 2, (parent, word), static (span, state) =>
        {
            span[0] = (char)(state.parent >> 16);
            span[1] = (char)state.parent;
            state.word.CopyTo(span[2..]);
        });

        private bool TryChild(int node, ReadOnlySpan<char> word, out int child) =>
            TryChild(node, word, null, out child);

        /// <summary>As <see cref="TryChild(int, ReadOnlySpan{char}, out int)"/>; <paramref name="hash"/>, when given, is the edge key's hash (for the root: <see cref="WordFilter.Hash"/> of the word).</summary>
        private bool TryChild(int node, ReadOnlySpan<char> word, uint? hash, out int child)
        {
            Span<char> key = word.Length <= 126 ? stackalloc char[word.Length + 2] : new char[word.Length + 2];
            key[0] = (char)(node >> 16);
            key[1] = (char)node;
            word.CopyTo(key[2..]);
            return edges.TryGetValue(key, hash ?? FrozenStringMap.Hash(key), out child);
        }

        private bool HasValues(int node)
        {
            var starts = snapshot.Section<int>(valueStartSection);
            return starts[node + 1] > starts[node];
        }

        private T[] Values(int node)
        {
            var made = Volatile.Read(ref _values[node]);
            if (made is not null)
            {
                return made;
            }

            var starts = snapshot.Section<int>(valueStartSection);
            var ids = snapshot.Section<int>(valueSection)[starts[node]..starts[node + 1]];
            made = new T[ids.Length];
            for (var i = 0; i < made.Length; i++)
            {
                made[i] = payload(ids[i]);
            }

            return Interlocked.CompareExchange(ref _values[node], made, null) ?? made;
        }

        /// <summary>As the mutable matcher's lookup (same order of readings, same longest-first rule).</summary>
        public bool TryMatchAt(IReadOnlyList<Token> tokens, TokenKeys keys, int t, int endToken, WordFilter firstWords, out PhraseMatch<IReadOnlyList<T>> match)
        {
            var bestEnd = -1;
            var bestPrefix = 0;
            var bestNode = -1;
            foreach (var reading in keys.Readings(t))
            {
                if (!firstWords.MayContain(reading.Hash) || !TryChild(0, keys.Key(t, reading), reading.Hash, out var node))
                {
                    continue;
                }

                var prefixLength = reading.PrefixLength;
                var end = t + 1;
                if (HasValues(node) && end > bestEnd)
                {
                    (bestEnd, bestPrefix, bestNode) = (end, prefixLength, node);
                }

                while (end < endToken
                       && tokens[end].Kind is TokenKind.Word or TokenKind.Latin or TokenKind.Number
                       && TryChild(node, keys.WordKey(end), out var next))
                {
                    node = next;
                    end++;
                    if (HasValues(node) && end > bestEnd)
                    {
                        (bestEnd, bestPrefix, bestNode) = (end, prefixLength, node);
                    }
                }
            }

            if (bestNode < 0)
            {
                match = default;
                return false;
            }

            var span = new TextSpan(tokens[t].Start + bestPrefix, tokens[bestEnd - 1].End);
            match = new PhraseMatch<IReadOnlyList<T>>(t, bestEnd, span, bestPrefix, Values(bestNode));
            return true;
        }

        public IEnumerable<(string Words, IReadOnlyList<T> Values)> Phrases()
        {
            var children = edges.Entries()
                .Select(e => (Parent: (e.Key[0] << 16) | e.Key[1], Word: e.Key[2..], Child: e.Value))
                .ToLookup(e => e.Parent);
            var stack = new Stack<(int Node, string Path)>([(0, string.Empty)]);
            while (stack.TryPop(out var top))
            {
                if (HasValues(top.Node))
                {
                    yield return (top.Path, Values(top.Node));
                }

                foreach (var (_, word, child) in children[top.Node])
                {
                    stack.Push((child, top.Path.Length == 0 ? word : top.Path + " " + word));
                }
            }
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children;

        /// <summary>Look-up of <see cref="Children"/> by a span (a token key; no string made), set with them.</summary>
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _byKey;

        /// <summary>The dictionary of children for <see cref="Children"/>, with its span look-up.</summary>
        public Dictionary<string, Node> NewChildren()
        {
            var children = new Dictionary<string, Node>(StringComparer.Ordinal);
            _byKey = children.GetAlternateLookup<ReadOnlySpan<char>>();
            return children;
        }

        /// <summary>The child by <paramref name="word"/>; false when there is none (or no children).</summary>
        public bool TryChild(ReadOnlySpan<char> word, out Node child)
        {
            if (Children is null)
            {
                child = null!;
                return false;
            }

            return _byKey.TryGetValue(word, out child!);
        }
        public List<T>? Values;
    }
}
