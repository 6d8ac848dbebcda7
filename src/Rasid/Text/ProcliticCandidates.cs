
namespace Rasid.Text;

/// <summary>A proclitic reading as a slice of the word: skip <see cref="Start"/> letters; <see cref="RestoreArticle"/> for لل.</summary>
internal readonly record struct ProcliticSlice(int Prefix, int Start, bool RestoreArticle);

/// <summary>
/// A proclitic reading by its lookup key: <see cref="PrefixLength"/> letters read as proclitics, and the article-free key of
/// the stem (<see cref="CliticSegmenter.ArticleFreeKey"/>), which is always the word's text from <see cref="KeyStart"/> on.
/// </summary>
internal readonly record struct ProcliticKey(int PrefixLength, int KeyStart);

/// <summary>
/// The readings of <see cref="CliticSegmenter.StemCandidates"/> without the split ones allocating: same rules, same order,
/// written into a caller's buffer. Only the لل reading (لل + stem → ال + stem) needs a new string.
/// </summary>
internal static class ProcliticCandidates
{
    public const int MaxCandidates = 5;

    public static int Fill(ReadOnlySpan<char> word, Span<ProcliticSlice> output)
    {
        var count = 0;
        output[count++] = new ProcliticSlice(0, 0, false);
        var minimum = CliticSegmenter.MinimumStemLength;
        var conjunction = word.Length > minimum + 1 && word[0] is 'و' or 'ف' ? 1 : 0;
        if (conjunction == 1)
        {
            output[count++] = new ProcliticSlice(1, 1, false);
        }

        for (var c = 0; c <= conjunction; c++)
        {
            var rest = word[c..];
            if (rest.Length <= minimum + 1)
            {
                continue;
            }

            if (rest[0] == 'ل' && rest[1] == 'ل' && rest.Length > minimum + 2)
            {
                output[count++] = new ProcliticSlice(c + 2, c + 1, true);
            }
            else if (rest[0] is 'ب' or 'ل' or 'ك')
            {
                output[count++] = new ProcliticSlice(c + 1, c + 1, false);
            }
        }

        return count;
    }

    /// <summary>
    /// The readings of <see cref="CliticSegmenter.StemCandidates"/> as the article-free keys of their stems, without a
    /// string: each key is a suffix of <paramref name="word"/> (for لل + stem, the restored ال is dropped again by the key).
    /// </summary>
    public static int FillKeys(ReadOnlySpan<char> word, Span<ProcliticKey> output)
    {
        Span<ProcliticSlice> slices = stackalloc ProcliticSlice[MaxCandidates];
        var count = Fill(word, slices);
        for (var i = 0; i < count; i++)
        {
            var slice = slices[i];
            output[i] = new ProcliticKey(slice.Prefix, slice.RestoreArticle ? slice.Start + 1 : slice.Start + ArticleLength(word[slice.Start..]));
        }

        return count;
    }

    /// <summary>Where the article-free key (<see cref="CliticSegmenter.ArticleFreeKey"/>) of <paramref name="word"/> starts: 2 after ال, else 0.</summary>
    public static int ArticleLength(ReadOnlySpan<char> word) =>
        word.Length >= CliticSegmenter.MinimumStemLength + 2 && word[0] == 'ا' && word[1] == 'ل' ? 2 : 0;

    /// <summary>The stem of a reading as a string (allocates only for the لل reading or a split).</summary>
    public static string Stem(string word, ProcliticSlice slice) =>
        slice.RestoreArticle ? string.Concat("ا", word.AsSpan(slice.Start)) : slice.Start == 0 ? word : word[slice.Start..];
}
