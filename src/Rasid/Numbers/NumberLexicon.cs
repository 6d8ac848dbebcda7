using System.Globalization;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Numbers;

/// <summary>How a cardinal word combines with others (column role of data/numbers/cardinals.tsv).</summary>
internal enum NumberRole
{
    Unit,
    TeenHead,
    Teen,
    Ten,
    Hundred,
    Scale,
    ScalePlural,
}

/// <summary>
/// The number stage's word lists (data/numbers/: cardinals, vague quantities, qualifiers, excluded contexts, range
/// words), loaded and checked; a bad row fails with its file and line.
/// </summary>
internal sealed class NumberLexicon
{
    private NumberLexicon(
        Dictionary<string, (long, NumberRole)> cardinals,
        WordSequenceLexicon<(long, bool)> vague,
        WordSequenceLexicon<bool> before,
        WordSequenceLexicon<bool> after,
        WordSequenceLexicon<bool> excludedBefore,
        WordSequenceLexicon<bool> excludedAfter,
        HashSet<string> rangeLinks,
        HashSet<string> rangeOpeners)
    {
        Cardinals = cardinals;
        Vague = vague;
        Before = before;
        After = after;
        ExcludedBefore = excludedBefore;
        ExcludedAfter = excludedAfter;
        RangeLinks = rangeLinks;
        RangeOpeners = rangeOpeners;
    }

    /// <summary>Cardinal number words (normalised) with their value and role.</summary>
    public Dictionary<string, (long Value, NumberRole Role)> Cardinals { get; }

    /// <summary>Vague quantities (عشرات = 10) and whether they count only standing alone.</summary>
    public WordSequenceLexicon<(long Value, bool AloneOnly)> Vague { get; }

    /// <summary>Qualifiers before a number ("أكثر من").</summary>
    public WordSequenceLexicon<bool> Before { get; }

    /// <summary>Qualifiers after a number ("على الأقل").</summary>
    public WordSequenceLexicon<bool> After { get; }

    /// <summary>Words before a number that make it no count (true: only for year-like numbers).</summary>
    public WordSequenceLexicon<bool> ExcludedBefore { get; }

    /// <summary>Words after a number that make it no count (true: only for year-like numbers).</summary>
    public WordSequenceLexicon<bool> ExcludedAfter { get; }

    /// <summary>Words linking the two ends of a range ("إلى", "حتى", "أو").</summary>
    public HashSet<string> RangeLinks { get; }

    /// <summary>Words opening a range ("بين", "ما بين").</summary>
    public HashSet<string> RangeOpeners { get; }

    /// <summary>Loads the number word lists from <paramref name="data"/>.</summary>
    public static NumberLexicon Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var cardinals = new Dictionary<string, (long, NumberRole)>(StringComparer.Ordinal);
        foreach (var row in TsvReader.Read(data, "numbers/cardinals.tsv"))
        {
            var role = row["role"] switch
            {
                "unit" => NumberRole.Unit,
                "teenhead" => NumberRole.TeenHead,
                "teen" => NumberRole.Teen,
                "ten" => NumberRole.Ten,
                "hundred" => NumberRole.Hundred,
                "scale" => NumberRole.Scale,
                "scaleplural" => NumberRole.ScalePlural,
                _ => throw new InvalidDataException($"{row.Location}: unknown role '{row["role"]}'"),
            };
            cardinals[ArabicNormalizer.NormalizeKey(row["word"])] = (ParseLong(row, "value"), role);
        }

        var vague = new WordSequenceLexicon<(long, bool)>();
        foreach (var row in TsvReader.Read(data, "numbers/vague.tsv"))
        {
            var value = (ParseLong(row, "value"), string.Equals(row["alone_only"], "1", StringComparison.Ordinal));
            vague.Add(row["phrase"], value);
            var key = ArabicNormalizer.NormalizeKey(row["phrase"]);
            if (!key.StartsWith("ال", StringComparison.Ordinal))
            {
                vague.Add("ال" + key, value); // العشرات، المئات
            }
        }

        var before = new WordSequenceLexicon<bool>();
        var after = new WordSequenceLexicon<bool>();
        foreach (var row in TsvReader.Read(data, "numbers/qualifiers.tsv"))
        {
            (string.Equals(row["position"], "before", StringComparison.Ordinal) ? before : after).Add(row["phrase"], true);
        }

        var excludedBefore = new WordSequenceLexicon<bool>();
        var excludedAfter = new WordSequenceLexicon<bool>();
        foreach (var row in TsvReader.Read(data, "numbers/excluded-context.tsv"))
        {
            var yearOnly = string.Equals(row["applies"], "year", StringComparison.Ordinal);
            (string.Equals(row["position"], "before", StringComparison.Ordinal) ? excludedBefore : excludedAfter).Add(row["word"], yearOnly);
        }

        var links = new HashSet<string>(StringComparer.Ordinal);
        var openers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TsvReader.Read(data, "numbers/range-links.tsv"))
        {
            var word = ArabicNormalizer.NormalizeKey(row["word"]);
            if (string.Equals(row["kind"], "link", StringComparison.Ordinal))
            {
                links.Add(word);
            }
            else if (string.Equals(row["kind"], "opener", StringComparison.Ordinal))
            {
                openers.Add(word);
            }
        }

        return new NumberLexicon(cardinals, vague, before, after, excludedBefore, excludedAfter, links, openers);
    }

    private static long ParseLong(TsvRow row, string column) =>
        long.TryParse(row[column], NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"{row.Location}: column '{column}' must be a whole number, got '{row[column]}'");
}
