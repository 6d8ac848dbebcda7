
namespace Rasid.Text;

/// <summary>The text layer's view of one cleaned document: normalised text with offset map, tokens and sentences.</summary>
public sealed class AnalyzedText
{
    private AnalyzedText(NormalizedText normalized, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences)
    {
        Normalized = normalized;
        Tokens = tokens;
        Sentences = sentences;
    }

    /// <summary>The cleaned text that output offsets refer to.</summary>
    public string Original => Normalized.Original;

    /// <summary>The normalised text with its map back to <see cref="Original"/>.</summary>
    public NormalizedText Normalized { get; }

    /// <summary>Tokens in document order (spans in normalised coordinates).</summary>
    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>Sentences in document order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Runs normalisation, tokenisation and sentence splitting over <paramref name="text"/>.</summary>
    public static AnalyzedText Analyze(string text)
    {
        var normalized = ArabicNormalizer.Normalize(text);
        var tokens = ArabicTokenizer.Tokenize(normalized.Text);
        var sentences = SentenceSplitter.Split(normalized.Text, tokens);
        return new AnalyzedText(normalized, tokens, sentences);
    }
}
