using Rasid.Text;


namespace Rasid.Places;

/// <summary>A place resolved to the gazetteer, with the output fields of the schema.</summary>
public sealed record ResolvedPlace
{
    /// <summary>Country name (English).</summary>
    public required string Country { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Iso2 { get; init; }

    /// <summary>First-level unit (English), or null for a country-only place.</summary>
    public string? Admin1 { get; init; }

    /// <summary>ISO 3166-2 of the first-level unit, or null.</summary>
    public string? Admin1Code { get; init; }

    /// <summary>Second-level unit (English).</summary>
    public string? Admin2 { get; init; }

    /// <summary>Third-level unit (English).</summary>
    public string? Admin3 { get; init; }

    /// <summary>Location name (English).</summary>
    public required string Location { get; init; }

    /// <summary>The mention as written in the original text (no proclitics).</summary>
    public required string LocationAr { get; init; }

    /// <summary>WGS84 latitude.</summary>
    public double Latitude { get; init; }

    /// <summary>WGS84 longitude.</summary>
    public double Longitude { get; init; }

    /// <summary>1 the place itself, 2 near/part of, 3 only the province.</summary>
    public int GeoPrecision { get; init; }

    /// <summary>Feature type: country, admin1, admin2, admin3, city, town, village, neighbourhood, other.</summary>
    public required string FeatureType { get; init; }

    /// <summary>Span of the mention in the normalised text.</summary>
    public TextSpan Span { get; init; }

    /// <summary>Why this candidate was chosen (for `rasid places`).</summary>
    public string? Reason { get; init; }
}
