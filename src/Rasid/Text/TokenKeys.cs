using System.Runtime.CompilerServices;

namespace Rasid.Text;

/// <summary>
/// The lookup keys of a token list, computed once and shared by every lexicon that scans it (actors, triggers,
/// cues, places): each token's article-free key and the keys of its proclitic readings. Every key is a suffix of its
/// token's text, so the keys are kept as offsets and read as spans: no string per token or reading. Cached per token list.
/// </summary>
internal sealed class TokenKeys
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Token>, TokenKeys> s_cache = new();

    /// <summary>Each token's text.</summary>
    private readonly string[] _text;

    /// <summary>Where each token's article-free key starts in its text.</summary>
    private readonly int[] _wordKeyStart;

    /// <summary>The readings of token t are <c>_readings[_firstReading[t].._firstReading[t + 1]]</c>.</summary>
    private readonly int[] _firstReading;

    private readonly TokenReading[] _readings;

    private TokenKeys(IReadOnlyList<Token> tokens)
    {
        var n = tokens.Count;
        _text = new string[n];
        _wordKeyStart = new int[n];
        _firstReading = new int[n + 1];
        var readings = new TokenReading[n + (n / 2) + ProcliticCandidates.MaxCandidates];
        Span<ProcliticKey> keys = stackalloc ProcliticKey[ProcliticCandidates.MaxCandidates];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            var t = tokens[i];
            _text[i] = t.Text;
            _wordKeyStart[i] = ProcliticCandidates.ArticleLength(t.Text);
            _firstReading[i] = count;
            if (t.Kind is TokenKind.Word or TokenKind.Latin or TokenKind.Number)
            {
                if (readings.Length - count < ProcliticCandidates.MaxCandidates)
                {
                    Array.Resize(ref readings, readings.Length * 2);
                }

                var k = ProcliticCandidates.FillKeys(t.Text, keys);
                for (var r = 0; r < k; r++)
                {
                    readings[count++] = new TokenReading(keys[r].PrefixLength, keys[r].KeyStart, WordFilter.Hash(t.Text.AsSpan(keys[r].KeyStart)));
                }
            }
        }

        _firstReading[n] = count;
        _readings = readings;
    }

    /// <summary>Article-free key of token <paramref name="t"/> (<see cref="CliticSegmenter.ArticleFreeKey"/> of its text).</summary>
    public ReadOnlySpan<char> WordKey(int t) => _text[t].AsSpan(_wordKeyStart[t]);

    /// <summary>The proclitic readings of token <paramref name="t"/> (a word, Latin or number token), the unsplit word first; none for other tokens.</summary>
    public ReadOnlySpan<TokenReading> Readings(int t) => _readings.AsSpan(_firstReading[t], _firstReading[t + 1] - _firstReading[t]);

    /// <summary>The key of <paramref name="reading"/>, one of the readings of token <paramref name="t"/>.</summary>
    public ReadOnlySpan<char> Key(int t, TokenReading reading) => _text[t].AsSpan(reading.KeyStart);

    /// <summary>The keys of <paramref name="tokens"/>, computed on first use.</summary>
    public static TokenKeys Of(IReadOnlyList<Token> tokens) => s_cache.GetValue(tokens, static t => new TokenKeys(t));
}

/// <summary>One proclitic reading of a token: <see cref="PrefixLength"/> letters read as proclitics, its key the token's text from <see cref="KeyStart"/>, and the key's <see cref="WordFilter.Hash"/>.</summary>
internal readonly record struct TokenReading(int PrefixLength, int KeyStart, uint Hash);
