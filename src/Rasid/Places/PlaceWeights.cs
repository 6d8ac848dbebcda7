namespace Rasid.Places;

/// <summary>The weights of <see cref="PlaceScorer"/> in one table: what each kind of evidence adds to a candidate's score.</summary>
internal static class PlaceWeights
{
    /// <summary>How close (characters) another place must be to weigh as local context for a name's namesakes.</summary>
    public const int LocalWindow = 250;

    /// <summary>Score for a namesake in a province named within <see cref="LocalWindow"/>.</summary>
    public const double LocalBonus = 1.5;

    /// <summary>A city this large is what its bare name means, whatever the document's country.</summary>
    public const long MetropolisPopulation = 2_500_000;

    /// <summary>A candidate in the document's country.</summary>
    public const double DocumentCountry = 4.0;

    /// <summary>A candidate in the same theatre as the document's country (Israel and Palestine).</summary>
    public const double SameTheatre = 3.5;

    /// <summary>A candidate in another country.</summary>
    public const double OtherCountry = -1.0;

    /// <summary>A metropolis named without a cue ("القاهرة" is Cairo, even in a Yemeni article).</summary>
    public const double Metropolis = 5.5;

    /// <summary>A village, neighbourhood or minor feature named like a country ("السعودية" is the kingdom, not a Syrian village).</summary>
    public const double SmallNamesakeOfCountry = -6.0;

    /// <summary>A candidate in a country the actors suggest.</summary>
    public const double HintedCountry = 1.0;

    /// <summary>A candidate that holds, sits in or shares a district with a candidate of a linked neighbour.</summary>
    public const double TextContainment = 5.0;

    /// <summary>Per vote of the other mentions for the candidate's province (second pass).</summary>
    public const double ProvinceVote = 1.2;

    /// <summary>Most province votes that count.</summary>
    public const double ProvinceVoteCap = 2.0;

    /// <summary>The vote an accepted village gives its province (other places give 1).</summary>
    public const double VillageVote = 0.5;

    /// <summary>How well a candidate of type <paramref name="featureType"/> fits the cue word before the name.</summary>
    public static double CueFit(string? typeCue, string featureType) =>
        typeCue switch
        {
            null => 0,
            FeatureTypes.Admin1 => featureType == FeatureTypes.Admin1 ? 4 : featureType == FeatureTypes.Admin2 ? 0.5 : -1,
            FeatureTypes.Admin2 => featureType == FeatureTypes.Admin2 ? 4 : featureType is FeatureTypes.Admin3 or FeatureTypes.Town ? 1 : -1,
            FeatureTypes.Admin3 => featureType == FeatureTypes.Admin3 ? 4 : featureType is FeatureTypes.Town or FeatureTypes.Admin2 ? 1 : -1,
            FeatureTypes.City or FeatureTypes.Town => featureType is FeatureTypes.City or FeatureTypes.Town ? 3 : featureType == FeatureTypes.Admin2 ? 1 : featureType == FeatureTypes.Admin1 ? -1.5 : 0,
            FeatureTypes.Village => featureType is FeatureTypes.Village or FeatureTypes.Town ? 3 : -1,
            FeatureTypes.Neighbourhood => featureType is FeatureTypes.Neighbourhood ? 3 : featureType is FeatureTypes.Village or FeatureTypes.Town ? 1 : -1,
            "countryside" => featureType is FeatureTypes.Admin1 or FeatureTypes.Region ? 3 : 0,
            _ => featureType == FeatureTypes.Country ? -1 : 0.5,
        };
}
