namespace Rasid.Text;

/// <summary>
/// A half-open range of UTF-16 code units: <see cref="Start"/> is the first index inside the span and
/// <see cref="End"/> is the first index after it (exclusive), so <c>text[span.Start..span.End]</c> is the span's text.
/// </summary>
/// <param name="Start">0-based index of the first code unit in the span.</param>
/// <param name="End">0-based index one past the last code unit (exclusive).</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of code units covered (<c>End - Start</c>).</summary>
    public int Length => End - Start;

    /// <summary>True when the span covers no text.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>True when <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <summary>The smallest span covering both spans.</summary>
    public TextSpan Union(TextSpan other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A half-open range of token indices (<see cref="EndToken"/> exclusive).</summary>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="EndToken">Index one past the last token.</param>
public readonly record struct TokenRange(int FirstToken, int EndToken);
