using System.Globalization;
using System.Reflection;

namespace Rasid.Storage;

/// <summary>One country as ACLED codes it.</summary>
/// <param name="Iso2">ISO 3166-1 alpha-2 (e.g. YE).</param>
/// <param name="Iso3">ISO 3166-1 alpha-3 (e.g. YEM), the prefix of ACLED event ids.</param>
/// <param name="Numeric">ISO 3166-1 numeric (e.g. 887), ACLED's <c>iso</c> column.</param>
/// <param name="Name">ACLED's country name.</param>
/// <param name="Region">ACLED's region (Middle East, Northern Africa, ...).</param>
public sealed record CountryInfo(string Iso2, string Iso3, int Numeric, string Name, string Region);

/// <summary>
/// ISO 2 → alpha-3, numeric, ACLED name and region, read from the embedded data file <c>Data/countries.tsv</c>
/// (edit that file, not code, to add countries).
/// </summary>
public sealed class CountryTable
{
    private readonly Dictionary<string, CountryInfo> _byIso2;

    private CountryTable(Dictionary<string, CountryInfo> byIso2) => _byIso2 = byIso2;

    /// <summary>The table shipped in this assembly.</summary>
    public static CountryTable Default { get; } = Load();

    /// <summary>Number of countries known.</summary>
    public int Count => _byIso2.Count;

    /// <summary>Every country of the table, in no particular order.</summary>
    public IReadOnlyCollection<CountryInfo> All => _byIso2.Values;

    /// <summary>Looks up <paramref name="iso2"/> (case-insensitive); null when unknown or null.</summary>
    public CountryInfo? Find(string? iso2) => iso2 is not null && _byIso2.TryGetValue(iso2, out var c) ? c : null;

    /// <summary>Parses a TSV with header <c>iso2 iso3 numeric name region</c>; throws <see cref="FormatException"/> naming the bad line.</summary>
    public static CountryTable Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var map = new Dictionary<string, CountryInfo>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 5 || !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
            {
                throw new FormatException($"countries.tsv:{lineNumber}: expected 5 tab-separated fields with a numeric code");
            }

            if (!map.TryAdd(f[0], new CountryInfo(f[0], f[1], numeric, f[3], f[4])))
            {
                throw new FormatException($"countries.tsv:{lineNumber}: duplicate code {f[0]}");
            }
        }

        return new CountryTable(map);
    }

    private static CountryTable Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rasid.Storage.countries.tsv")
            ?? throw new InvalidOperationException("embedded countries.tsv is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
