
namespace Rasid.Text;

/// <summary>
/// Splits normalised text into <see cref="Token"/>s: Arabic words, Latin words, numbers (1,500 and 3.5 stay whole),
/// URLs, punctuation and symbols. White space is not a token.
/// </summary>
public static class ArabicTokenizer
{
    /// <summary>Tokenises <paramref name="text"/> (normally <see cref="NormalizedText.Text"/>).</summary>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (c is 'h' or 'H' or 'w' or 'W' && TryScanUrl(text, i, out var urlEnd))
            {
                i = urlEnd;
                kind = TokenKind.Url;
            }
            else if (IsArabicLetter(c))
            {
                while (i < text.Length && IsArabicLetter(text[i]))
                {
                    i++;
                }

                kind = TokenKind.Word;
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ScanNumber(text, i);
                kind = TokenKind.Number;
            }
            else if (char.IsLetter(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) && !IsArabicLetter(text[i])))
                {
                    i++;
                }

                kind = TokenKind.Latin;
            }
            else if (char.IsPunctuation(c))
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                kind = TokenKind.Punctuation;
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                kind = TokenKind.Symbol;
            }

            tokens.Add(new Token(kind, new TextSpan(start, i), text[start..i]));
        }

        return tokens;
    }

    /// <summary>True for letters of the Arabic script blocks (not digits, not punctuation such as ، ؛ ؟).</summary>
    public static bool IsArabicLetter(char c) =>
        c is (>= '\u0621' and <= '\u064A') or (>= '\u0671' and <= '\u06D3') or '\u06D5' or (>= '\u06EE' and <= '\u06EF')
            or (>= '\u06FA' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08C9');

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            // A separator counts only between digits: "1,500" and "3.5" stay whole, "12، 13" does not.
            if ((text[i] == ',' || text[i] == '.') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        return i;
    }

    private static bool TryScanUrl(string text, int i, out int end)
    {
        end = i;
        var rest = text.AsSpan(i);
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"' && text[end] != '<' && text[end] != '>')
        {
            end++;
        }

        // Trailing sentence punctuation belongs to the sentence, not the URL.
        while (end > i && ".,;:!?)،؛؟".Contains(text[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        return end > i;
    }
}
