
namespace Rasid.Text;

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
/// Splits tokenised Arabic news text into sentences at . ! ? ؟ ؛ … and line breaks. Numbers (3.5, 1,500) and URLs
/// are single tokens, so their dots never split; a dot after a one-letter word ("د. محمد") is an abbreviation; runs of
/// terminals ("..."، "؟!") and closing quotes stay with their sentence. Arabic news often runs one sentence on with
/// "،" and "و": see <see cref="ClauseSplitter"/> for clauses.
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
            var ends = token.Kind == TokenKind.Punctuation && IsTerminal(token.Text) && !IsAbbreviationDot(tokens, t);
            var lineBreakAfter = t + 1 < tokens.Count && HasLineBreak(text, token.End, tokens[t + 1].Start);
            if (ends || lineBreakAfter || t == tokens.Count - 1)
            {
                // Keep closing quotes and brackets, and further terminals ("...", "؟!"), with the sentence they close.
                while (ends && t + 1 < tokens.Count && tokens[t + 1].Kind == TokenKind.Punctuation
                       && (IsCloser(tokens[t + 1].Text) || IsTerminal(tokens[t + 1].Text))
                       && !HasLineBreak(text, tokens[t].End, tokens[t + 1].Start))
                {
                    t++;
                }

                sentences.Add(new Sentence(new TextSpan(tokens[first].Start, tokens[t].End), first, t + 1));
                first = t + 1;
            }
        }

        return sentences;
    }

    /// <summary>
    /// A full stop right after a one-letter word is an abbreviation ("د. محمد", "U.S."), not the end of a sentence.
    /// Numbers (3.5) and URLs never reach here: the tokenizer keeps them whole.
    /// </summary>
    private static bool IsAbbreviationDot(IReadOnlyList<Token> tokens, int t) =>
        tokens[t].Text == "." && t > 0 && tokens[t - 1].End == tokens[t].Start && tokens[t - 1].Text.Length == 1
        && tokens[t - 1].Kind is TokenKind.Word or TokenKind.Latin
        && t + 1 < tokens.Count;

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
