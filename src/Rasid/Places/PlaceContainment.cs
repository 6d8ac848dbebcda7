namespace Rasid.Places;

/// <summary>Containment between gazetteer places by their admin codes.</summary>
internal static class PlaceContainment
{
    /// <summary>True when <paramref name="outer"/> is an admin unit (or country) that holds <paramref name="inner"/>.</summary>
    internal static bool Contains(GazetteerPlace outer, GazetteerPlace inner) => outer.FeatureType switch
    {
        "country" => inner.Country == outer.Country && inner.FeatureType != "country",
        "admin1" => inner.FeatureType != "admin1" && inner.Admin1Code is not null && inner.Admin1Code == outer.Admin1Code,
        "admin2" => inner.FeatureType is not ("admin1" or "admin2") && inner.Admin2Code is not null && inner.Admin2Code == outer.Admin2Code,
        "region" => inner.FeatureType != "admin1" && inner.Admin1Code is not null && inner.Admin1Code == outer.Admin1Code,
        "city" or "town" => inner.FeatureType is "neighbourhood" or "village" && inner.Admin2Code is not null && inner.Admin2Code == outer.Admin2Code,
        _ => false,
    };

    /// <summary>True when two different places below the province share a district.</summary>
    internal static bool SameDistrict(GazetteerPlace a, GazetteerPlace b) =>
        a.Id != b.Id && a.FeatureType is not ("admin1" or "country") && b.FeatureType is not ("admin1" or "country")
        && a.Admin2Code is not null && a.Admin2Code == b.Admin2Code;
}
