
namespace Rasid.Text;

/// <summary>What kind of surface unit a <see cref="Token"/> is.</summary>
public enum TokenKind
{
    /// <summary>A run of Arabic letters.</summary>
    Word,

    /// <summary>A run of Latin letters (and digits inside them, as in "F16").</summary>
    Latin,

    /// <summary>Digits with optional thousands or decimal separators: 12, 1,500, 3.5 (already folded from ١٬٥٠٠).</summary>
    Number,

    /// <summary>Punctuation, including Arabic ، ؛ ؟ and quotes.</summary>
    Punctuation,

    /// <summary>A URL or e-mail address kept whole.</summary>
    Url,

    /// <summary>Any other visible symbol.</summary>
    Symbol,
}

/// <summary>
/// A surface unit of the normalised text. <see cref="Span"/> is in <em>normalised</em> coordinates; map it
/// with <see cref="NormalizedText.ToOriginal(TextSpan)"/> for output.
/// </summary>
/// <param name="Kind">The token's kind.</param>
/// <param name="Span">Half-open span in the normalised text.</param>
/// <param name="Text">The normalised text of the token.</param>
public readonly record struct Token(TokenKind Kind, TextSpan Span, string Text)
{
    /// <summary>Convenience: start index in the normalised text.</summary>
    public int Start => Span.Start;

    /// <summary>Convenience: exclusive end index in the normalised text.</summary>
    public int End => Span.End;
}
