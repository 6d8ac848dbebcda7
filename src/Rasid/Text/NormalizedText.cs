
namespace Rasid.Text;

/// <summary>
/// Text folded for matching (see <see cref="ArabicNormalizer"/>) together with a map from every normalised
/// position back to the original text, so that a match on <see cref="Text"/> always maps to an exact span of
/// <see cref="Original"/>.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _originalStart;

    /// <summary>
    /// Creates the map. <paramref name="originalStart"/>[k] is the index of the original character that normalised
    /// character k came from; the end of that original character is implied (one code unit, two for a surrogate pair),
    /// so no second array is kept. The array may be longer than <paramref name="text"/>; only the first Text.Length
    /// entries are read.
    /// </summary>
    internal NormalizedText(string original, string text, int[] originalStart)
    {
        Original = original;
        Text = text;
        _originalStart = originalStart;
    }

    /// <summary>The text as given.</summary>
    public string Original { get; }

    /// <summary>The folded text that later stages match against.</summary>
    public string Text { get; }

    /// <summary>Length of the normalised text.</summary>
    public int Length => Text.Length;

    /// <summary>
    /// Maps a half-open span of <see cref="Text"/> to the half-open span of <see cref="Original"/> it came from.
    /// The result includes removed marks (diacritics, tatweel) that sit inside or right after the last character,
    /// and never cuts a surrogate pair or an expanded ligature.
    /// </summary>
    public TextSpan ToOriginal(TextSpan normalized) => ToOriginal(normalized.Start, normalized.End);

    /// <summary>Maps the half-open normalised range [start, end) to the original text.</summary>
    public TextSpan ToOriginal(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        if (Text.Length == 0)
        {
            return new TextSpan(0, 0);
        }

        if (start == end)
        {
            var at = start < Text.Length ? _originalStart[start] : Original.Length;
            return new TextSpan(at, at);
        }

        var originalStart = _originalStart[start];
        int originalEnd;
        if (end < Text.Length && _originalStart[end] >= OriginalEnd(end - 1))
        {
            // Extend over marks removed between the last kept character and the next one.
            originalEnd = _originalStart[end];
        }
        else if (end == Text.Length)
        {
            originalEnd = Original.Length;
        }
        else
        {
            // The next normalised char comes from the same original char (an expanded ligature).
            originalEnd = OriginalEnd(end - 1);
        }

        return new TextSpan(originalStart, originalEnd);
    }

    /// <summary>Exclusive end of the original character behind normalised character <paramref name="k"/>.</summary>
    private int OriginalEnd(int k)
    {
        var start = _originalStart[k];
        return char.IsHighSurrogate(Original[start]) && start + 1 < Original.Length && char.IsLowSurrogate(Original[start + 1])
            ? start + 2
            : start + 1;
    }

    /// <summary>Maps a single normalised index to the index of the original character it came from.</summary>
    public int ToOriginalIndex(int normalizedIndex) =>
        normalizedIndex >= Text.Length ? Original.Length : _originalStart[normalizedIndex];
}
