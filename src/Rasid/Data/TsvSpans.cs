using System.Globalization;

namespace Rasid.Data;

/// <summary>Fast parsing of TSV rows held as spans (the gazetteer's 60,000-row places file).</summary>
internal static class TsvSpans
{
    /// <summary>
    /// Splits <paramref name="row"/> at tabs into <paramref name="cells"/> like
    /// <see cref="MemoryExtensions.Split(ReadOnlySpan{char}, Span{Range}, char, StringSplitOptions)"/>: the last cell
    /// takes the rest of the row when there are more tabs than cells. Returns the number of cells written.
    /// </summary>
    public static int SplitTabs(ReadOnlySpan<char> row, Span<Range> cells)
    {
        var count = 0;
        var start = 0;
        while (count < cells.Length - 1)
        {
            var tab = row[start..].IndexOf('\t');
            if (tab < 0)
            {
                break;
            }

            cells[count++] = new Range(start, start + tab);
            start += tab + 1;
        }

        cells[count++] = new Range(start, row.Length);
        return count;
    }

    private static readonly double[] s_powersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// Parses a coordinate. Plain decimals ("-12.3456") take a fast path: an integer of at most 15 digits divided by
    /// an exact power of ten is one correctly rounded IEEE division, so the result is the same double that
    /// <see cref="double.Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider)"/> returns. Anything else goes to double.Parse.
    /// </summary>
    public static double ParseDouble(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return 0;
        }

        var negative = s[0] == '-';
        long mantissa = 0;
        var digits = 0;
        var decimals = -1;
        for (var i = negative ? 1 : 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (c - '0');
                digits++;
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (c == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                digits = 0; // not a plain decimal
                break;
            }
        }

        if (digits == 0 || digits > 15)
        {
            return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        var value = decimals > 0 ? mantissa / s_powersOfTen[decimals] : mantissa;
        return negative ? -value : value;
    }
}
