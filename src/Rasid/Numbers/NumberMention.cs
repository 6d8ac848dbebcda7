using Rasid.Text;


namespace Rasid.Numbers;

/// <summary>How exact a number in the text is.</summary>
public enum NumberKind
{
    /// <summary>An exact figure: digits or number words (12, ثمانية, خمسة عشر).</summary>
    Exact,

    /// <summary>A figure stated as a minimum: "12 على الأقل", "أكثر من 12" (value = the stated figure).</summary>
    AtLeast,

    /// <summary>A vague quantity coded with ACLED's conservative value: عشرات = 10, مئات = 100, عدة/عدد من/بضعة = 3.</summary>
    Vague,
}

/// <summary>A number found in the text (digits, number words, compounds, vague quantifiers; ranges give the lower bound).</summary>
/// <param name="Span">Half-open span in the normalised text covering the whole expression.</param>
/// <param name="FirstToken">First token of the expression.</param>
/// <param name="EndToken">One past the last token (exclusive).</param>
/// <param name="Value">The value (the lower bound for ranges, the conservative value for vague quantities).</param>
/// <param name="Kind">Exact, at-least or vague.</param>
public readonly record struct NumberMention(TextSpan Span, int FirstToken, int EndToken, long Value, NumberKind Kind);
