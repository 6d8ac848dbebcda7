using Rasid.Text;

namespace Rasid.Dates;

/// <summary>A date expression found in the text and, when possible, resolved against the publication date.</summary>
/// <param name="Span">Half-open span in the normalised text (map it with NormalizedText.ToOriginal for date_text).</param>
/// <param name="Date">The resolved day (for week/month precision: the first day of the period), or null.</param>
/// <param name="Precision">1 exact day, 2 within a week, 3 within a month; null when unresolved.</param>
/// <param name="IsRelative">True for expressions that need the publication date (أمس، الجمعة الماضية).</param>
public readonly record struct DateMention(TextSpan Span, DateOnly? Date, int? Precision, bool IsRelative)
{
    /// <summary>Index of the first token of the expression (its proclitics, as in "وأمس", are outside <see cref="Span"/>).</summary>
    public int FirstToken { get; init; }

    /// <summary>Index one past the last token of the expression (exclusive).</summary>
    public int EndToken { get; init; }
}

/// <summary>Helpers over date mentions.</summary>
public static class DateMentions
{
    /// <summary>The token ranges of <paramref name="dates"/> (what <c>NumberRecognizer.Find</c> skips).</summary>
    public static IEnumerable<TokenRange> TokenRanges(this IEnumerable<DateMention> dates) =>
        dates.Select(d => new TokenRange(d.FirstToken, d.EndToken));
}
