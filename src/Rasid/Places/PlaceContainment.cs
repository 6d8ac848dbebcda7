namespace Rasid.Places;

/// <summary>Containment between gazetteer places by their admin codes.</summary>
internal static class PlaceContainment
{
    /// <summary>True when <paramref name="outer"/> is an admin unit (or country) that holds <paramref name="inner"/>.</summary>
    internal static bool Contains(GazetteerPlace outer, GazetteerPlace inner) => outer.FeatureType switch
    {
        FeatureTypes.Country => inner.Country == outer.Country && inner.FeatureType != FeatureTypes.Country,
        FeatureTypes.Admin1 => inner.FeatureType != FeatureTypes.Admin1 && inner.Admin1Code is not null && inner.Admin1Code == outer.Admin1Code,
        FeatureTypes.Admin2 => inner.FeatureType is not (FeatureTypes.Admin1 or FeatureTypes.Admin2) && inner.Admin2Code is not null && inner.Admin2Code == outer.Admin2Code,
        FeatureTypes.Region => inner.FeatureType != FeatureTypes.Admin1 && inner.Admin1Code is not null && inner.Admin1Code == outer.Admin1Code,
        FeatureTypes.City or FeatureTypes.Town => inner.FeatureType is FeatureTypes.Neighbourhood or FeatureTypes.Village && inner.Admin2Code is not null && inner.Admin2Code == outer.Admin2Code,
        _ => false,
    };

    /// <summary>True when two different places below the province share a district.</summary>
    internal static bool SameDistrict(GazetteerPlace a, GazetteerPlace b) =>
        a.Id != b.Id && a.FeatureType is not (FeatureTypes.Admin1 or FeatureTypes.Country) && b.FeatureType is not (FeatureTypes.Admin1 or FeatureTypes.Country)
        && a.Admin2Code is not null && a.Admin2Code == b.Admin2Code;
}
