using System.Globalization;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Dates;

/// <summary>
/// Finds date expressions and resolves them against the publication date.
/// </summary>
/// <remarks>
/// Recognised (word lists in data/calendar/): numeric dates (11/5/2022, 2022-05-11, 11.5.2022; day first unless the year
/// leads); day + month [+ year | modifier] with the day as digits or an ordinal word ("في العاشر من فبراير الماضي"),
/// optionally after a weekday ("الأربعاء 11 مايو 2022"); Gregorian (both series, Maghreb names) and Hijri months (converted
/// with <see cref="UmAlQuraCalendar"/>); month alone with a year, a modifier or a part word (منتصف مايو) at month precision;
/// relative phrases (اليوم، أمس، أول أمس، الليلة الماضية، الأسبوع الماضي، الشهر الماضي...) optionally preceded by a part of
/// the day (فجر، مساء، يوم) and followed by a weekday ("اليوم الأحد"); weekdays alone or with a modifier.
/// Resolution: a weekday is the most recent such day on or before publication (strictly before with الماضي, strictly after
/// with المقبل); a day-month without a year is the most recent such day on or before publication; a month with الماضي is
/// the most recent such month strictly before the publication month. Week precision gives the first day of the 7-day
/// window (publication − 7 for "last week", publication − 6 for "this week"); month precision gives the 1st of the month.
/// Without a publication date relative expressions are still returned, with <see cref="DateMention.Date"/> null.
/// Year-only expressions ("عام 2019") are not returned: a year is coarser than any precision in the output contract.
/// </remarks>
public sealed class DateResolver
{
    private readonly CalendarLexicon _lexicon;

    private DateResolver(CalendarLexicon lexicon)
    {
        _lexicon = lexicon;
    }

