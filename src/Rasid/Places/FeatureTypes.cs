namespace Rasid.Places;

/// <summary>
/// The closed set of gazetteer feature types (<see cref="GazetteerPlace.FeatureType"/>), also the values of the type cues
/// of data/gazetteer/cues.tsv that name one. The gazetteer fails to load when a place has any other type.
/// </summary>
public static class FeatureTypes
{
    /// <summary>A country.</summary>
    public const string Country = "country";

    /// <summary>A first-level unit (province, governorate).</summary>
    public const string Admin1 = "admin1";

    /// <summary>A second-level unit (district).</summary>
    public const string Admin2 = "admin2";

    /// <summary>A third-level unit (sub-district).</summary>
    public const string Admin3 = "admin3";

    /// <summary>A city.</summary>
    public const string City = "city";

    /// <summary>A town.</summary>
    public const string Town = "town";

    /// <summary>A village.</summary>
    public const string Village = "village";

    /// <summary>A neighbourhood.</summary>
    public const string Neighbourhood = "neighbourhood";

    /// <summary>A minor feature (camp, airport, mountain ...).</summary>
    public const string Other = "other";

    /// <summary>A regional term of aliases.tsv ("الساحل الغربي").</summary>
    public const string Region = "region";

    /// <summary>Every feature type.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Country, Admin1, Admin2, Admin3, City, Town, Village, Neighbourhood, Other, Region,
    };

    /// <summary>True for the small places that need a cue, a containing place or a named province: villages, neighbourhoods, minor features.</summary>
    public static bool IsSmall(string featureType) => featureType is Village or Neighbourhood or Other;
}
