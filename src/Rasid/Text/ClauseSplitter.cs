using Rasid.Data;


namespace Rasid.Text;

/// <summary>
/// Splits a long Arabic news sentence into clauses, so that a count or a place attaches to the right event:
/// "قتل 3 جنود في عدن، وأصيب 5 مدنيين في تعز" reports two events in one sentence.
/// </summary>
/// <remarks>
/// The rule is conservative. A sentence of fewer than <see cref="LongSentenceTokens"/> tokens stays whole. In a longer
/// one a clause starts (a) after "،" or ",", or (b) at a word that is و/ف + a clause-start word ("وقال", "فأصيب"), or
/// (c) at a clause-start word that stands alone ("كما", "فيما", "بينما"). The clause-start words are listed in
/// data/clitics/clause-starts.tsv (verbs of reporting and of conflict events, a few particles). A boundary is kept only
/// when both the clause before it and the rest of the sentence have at least <see cref="MinimumClauseTokens"/> tokens,
/// so short asides ("، بينهم طفلان،") stay attached. The comma stays with the clause before it.
/// </remarks>
public sealed class ClauseSplitter
{
    /// <summary>Sentences with fewer tokens than this are never split.</summary>
    public const int LongSentenceTokens = 20;

    /// <summary>Fewest tokens a clause may have on either side of a boundary.</summary>
    public const int MinimumClauseTokens = 4;

    private readonly HashSet<string> _withConjunction;
    private readonly HashSet<string> _alone;

    private ClauseSplitter(HashSet<string> withConjunction, HashSet<string> alone)
    {
        _withConjunction = withConjunction;
        _alone = alone;
    }

    /// <summary>Loads the clause-start words from data/clitics/clause-starts.tsv.</summary>
    public static ClauseSplitter Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var withConjunction = new HashSet<string>(StringComparer.Ordinal);
        var alone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvReader.Read(data, "clitics/clause-starts.tsv"))
        {
            var word = ArabicNormalizer.NormalizeKey(row["word"]);
            withConjunction.Add(word);
            if (string.Equals(row["alone"], "1", StringComparison.Ordinal))
            {
                alone.Add(word);
            }
        }

        return new ClauseSplitter(withConjunction, alone);
    }

    /// <summary>
    /// The clauses of <paramref name="sentence"/> in order, as sentence-shaped ranges (normalised span + token range)
    /// that together cover exactly the sentence's tokens; a short sentence comes back as its only clause.
    /// </summary>
    public IReadOnlyList<Sentence> Split(AnalyzedText text, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = text.Tokens;
        if (sentence.TokenCount < LongSentenceTokens || sentence.FirstToken < 0 || sentence.EndToken > tokens.Count)
        {
            return [sentence];
        }

        var clauses = new List<Sentence>();
        var first = sentence.FirstToken;
        for (var b = first + MinimumClauseTokens; b <= sentence.EndToken - MinimumClauseTokens; b++)
        {
            if (b - first >= MinimumClauseTokens && StartsClause(tokens, b))
            {
                clauses.Add(Make(tokens, first, b));
                first = b;
            }
        }

        clauses.Add(Make(tokens, first, sentence.EndToken));
        return clauses;
    }

    private bool StartsClause(IReadOnlyList<Token> tokens, int b)
    {
        if (tokens[b - 1].Kind == TokenKind.Punctuation && tokens[b - 1].Text is "،" or ",")
        {
            return true;
        }

        var token = tokens[b];
        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        if (_alone.Contains(token.Text))
        {
            return true;
        }

        return token.Text.Length > 2 && token.Text[0] is 'و' or 'ف'
               && _withConjunction.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token.Text.AsSpan(1));
    }

    private static Sentence Make(IReadOnlyList<Token> tokens, int first, int end) =>
        new(new TextSpan(tokens[first].Start, tokens[end - 1].End), first, end);
}