    /// <summary>Loads calendar word lists (weekdays, month names in all series) from <paramref name="data"/>.</summary>
    public static DateResolver Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new DateResolver(CalendarLexicon.Load(data));
    }

    /// <summary>All date expressions in <paramref name="text"/>, resolved against <paramref name="published"/> when given.</summary>
    public IReadOnlyList<DateMention> Find(AnalyzedText text, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = text.Tokens;
        var result = new List<DateMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (TryParseAt(tokens, i, published, out var mention))
            {
                result.Add(mention);
                i = mention.EndToken;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    private bool TryParseAt(IReadOnlyList<Token> tokens, int i, DateOnly? published, out DateMention mention)
    {
        mention = default;
        var n = tokens.Count;
        if (tokens[i].Kind == TokenKind.Number)
        {
            if (TryNumeric(tokens, i, out var numeric, out var numericEnd))
            {
                mention = Make(tokens, i, 0, numericEnd, numeric, numeric is null ? null : 1, false);
                return true;
            }
        }
        else if (tokens[i].Kind != TokenKind.Word || (tokens[i].Text != "ال" && !_lexicon.MightStartDate(tokens[i].Text)))
        {
            return false;
        }

        if (_lexicon.NotDates.TryMatch(tokens, i, n, true, out _))
        {
            return false;
        }

        // Parts of the day ("صباح"، "مساء يوم") only lead into a date; alone they are not one.
        var p = i;
        var prefix = 0;
        while (_lexicon.DayParts.TryMatch(tokens, p, n, p == i, out var part))
        {
            if (p == i)
            {
                prefix = part.PrefixLength;
            }

            p = part.EndToken;
        }

        if (!TryCore(tokens, p, p == i, published, out var core))
        {
            return false;
        }

        if (p == i)
        {
            prefix = core.Prefix;
        }

        mention = Make(tokens, i, prefix, core.End, core.Date, core.Date is null ? null : core.Precision, core.IsRelative);
        return true;
    }

    private static DateMention Make(IReadOnlyList<Token> tokens, int first, int prefix, int end, DateOnly? date, int? precision, bool relative) =>
        new(new TextSpan(tokens[first].Start + prefix, tokens[end - 1].End), date, precision, relative)
        {
            FirstToken = first,
            EndToken = end,
        };

    private bool TryCore(IReadOnlyList<Token> tokens, int p, bool proclitics, DateOnly? published, out Core core)
    {
        core = default;
        var n = tokens.Count;
        if (p >= n)
        {
            return false;
        }

        if (_lexicon.Weekdays.TryMatch(tokens, p, n, proclitics, out var weekday))
        {
            // "الأربعاء 11 مايو 2022", "الأربعاء، 11 مايو", "الأربعاء الموافق 11 مايو": the explicit date decides.
            var q = weekday.EndToken;
            while (q < n && (tokens[q].Text is "،" or "," or "-" or "الموافق"))
            {
                q++;
            }

            if (TryExplicit(tokens, q, published, out var explicitDate))
            {
                core = explicitDate with { Prefix = weekday.PrefixLength };
                return true;
            }

            if (q < n && tokens[q].Kind == TokenKind.Number && TryNumeric(tokens, q, out var numericDate, out var numericEnd))
            {
                core = new Core(numericEnd, weekday.PrefixLength, numericDate, 1, false); // "الجمعة 9/9/1436هـ"
                return true;
            }

            var direction = (Direction?)null;
            var end = weekday.EndToken;
            if (_lexicon.Modifiers.TryMatch(tokens, end, n, false, out var modifier))
            {
                direction = modifier.Value;
                end = modifier.EndToken;
            }

            core = new Core(end, weekday.PrefixLength, DateArithmetic.Guard(() => DateArithmetic.ResolveWeekday(weekday.Value, direction, published)), 1, true);
            return true;
        }

        if (_lexicon.Relative.TryMatch(tokens, p, n, proclitics, out var relative))
        {
            var end = relative.EndToken;
            var date = DateArithmetic.Guard(() => DateArithmetic.ResolveRelative(relative.Value, published));
            if (relative.Value.Unit == RelativeUnit.Day && _lexicon.Weekdays.TryMatch(tokens, end, n, false, out var named))
            {
                // "اليوم الأحد", "أمس الجمعة": the weekday normally restates the day. When it does not (a story written on
                // Tuesday and published on Thursday), the named weekday wins: the most recent one on or before that day.
                end = named.EndToken;
                date = DateArithmetic.Guard(() => DateArithmetic.ResolveWeekday(named.Value, null, date));
            }

            if (relative.Value is { Unit: RelativeUnit.Day, Offset: 0 } && TryExplicit(tokens, end, published, out var restated))
            {
                core = restated with { Prefix = relative.PrefixLength }; // "اليوم 12 مارس 2017": the explicit date decides
                return true;
            }

            core = new Core(end, relative.PrefixLength, date, relative.Value.Precision, true);
            return true;
        }

        if (TryExplicit(tokens, p, published, out core))
        {
            return true;
        }

        // "منتصف مايو"، "شهر رمضان"، "أواخر مايو 2022": month precision.
        var m = p;
        var partPrefix = 0;
        var hasPart = false;
        while (_lexicon.MonthParts.TryMatch(tokens, m, n, proclitics && !hasPart, out var monthPart))
        {
            // Parts may stack: "أواخر شهر مارس".
            if (!hasPart)
            {
                partPrefix = monthPart.PrefixLength;
            }

            m = monthPart.EndToken;
            hasPart = true;
        }

        if (_lexicon.Months.TryMatch(tokens, m, n, !hasPart && proclitics, out var month))
        {
            var end = SkipRestatedMonth(tokens, month.EndToken);
            var (year, direction, afterYear) = ReadYearOrModifier(tokens, end);
            if (!hasPart && month.Value.Ambiguous && year is null && direction is null)
            {
                return false;
            }

            var date = DateArithmetic.ResolveDayMonth(month.Value, null, year, direction, published);
            core = new Core(afterYear, hasPart ? partPrefix : month.PrefixLength, date, 3, year is null);
            return true;
        }

        return false;
    }

    /// <summary>Day (digits or ordinal word) [من] month [year | modifier], or day [من] الشهر الجاري/الماضي.</summary>
    private bool TryExplicit(IReadOnlyList<Token> tokens, int p, DateOnly? published, out Core core)
    {
        core = default;
        var n = tokens.Count;
        if (p >= n)
        {
            return false;
        }

        int day;
        int q;
        var prefix = 0;
        var digits = p;
        if (tokens[p].Text == "ال" && p + 1 < n && tokens[p + 1].Kind == TokenKind.Number && tokens[p + 1].Start == tokens[p].End)
        {
            digits = p + 1; // "الـ26 من شهر فيفري"
        }

        if (tokens[digits].Kind == TokenKind.Number && tokens[digits].Text.Length <= 2 && int.TryParse(tokens[digits].Text, NumberStyles.None, CultureInfo.InvariantCulture, out day))
        {
            q = digits + 1;
        }
        else if (_lexicon.Ordinals.TryMatch(tokens, p, n, true, out var ordinal))
        {
            day = ordinal.Value;
            prefix = ordinal.PrefixLength;
            q = ordinal.EndToken;
        }
        else
        {
            return false;
        }

        if (day is < 1 or > 31)
        {
            return false;
        }

        if (q < n && tokens[q].Text == "من")
        {
            q++;
        }

        if (q + 1 < n && tokens[q].Text == "شهر")
        {
            q++;
        }

        if (q + 1 < n && tokens[q].Text == "الشهر" && _lexicon.Modifiers.TryMatch(tokens, q + 1, n, false, out var monthModifier))
        {
            var date = published is { } pub ? DateArithmetic.Guard(() => DateArithmetic.ShiftMonth(pub, monthModifier.Value)) : null;
            core = new Core(monthModifier.EndToken, prefix, date is { } d && day <= DateTime.DaysInMonth(d.Year, d.Month) ? new DateOnly(d.Year, d.Month, day) : null, 1, true);
            return true;
        }

        if (!_lexicon.Months.TryMatch(tokens, q, n, false, out var month))
        {
            return false;
        }

        var (year, direction, end) = ReadYearOrModifier(tokens, SkipRestatedMonth(tokens, month.EndToken));
        core = new Core(end, prefix, DateArithmetic.ResolveDayMonth(month.Value, day, year, direction, published), 1, year is null);
        return true;
    }

    private static Direction YearDirection(Direction direction) => direction switch
    {
        Direction.Past => Direction.PreviousYear,
        Direction.Next => Direction.NextYear,
        _ => Direction.ThisYear,
    };

    /// <summary>
    /// Skips the same month restated in the other series: "أكتوبر/تشرين الأول"، "يوليو (تموز)"، "ديسمبر كانون الأول".
    /// </summary>
    private int SkipRestatedMonth(IReadOnlyList<Token> tokens, int q)
    {
        var n = tokens.Count;
        var r = q;
        var open = r < n && tokens[r].Text is "(" or "/" or "-";
        if (open)
        {
            r++;
        }

        if (!_lexicon.Months.TryMatch(tokens, r, n, false, out var second))
        {
            return q;
        }

        r = second.EndToken;
        if (open && tokens[q].Text == "(")
        {
            if (r >= n || tokens[r].Text != ")")
            {
                return q;
            }

            r++;
        }

        return r;
    }

    /// <summary>A year ("2022", "2022م", "1445 هـ") or a modifier (الماضي) after a month name.</summary>
    private (int? Year, Direction? Direction, int End) ReadYearOrModifier(IReadOnlyList<Token> tokens, int q)
    {
        var n = tokens.Count;

        // "مارس عام 2015", "مارس من العام الماضي": a year word may come first.
        var r = q < n && tokens[q].Text == "من" ? q + 1 : q;
        if (_lexicon.YearWords.TryMatch(tokens, r, n, false, out var yearWord) && yearWord.EndToken < n)
        {
            var afterWord = yearWord.EndToken;
            if (tokens[afterWord].Kind == TokenKind.Number)
            {
                var (y, _, e) = ReadYearOrModifier(tokens, afterWord);
                if (y is not null)
                {
                    return (y, null, e);
                }
            }
            else if (_lexicon.Modifiers.TryMatch(tokens, afterWord, n, false, out var yearModifier))
            {
                return (null, YearDirection(yearModifier.Value), yearModifier.EndToken);
            }
        }

        if (q < n && tokens[q].Kind == TokenKind.Number && tokens[q].Text.Length == 4
            && int.TryParse(tokens[q].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            var end = q + 1;
            if (end < n && tokens[end].Text is "م" or "ه")
            {
                end++;
            }

            return (year, null, end);
        }

        if (_lexicon.Modifiers.TryMatch(tokens, q, n, false, out var modifier))
        {
            return (null, modifier.Value, modifier.EndToken);
        }

        return (null, null, q);
    }

    private static bool TryNumeric(IReadOnlyList<Token> tokens, int i, out DateOnly? date, out int end)
    {
        date = null;
        end = i;
        string[] parts;
        var first = tokens[i];
        if (first.Text.Count(c => c == '.') == 2)
        {
            parts = first.Text.Split('.');
            end = i + 1;
        }
        else if (i + 4 < tokens.Count
                 && tokens[i + 1].Text is "/" or "-"
                 && string.Equals(tokens[i + 1].Text, tokens[i + 3].Text, StringComparison.Ordinal)
                 && tokens[i + 2].Kind == TokenKind.Number && tokens[i + 4].Kind == TokenKind.Number
                 && tokens[i + 1].Start == first.End && tokens[i + 2].Start == tokens[i + 1].End
                 && tokens[i + 3].Start == tokens[i + 2].End && tokens[i + 4].Start == tokens[i + 3].End)
        {
            parts = [first.Text, tokens[i + 2].Text, tokens[i + 4].Text];
            end = i + 5;
        }
        else
        {
            return false;
        }

        var values = new int[3];
        for (var k = 0; k < 3; k++)
        {
            if (parts[k].Length is 0 or > 4 || !int.TryParse(parts[k], NumberStyles.None, CultureInfo.InvariantCulture, out values[k]))
            {
                return false;
            }
        }

        var (y, m, d) = parts[0].Length == 4 ? (values[0], values[1], values[2]) : (values[2], values[1], values[0]);
        if (parts[2].Length == 2 && parts[0].Length != 4)
        {
            y += 2000;
        }

        if (parts[0].Length != 4 && parts[2].Length is not (2 or 4))
        {
            return false;
        }

        if (m is < 1 or > 12 || d < 1)
        {
            return false;
        }

        if (y is >= 1300 and <= 1500)
        {
            // "9/9/1436هـ": a Hijri date, common in Saudi sources.
            date = DateArithmetic.ToDate(CalendarKind.Hijri, y, m, d);
            if (date is not null && end < tokens.Count && tokens[end].Text == "ه")
            {
                end++;
            }

            return date is not null;
        }

        if (y is < 1900 or > 2100 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private readonly record struct Core(int End, int Prefix, DateOnly? Date, int Precision, bool IsRelative);
}
