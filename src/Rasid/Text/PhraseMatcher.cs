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

    /// <summary>Number of phrases added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="phrase"/> (any spelling; it is normalised here) with its payload.</summary>
    /// <returns>False when the phrase has no words.</returns>
    public bool Add(string phrase, T value)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = ArabicNormalizer.NormalizeKey(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var node = _root;
        foreach (var w in words)
        {
            var key = CliticSegmenter.ArticleFreeKey(w);
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
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
        var t = firstToken;
        while (t < endToken)
        {
            if (TryMatchAt(tokens, t, endToken, out var match))
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
        if (first.Kind is not (TokenKind.Word or TokenKind.Latin or TokenKind.Number) || _root.Children is null)
        {
            return false;
        }

        var bestEnd = -1;
        var bestPrefix = 0;
        List<T>? bestValues = null;
        foreach (var (prefixLength, key) in keys.StemKeys[t])
        {
            if (!_root.Children.TryGetValue(key, out var node))
            {
                continue;
            }

            var end = t + 1;
            if (node.Values is not null && end > bestEnd)
            {
                (bestEnd, bestPrefix, bestValues) = (end, prefixLength, node.Values);
            }

            while (end < endToken && node.Children is not null
                   && tokens[end].Kind is TokenKind.Word or TokenKind.Latin or TokenKind.Number
                   && node.Children.TryGetValue(keys.WordKeys[end], out var next))
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
                node.Children = new Dictionary<string, Node>(StringComparer.Ordinal);
                for (var i = 0; i < children; i++)
                {
                    var child = new Node();
                    node.Children.Add(reader.ReadRequiredString(), child);
                    ReadNode(child);
                }
            }
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public List<T>? Values;
    }
}
