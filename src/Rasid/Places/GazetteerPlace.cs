using Rasid.Text;

namespace Rasid.Places;

/// <summary>One gazetteer entry: a place, an admin unit, a country, or a regional term from aliases.tsv.</summary>
public sealed class GazetteerPlace
{
    internal GazetteerPlace(int id, string nameAr, string nameEn, string featureType, string country, long population,
        double latitude, double longitude, string? admin1Code, string? admin2Code, string? admin3Code)
    {
        Id = id;
        NameAr = nameAr;
        NameEn = nameEn;
        FeatureType = featureType;
        Country = country;
        Population = population;
        Latitude = latitude;
        Longitude = longitude;
        Admin1Code = admin1Code;
        Admin2Code = admin2Code;
        Admin3Code = admin3Code;
    }

    /// <summary>Index of the entry in the gazetteer.</summary>
    public int Id { get; }

    /// <summary>Primary Arabic name (normalised).</summary>
    public string NameAr { get; }

    /// <summary>English / Latin name.</summary>
    public string NameEn { get; }

    /// <summary>country, admin1, admin2, admin3, city, town, village, neighbourhood, other, or region (aliases.tsv).</summary>
    public string FeatureType { get; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; }

    /// <summary>Population when known, else 0.</summary>
    public long Population { get; }

    /// <summary>WGS84 latitude.</summary>
    public double Latitude { get; }

    /// <summary>WGS84 longitude.</summary>
    public double Longitude { get; }

    /// <summary>Gazetteer code of the first-level unit (P-code, HASC, WOF id or ISO), or null.</summary>
    public string? Admin1Code { get; }

    /// <summary>Gazetteer code of the second-level unit, or null.</summary>
    public string? Admin2Code { get; }

    /// <summary>Gazetteer code of the third-level unit, or null.</summary>
    public string? Admin3Code { get; }

    private double _prior = double.NaN;

    /// <summary>Feature prior: larger for places that news more often means (country, province, city before villages).</summary>
    /// <remarks>Computed on first use and kept: scoring asks for it for every candidate of every mention.</remarks>
    internal double Prior => double.IsNaN(_prior) ? _prior = ComputePrior() : _prior;

    private double ComputePrior() => FeatureType switch
    {
        FeatureTypes.Country => 3.0,
        FeatureTypes.City => 3.0,
        FeatureTypes.Admin1 => 2.8,
        FeatureTypes.Region => 2.6,
        FeatureTypes.Admin2 => 2.2,
        FeatureTypes.Town => 2.0,
        FeatureTypes.Admin3 => 1.6,
        FeatureTypes.Village => 0.5,
        FeatureTypes.Neighbourhood => 0.4,
        _ => 0.3,
    } + (Population > 0 ? Math.Log10(Population) * 0.15 : 0);

    /// <summary>True for feature types that are admin areas (not points).</summary>
    internal bool IsArea => FeatureType is FeatureTypes.Country or FeatureTypes.Admin1 or FeatureTypes.Admin2 or FeatureTypes.Admin3 or FeatureTypes.Region;

    /// <inheritdoc />
    public override string ToString() => $"{NameEn} ({FeatureType}, {Country} {Admin1Code}/{Admin2Code})";
}

/// <summary>An admin unit of admin.tsv: its level, names and (for admin1) ISO 3166-2 code.</summary>
/// <param name="Code">Gazetteer code.</param>
/// <param name="Level">admin1, admin2 or admin3.</param>
/// <param name="Country">ISO2.</param>
/// <param name="NameEn">English name.</param>
/// <param name="NameAr">Arabic name.</param>
/// <param name="Iso">ISO 3166-2 code, or null.</param>
public sealed record AdminUnit(string Code, string Level, string Country, string NameEn, string NameAr, string? Iso);

/// <summary>A cue word around place names (cues.tsv).</summary>
/// <param name="Kind">type, near, part or link.</param>
/// <param name="Value">For type cues the feature type it announces; for others a label.</param>
/// <param name="Keep">True when the cue stays part of the Arabic location (ريف حماة, مخيم اليرموك).</param>
/// <param name="Plural">True for dual and plural cues (منطقتي، قرى), which cover every name joined by و after them.</param>
public sealed record PlaceCue(string Kind, string Value, bool Keep, bool Plural = false);

/// <summary>What a lexicon entry of the gazetteer's matcher is.</summary>
internal enum LexKind : byte
{
    /// <summary>A place name (index into the places).</summary>
    Place,

    /// <summary>A cue word (index into the cue list).</summary>
    Cue,

    /// <summary>A country adjective (index into the adjective list).</summary>
    Adjective,
}

/// <summary>Payload of the gazetteer matcher.</summary>
/// <param name="Kind">Entry kind.</param>
/// <param name="Index">Index into the list of its kind.</param>
internal readonly record struct LexEntry(LexKind Kind, int Index);

/// <summary>A country (countries.tsv) with its English name.</summary>
/// <param name="Iso2">ISO 3166-1 alpha-2.</param>
/// <param name="NameEn">English name.</param>
public sealed record CountryInfo(string Iso2, string NameEn);
