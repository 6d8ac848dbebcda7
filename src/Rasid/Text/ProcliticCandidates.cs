
namespace Rasid.Text;

/// <summary>A proclitic reading as a slice of the word: skip <see cref="Start"/> letters; <see cref="RestoreArticle"/> for لل.</summary>
internal readonly record struct ProcliticSlice(int Prefix, int Start, bool RestoreArticle);

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

    /// <summary>The stem of a reading as a string (allocates only for the لل reading or a split).</summary>
    public static string Stem(string word, ProcliticSlice slice) =>
        slice.RestoreArticle ? string.Concat("ا", word.AsSpan(slice.Start)) : slice.Start == 0 ? word : word[slice.Start..];
}
