namespace Rasid.Text;

/// <summary>One way of reading a word as proclitics + stem: "وبالمدينة" → prefix "وب", stem "المدينة".</summary>
/// <param name="PrefixLength">Number of leading characters read as proclitics (و ف ب ل ك; both letters of لل, whose article is restored in <paramref name="Stem"/>).</param>
/// <param name="Stem">The remaining word, with the article restored for لل (للمدينة → المدينة).</param>
public readonly record struct StemCandidate(int PrefixLength, string Stem);

/// <summary>
/// A word read as proclitics + stem + enclitic pronoun: "وبمدينتهم" → "وب" + "مدينه" + "هم".
/// </summary>
/// <param name="Word">The normalised word as given.</param>
/// <param name="PrefixLength">Leading characters of <paramref name="Word"/> read as proclitics (both letters of لل).</param>
/// <param name="Stem">The stem, with the article restored after لل and teh marbuta restored before a pronoun (قريته → قريه).</param>
/// <param name="SuffixLength">Trailing characters of <paramref name="Word"/> read as an enclitic pronoun.</param>
public readonly record struct CliticSegmentation(string Word, int PrefixLength, string Stem, int SuffixLength)
{
    /// <summary>The proclitic letters as written ("وب", "لل", "وس"); empty when none.</summary>
    public string Proclitics => Word[..PrefixLength];

    /// <summary>The enclitic pronoun as written ("هم", "ها"); empty when none.</summary>
    public string Enclitic => Word[(Word.Length - SuffixLength)..];

    /// <summary>True when anything was split off.</summary>
    public bool IsSplit => PrefixLength > 0 || SuffixLength > 0;
}

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
    /// Splits a normalised word into proclitics (و ف, then ب ل ك, or لل, or س before an imperfect verb), a stem and an
    /// enclitic pronoun (ه ها هم هما هن كم كما نا ي, from <see cref="CliticRules"/>), accepting a split only when <paramref name="isKnownStem"/> knows
    /// the stem (or, for a stem with the article, its article-free key). The whole word is returned unsplit when it is
    /// itself known or when no split leaves a known stem, so names that merely start with those letters (بلال، فرنسا)
    /// stay whole. Among accepted splits the one removing the fewest letters wins, proclitics before pronouns.
    /// This overload splits proclitics only; pass <see cref="CliticRules"/> to split enclitic pronouns too.
    /// </summary>
    public static CliticSegmentation Segment(string normalizedWord, Func<string, bool> isKnownStem) =>
        Segment(normalizedWord, isKnownStem, CliticRules.ProcliticsOnly);

    /// <summary>As <see cref="Segment(string, Func{string, bool})"/>, also trying the enclitic pronouns of <paramref name="rules"/>.</summary>
    public static CliticSegmentation Segment(string normalizedWord, Func<string, bool> isKnownStem, CliticRules rules)
    {
        ArgumentNullException.ThrowIfNull(normalizedWord);
        ArgumentNullException.ThrowIfNull(isKnownStem);
        ArgumentNullException.ThrowIfNull(rules);
        var word = normalizedWord;
        var whole = new CliticSegmentation(word, 0, word, 0);
        if (word.Length <= MinimumStemLength || isKnownStem(word))
        {
            return whole;
        }

        CliticSegmentation? best = null;
        var bestRemoved = int.MaxValue;
        foreach (var (prefix, stemStart, restoreArticle) in Prefixes(word))
        {
            foreach (var suffix in rules.Enclitics.Prepend(string.Empty))
            {
                var removed = prefix + suffix.Length;
                if (removed == 0 || removed > bestRemoved || (removed == bestRemoved && suffix.Length > 0 && best is { SuffixLength: 0 }))
                {
                    continue;
                }

                var core = word.Length - stemStart - suffix.Length;
                if (core < MinimumStemLength || (suffix.Length > 0 && !word.EndsWith(suffix, StringComparison.Ordinal)))
                {
                    continue;
                }

                var stem = (restoreArticle ? "ا" : string.Empty) + word.Substring(stemStart, core);
                if (suffix.Length > 0 && stem.StartsWith("ال", StringComparison.Ordinal))
                {
                    continue; // the article and a pronoun never go together
                }

                foreach (var candidate in StemForms(stem, suffix.Length > 0))
                {
                    if (candidate.Length >= MinimumStemLength && (isKnownStem(candidate) || (candidate != ArticleFreeKey(candidate) && isKnownStem(ArticleFreeKey(candidate)))))
                    {
                        best = new CliticSegmentation(word, prefix, candidate, suffix.Length);
                        bestRemoved = removed;
                        break;
                    }
                }
            }
        }

        return best ?? whole;
    }

    private static IEnumerable<string> StemForms(string stem, bool hadSuffix)
    {
        yield return stem;
        if (hadSuffix && stem.Length > MinimumStemLength && stem[^1] == 'ت')
        {
            yield return string.Concat(stem.AsSpan(0, stem.Length - 1), "ه"); // قريته → قرية (folded ه)
        }
    }

    private static IEnumerable<(int Prefix, int StemStart, bool RestoreArticle)> Prefixes(string word)
    {
        yield return (0, 0, false);
        var conjunctions = word[0] is 'و' or 'ف' ? 1 : 0;
        for (var c = 0; c <= conjunctions; c++)
        {
            if (c == 1)
            {
                yield return (1, 1, false);
            }

            if (word.Length <= c + MinimumStemLength + 1)
            {
                continue;
            }

            var next = word[c];
            if (next == 'ل' && word[c + 1] == 'ل')
            {
                yield return (c + 2, c + 1, true); // للمدينة = ل + المدينة
            }

            if (next is 'ب' or 'ل' or 'ك')
            {
                yield return (c + 1, c + 1, false);
            }

            if (next == 'س' && word[c + 1] is 'ي' or 'ت' or 'ن' or 'ا')
            {
                yield return (c + 1, c + 1, false); // سيقتل = س + يقتل
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
