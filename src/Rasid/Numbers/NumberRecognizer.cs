using System.Globalization;
using Rasid.Documents;
using Rasid.Lexicons;
using Rasid.Tokenization;

namespace Rasid.Numbers;

/// <summary>Finds numbers in analysed text: digits now; number words and quantifiers come from data files.</summary>
public sealed class NumberRecognizer
{
    private NumberRecognizer()
    {
    }

    /// <summary>Loads the number word lists from <paramref name="data"/>.</summary>
    public static NumberRecognizer Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new NumberRecognizer();
    }

    /// <summary>All numbers in <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<NumberMention> Find(AnalyzedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<NumberMention>();
        for (var i = 0; i < text.Tokens.Count; i++)
        {
            var t = text.Tokens[i];
            if (t.Kind == TokenKind.Number
                && long.TryParse(t.Text.Replace(",", string.Empty, StringComparison.Ordinal).Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                result.Add(new NumberMention(t.Span, i, i + 1, v, NumberKind.Exact));
            }
        }

        return result;
    }
}
