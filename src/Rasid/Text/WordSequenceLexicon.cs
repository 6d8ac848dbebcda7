
namespace Rasid.Text;

/// <summary>A match of a <see cref="WordSequenceLexicon{T}"/> entry.</summary>
internal readonly record struct WordSequenceMatch<T>(int FirstToken, int EndToken, int PrefixLength, T Value);

/// <summary>
/// Exact multi-word lookup over normalised tokens (no article folding, unlike PhraseMatcher: اليوم must not match يوم).
/// The first word may optionally carry proclitics (و ف ب ل ك لل).
/// </summary>
internal sealed class WordSequenceLexicon<T>
{
    private readonly Dictionary<string, List<(string[] Tail, T Value)>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string[] Tail, T Value)>>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public WordSequenceLexicon()
    {
        _bySpan = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int MaxWords { get; private set; }

    /// <summary>Length of the longest first word: longer tokens are rejected without hashing them.</summary>
    public int MaxFirstLength { get; private set; }

    public void Add(string phrase, T value)
    {
        var words = ArabicNormalizer.NormalizeKey(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return;
        }

        if (!_byFirst.TryGetValue(words[0], out var list))
        {
            list = [];
            _byFirst[words[0]] = list;
        }

        list.Add((words[1..], value));
        MaxWords = Math.Max(MaxWords, words.Length);
        MaxFirstLength = Math.Max(MaxFirstLength, words[0].Length);
    }

    public bool ContainsWord(string word) => _byFirst.ContainsKey(word);

    /// <summary>The first words of all entries (normalised).</summary>
    public IEnumerable<string> FirstWords => _byFirst.Keys;

    /// <summary>The longest entry starting at token <paramref name="t"/> (ending before <paramref name="endToken"/>).</summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, int t, int endToken, bool allowProclitics, out WordSequenceMatch<T> match)
    {
        match = default;
        if (t < 0 || t >= endToken)
        {
            return false;
        }

        var found = false;
        var first = tokens[t].Text;
        if (first.Length > MaxFirstLength + 3)
        {
            return false; // longer than any entry plus the longest proclitic prefix (ولل)
        }
        if (TryFirst(tokens, t, endToken, first, 0, ref match))
        {
            found = true;
        }

        if (allowProclitics && tokens[t].Kind == TokenKind.Word && first.Length > 2)
        {
            Span<ProcliticSlice> slices = stackalloc ProcliticSlice[ProcliticCandidates.MaxCandidates];
            var count = ProcliticCandidates.Fill(first, slices);
            for (var k = 1; k < count; k++)
            {
                var slice = slices[k];
                var stem = slice.RestoreArticle ? string.Concat("ا", first.AsSpan(slice.Start)).AsSpan() : first.AsSpan(slice.Start);
                if (TryFirst(tokens, t, endToken, stem, slice.Prefix, ref match))
                {
                    found = true;
                }
            }
        }

        return found;
    }

    private bool TryFirst(IReadOnlyList<Token> tokens, int t, int endToken, ReadOnlySpan<char> firstWord, int prefix, ref WordSequenceMatch<T> best)
    {
        if (!_bySpan.TryGetValue(firstWord, out var entries))
        {
            return false;
        }

        var found = false;
        foreach (var (rest, value) in entries)
        {
            if (t + 1 + rest.Length > endToken)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < rest.Length && ok; k++)
            {
                ok = string.Equals(tokens[t + 1 + k].Text, rest[k], StringComparison.Ordinal);
            }

            var end = t + 1 + rest.Length;
            if (ok && (end > best.EndToken || (end == best.EndToken && prefix < best.PrefixLength)))
            {
                best = new WordSequenceMatch<T>(t, end, prefix, value);
                found = true;
            }
        }

        return found;
    }
}
