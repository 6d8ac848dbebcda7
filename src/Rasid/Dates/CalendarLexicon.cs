using System.Globalization;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Dates;

/// <summary>Which calendar a month name belongs to.</summary>
internal enum CalendarKind
{
    Gregorian,
    Hijri,
}

/// <summary>Which occurrence a modifier such as الماضي or المقبل selects.</summary>
internal enum Direction
{
    Past,
    Current,
    Next,

    /// <summary>"من العام الماضي": the month in the year before publication.</summary>
    PreviousYear,

    /// <summary>"من العام الجاري".</summary>
    ThisYear,

    /// <summary>"من العام المقبل".</summary>
    NextYear,
}

/// <summary>The unit a relative phrase counts in.</summary>
internal enum RelativeUnit
{
    Day,
    Week,
    Month,
}

internal readonly record struct MonthName(CalendarKind Calendar, int Month, bool Ambiguous);

internal readonly record struct RelativePhrase(RelativeUnit Unit, int Offset, int Precision);

/// <summary>The word lists under data/calendar/, normalised and indexed by first word.</summary>
internal sealed class CalendarLexicon
{
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordsBySpan;
    private int _maxFirstLength;

    public WordSequenceLexicon<MonthName> Months { get; } = new();

    public WordSequenceLexicon<DayOfWeek> Weekdays { get; } = new();

    public WordSequenceLexicon<int> Ordinals { get; } = new();

    public WordSequenceLexicon<Direction> Modifiers { get; } = new();

    public WordSequenceLexicon<RelativePhrase> Relative { get; } = new();

    public WordSequenceLexicon<bool> DayParts { get; } = new();

    public WordSequenceLexicon<bool> MonthParts { get; } = new();

    public WordSequenceLexicon<bool> NotDates { get; } = new();

    public WordSequenceLexicon<bool> YearWords { get; } = new();

    public static CalendarLexicon Load(IDataSource data)
    {
        var lexicon = new CalendarLexicon();
        foreach (var row in TsvReader.Read(data, "calendar/months.tsv"))
        {
            var calendar = string.Equals(row["calendar"], "hijri", StringComparison.Ordinal) ? CalendarKind.Hijri : CalendarKind.Gregorian;
            lexicon.Months.Add(row["name"], new MonthName(calendar, ParseInt(row, "month"), string.Equals(row["ambiguous"], "1", StringComparison.Ordinal)));
        }

        foreach (var row in TsvReader.Read(data, "calendar/weekdays.tsv"))
        {
            lexicon.Weekdays.Add(row["name"], (DayOfWeek)ParseInt(row, "day"));
        }

        foreach (var row in TsvReader.Read(data, "calendar/ordinals.tsv"))
        {
            lexicon.Ordinals.Add(row["word"], ParseInt(row, "value"));
        }

        foreach (var row in TsvReader.Read(data, "calendar/modifiers.tsv"))
        {
            lexicon.Modifiers.Add(row["word"], row["direction"] switch
            {
                "past" => Direction.Past,
                "next" => Direction.Next,
                "current" => Direction.Current,
                _ => throw new InvalidDataException($"{row.Location}: direction must be past, current or next"),
            });
        }

        foreach (var row in TsvReader.Read(data, "calendar/relative.tsv"))
        {
            var unit = row["unit"] switch
            {
                "day" => RelativeUnit.Day,
                "week" => RelativeUnit.Week,
                "month" => RelativeUnit.Month,
                _ => throw new InvalidDataException($"{row.Location}: unit must be day, week or month"),
            };
            lexicon.Relative.Add(row["phrase"], new RelativePhrase(unit, ParseInt(row, "offset"), ParseInt(row, "precision")));
        }

        foreach (var row in TsvReader.Read(data, "calendar/dayparts.tsv"))
        {
            lexicon.DayParts.Add(row["word"], true);
        }

        foreach (var row in TsvReader.Read(data, "calendar/month-parts.tsv"))
        {
            lexicon.MonthParts.Add(row["word"], true);
        }

        foreach (var row in TsvReader.Read(data, "calendar/year-words.tsv"))
        {
            lexicon.YearWords.Add(row["word"], true);
        }

        foreach (var row in TsvReader.Read(data, "calendar/not-dates.tsv"))
        {
            lexicon.NotDates.Add(row["phrase"], true);
        }

        lexicon.BuildFirstWords();
        return lexicon;
    }

    /// <summary>
    /// True when <paramref name="word"/> (or its stem after proclitics) can start a date expression; most words of a text
    /// cannot, and this one lookup saves the seven lexicon lookups of a full attempt.
    /// </summary>
    public bool MightStartDate(string word)
    {
        if (word.Length > _maxFirstLength + 3)
        {
            return false;
        }

        if (_firstWordsBySpan.Contains(word))
        {
            return true;
        }

        Span<ProcliticSlice> slices = stackalloc ProcliticSlice[ProcliticCandidates.MaxCandidates];
        var count = ProcliticCandidates.Fill(word, slices);
        for (var k = 1; k < count; k++)
        {
            var slice = slices[k];
            if (slice.RestoreArticle ? _firstWords.Contains(ProcliticCandidates.Stem(word, slice)) : _firstWordsBySpan.Contains(word.AsSpan(slice.Start)))
            {
                return true;
            }
        }

        return false;
    }

    private void BuildFirstWords()
    {
        _firstWords.Clear();
        foreach (var words in new[] { Months.FirstWords, Weekdays.FirstWords, Ordinals.FirstWords, Relative.FirstWords, DayParts.FirstWords, MonthParts.FirstWords })
        {
            _firstWords.UnionWith(words);
        }

        _maxFirstLength = _firstWords.Count == 0 ? 0 : _firstWords.Max(w => w.Length);
        _firstWordsBySpan = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static int ParseInt(TsvRow row, string column) =>
        int.TryParse(row[column], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"{row.Location}: column '{column}' must be an integer, got '{row[column]}'");
}
