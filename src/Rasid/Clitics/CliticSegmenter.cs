namespace Rasid.Clitics;

/// <summary>One way of reading a word as proclitics + stem: "وبالمدينة" → prefix "وب", stem "المدينة".</summary>
/// <param name="PrefixLength">Number of leading characters read as proclitics (و ف ب ل ك; both letters of لل, whose article is restored in <paramref name="Stem"/>).</param>
/// <param name="Stem">The remaining word, with the article restored for لل (للمدينة → المدينة).</param>
public readonly record struct StemCandidate(int PrefixLength, string Stem);

/// <summary>
/// Proclitic segmentation for lexicon lookup. It proposes candidate stems; a caller accepts a candidate only
/// when the stem is a known word or name, which keeps names that merely start with و ف ب ل ك (بلال، لبنان) whole.
/// </summary>
public static class CliticSegmenter
{
    /// <summary>Shortest stem (in letters) a proclitic split may leave.</summary>
    public const int MinimumStemLength = 2;

    /// <summary>
    /// Candidate readings of a normalised word, the unsplit word first, then shorter stems:
    /// optional و/ف, then optional ب/ل/ك, with ل+ال written لل restored to ال.
    /// </summary>
    public static IEnumerable<StemCandidate> StemCandidates(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        yield return new StemCandidate(0, word);
        var conjunction = word.Length > MinimumStemLength + 1 && word[0] is 'و' or 'ف' ? 1 : 0;
        if (conjunction == 1)
        {
            yield return new StemCandidate(1, word[1..]);
        }

        for (var c = 0; c <= conjunction; c++)
        {
            var rest = word.AsSpan(c);
            if (rest.Length <= MinimumStemLength + 1)
            {
                continue;
            }

            if (rest[0] == 'ل' && rest[1] == 'ل' && rest.Length > MinimumStemLength + 2)
            {
                // للمدينة = ل + المدينة: the article's alef is dropped in writing.
                yield return new StemCandidate(c + 2, string.Concat("ا", rest[1..]));
            }
            else if (rest[0] is 'ب' or 'ل' or 'ك')
            {
                yield return new StemCandidate(c + 1, rest[1..].ToString());
            }
        }
    }

    /// <summary>
    /// The matching key of a normalised word: the word without a leading definite article "ال" when at least
    /// <see cref="MinimumStemLength"/> letters remain (الحوثي and حوثي share a key, as in the scoring rules).
    /// </summary>
    public static string ArticleFreeKey(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length >= MinimumStemLength + 2 && word[0] == 'ا' && word[1] == 'ل' ? word[2..] : word;
    }
}
