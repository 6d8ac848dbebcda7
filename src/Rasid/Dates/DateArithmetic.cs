using System.Globalization;

namespace Rasid.Dates;

/// <summary>
/// Calendar arithmetic of the date stage: weekdays, relative phrases, day and month names resolved against the
/// publication date, in the Gregorian and Um Al-Qura (Hijri) calendars.
/// </summary>
internal static class DateArithmetic
{
    private static readonly UmAlQuraCalendar s_hijri = new();

    /// <summary>Publication dates at the ends of the calendar (DateOnly.MinValue) leave relative dates unresolved instead of throwing.</summary>
    internal static DateOnly? Guard(Func<DateOnly?> resolve)
    {
        try
        {
            return resolve();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    internal static DateOnly? ResolveWeekday(DayOfWeek day, Direction? direction, DateOnly? published)
    {
        if (published is not { } pub)
        {
            return null;
        }

        var back = ((int)pub.DayOfWeek - (int)day + 7) % 7;
        return direction switch
        {
            Direction.Past => pub.AddDays(back == 0 ? -7 : -back),
            Direction.Next => pub.AddDays(((int)day - (int)pub.DayOfWeek + 7) % 7 is var f && f == 0 ? 7 : f),
            _ => pub.AddDays(-back),
        };
    }

    internal static DateOnly? ResolveRelative(RelativePhrase phrase, DateOnly? published)
    {
        if (published is not { } pub)
        {
            return null;
        }

        return phrase.Unit switch
        {
            RelativeUnit.Day => pub.AddDays(phrase.Offset),
            RelativeUnit.Week => phrase.Offset == 0 ? pub.AddDays(-6) : pub.AddDays(7 * phrase.Offset),
            _ => new DateOnly(pub.Year, pub.Month, 1).AddMonths(phrase.Offset),
        };
    }

    internal static DateOnly ShiftMonth(DateOnly pub, Direction direction) => direction switch
    {
        Direction.Past => new DateOnly(pub.Year, pub.Month, 1).AddMonths(-1),
        Direction.Next => new DateOnly(pub.Year, pub.Month, 1).AddMonths(1),
        _ => new DateOnly(pub.Year, pub.Month, 1),
    };

    /// <summary>Resolves day (null = month precision) + month, picking the year from <paramref name="year"/>, the modifier or publication.</summary>
    internal static DateOnly? ResolveDayMonth(MonthName month, int? day, int? year, Direction? direction, DateOnly? published)
    {
        int pubYear, pubMonth, pubDay;
        if (published is { } pub)
        {
            if (month.Calendar == CalendarKind.Hijri)
            {
                var dt = pub.ToDateTime(TimeOnly.MinValue);
                if (dt < s_hijri.MinSupportedDateTime || dt > s_hijri.MaxSupportedDateTime)
                {
                    return null;
                }

                (pubYear, pubMonth, pubDay) = (s_hijri.GetYear(dt), s_hijri.GetMonth(dt), s_hijri.GetDayOfMonth(dt));
            }
            else
            {
                (pubYear, pubMonth, pubDay) = (pub.Year, pub.Month, pub.Day);
            }
        }
        else if (year is null)
        {
            return null;
        }
        else
        {
            (pubYear, pubMonth, pubDay) = (0, 0, 0);
        }

        var y = year ?? direction switch
        {
            Direction.Past => month.Month < pubMonth ? pubYear : pubYear - 1,
            Direction.Current => pubYear,
            Direction.Next => month.Month > pubMonth ? pubYear : pubYear + 1,
            Direction.PreviousYear => pubYear - 1,
            Direction.ThisYear => pubYear,
            Direction.NextYear => pubYear + 1,
            _ => month.Month < pubMonth || (month.Month == pubMonth && (day ?? 1) <= pubDay) ? pubYear : pubYear - 1,
        };
        return ToDate(month.Calendar, y, month.Month, Math.Max(day ?? 1, 1));
    }

    internal static DateOnly? ToDate(CalendarKind calendar, int year, int month, int day)
    {
        if (calendar == CalendarKind.Gregorian)
        {
            return year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        if (year is < 1300 or > 1500)
        {
            return null;
        }

        try
        {
            return day <= s_hijri.GetDaysInMonth(year, month) ? DateOnly.FromDateTime(s_hijri.ToDateTime(year, month, day, 0, 0, 0, 0)) : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Outside the Um Al-Qura table (1318-1500 AH): unresolvable rather than an error.
            return null;
        }
    }
}
