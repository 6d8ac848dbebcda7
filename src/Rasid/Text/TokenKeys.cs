using System.Runtime.CompilerServices;

namespace Rasid.Text;

/// <summary>
/// The lookup keys of a token list, computed once and shared by every lexicon that scans it (actors, triggers,
/// cues, places): each token's article-free key and the keys of its proclitic readings. Cached per token list.
/// </summary>
internal sealed class TokenKeys
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Token>, TokenKeys> s_cache = new();

    private TokenKeys(IReadOnlyList<Token> tokens)
    {
        WordKeys = new string[tokens.Count];
        StemKeys = new (int PrefixLength, string Key)[tokens.Count][];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            WordKeys[i] = CliticSegmenter.ArticleFreeKey(t.Text);
            if (t.Kind is TokenKind.Word or TokenKind.Latin or TokenKind.Number)
            {
                StemKeys[i] = CliticSegmenter.StemCandidates(t.Text).Select(c => (c.PrefixLength, CliticSegmenter.ArticleFreeKey(c.Stem))).ToArray();
            }
            else
            {
                StemKeys[i] = [];
            }
        }
    }

    /// <summary>Article-free key of each token.</summary>
    public string[] WordKeys { get; }

    /// <summary>Keys of each token's proclitic readings, the unsplit word first.</summary>
    public (int PrefixLength, string Key)[][] StemKeys { get; }

    /// <summary>The keys of <paramref name="tokens"/>, computed on first use.</summary>
    public static TokenKeys Of(IReadOnlyList<Token> tokens) => s_cache.GetValue(tokens, t => new TokenKeys(t));
}
