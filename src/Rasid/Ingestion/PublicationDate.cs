using System.Globalization;
using System.Text.RegularExpressions;

namespace Rasid.Ingestion;

/// <summary>
/// Reads publication dates as containers write them: ISO 8601 dates and date-times (<c>2022-05-14</c>,
/// <c>2022-05-14T09:30:00+03:00</c>), RFC 822 dates of RSS (<c>Sat, 14 May 2022 09:30:00 +0300</c>) and
/// <c>2022/05/14</c>. The calendar date is taken as written, in the publisher's own offset, not converted to UTC.
/// </summary>
public static partial class PublicationDate
{
    /// <summary>Parses <paramref name="value"/>; false (and default) when it holds no recognisable date.</summary>
    public static bool TryParse(string? value, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200)
        {
            return false;
        }

        var iso = IsoPattern().Match(value);
        if (iso.Success)
        {
            return TryMake(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, out date);
        }

        var rfc = RfcPattern().Match(value);
        if (rfc.Success)
        {
            var month = Array.FindIndex(
                CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames,
                n => n.Length > 0 && rfc.Groups["mon"].Value.StartsWith(n, StringComparison.OrdinalIgnoreCase));
            if (month < 0)
            {
                return false;
            }

            var year = rfc.Groups["y"].Value;
            if (year.Length == 2)
            {
                // RFC 822 allowed two-digit years; feeds that still use them mean this century.
                year = "20" + year;
            }

            return TryMake(year, (month + 1).ToString(CultureInfo.InvariantCulture), rfc.Groups["d"].Value, out date);
        }

        return false;
    }

    private static bool TryMake(string y, string m, string d, out DateOnly date)
    {
        date = default;
        var year = int.Parse(y, CultureInfo.InvariantCulture);
        var month = int.Parse(m, CultureInfo.InvariantCulture);
        var day = int.Parse(d, CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"^\s*(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})(?:$|[T\s])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^\s*(?:[A-Za-z]{3,9},?\s+)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\.?\s+(?<y>\d{4}|\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex RfcPattern();
}
