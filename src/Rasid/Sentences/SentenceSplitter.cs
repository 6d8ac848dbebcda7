using Rasid.Documents;
using Rasid.Tokenization;

namespace Rasid.Sentences;

/// <summary>A sentence: its span in the normalised text and the half-open range of its tokens.</summary>
/// <param name="Span">Half-open span in the normalised text.</param>
/// <param name="FirstToken">Index of the first token of the sentence.</param>
/// <param name="EndToken">Index one past the last token (exclusive).</param>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int EndToken)
{
    /// <summary>Number of tokens in the sentence.</summary>
    public int TokenCount => EndToken - FirstToken;
}

/// <summary>
/// Splits tokenised Arabic news text into sentences at . ! ? ؟ ؛ and line breaks. Arabic news often runs one
/// sentence on with "،" and "و"; clause splitting inside a sentence is left to later stages.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Splits <paramref name="text"/> (the normalised text) given its tokens.</summary>
    public static IReadOnlyList<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>();
        var first = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var ends = token.Kind == TokenKind.Punctuation && IsTerminal(token.Text);
            var lineBreakAfter = t + 1 < tokens.Count && HasLineBreak(text, token.End, tokens[t + 1].Start);
            if (ends || lineBreakAfter || t == tokens.Count - 1)
            {
                // Keep closing quotes and brackets with the sentence they close.
                while (ends && t + 1 < tokens.Count && tokens[t + 1].Kind == TokenKind.Punctuation
                       && IsCloser(tokens[t + 1].Text) && !HasLineBreak(text, token.End, tokens[t + 1].Start))
                {
                    t++;
                }

                sentences.Add(new Sentence(new TextSpan(tokens[first].Start, tokens[t].End), first, t + 1));
                first = t + 1;
            }
        }

        return sentences;
    }

    private static bool IsTerminal(string p) => p is "." or "!" or "?" or "؟" or "؛" or "…";

    private static bool IsCloser(string p) => p is "\"" or "”" or "»" or ")" or "'" or "’";

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '\n' or '\r' or '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
