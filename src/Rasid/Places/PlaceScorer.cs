namespace Rasid.Places;

/// <summary>
/// Scores the candidates of each place mention (weights in <see cref="PlaceWeights"/>): feature prior and population, the
/// document country, the cue, containment with the neighbouring mention ("مكيراس بالبيضاء"), the provinces of the other
/// mentions, and a province named close by.
/// </summary>
internal sealed class PlaceScorer
{
    private readonly Gazetteer _gazetteer;
    private readonly PlaceAcceptance _acceptance;

    public PlaceScorer(Gazetteer gazetteer, PlaceAcceptance acceptance)
    {
        _gazetteer = gazetteer;
        _acceptance = acceptance;
    }

    /// <summary>
    /// Scores every candidate of every mention and sorts them (best first), in two passes: the second rewards candidates in
    /// provinces the other mentions point to, and in a province named close by.
    /// </summary>
    public void ScoreAll(List<PlaceMention> mentions, string? documentCountry, IReadOnlyList<string> hints)
    {
        // Pass 1 without coherence, pass 2 rewards candidates in provinces other mentions point to.
        var admin1Votes = new Dictionary<string, double>(StringComparer.Ordinal);
        var firstPass = new string?[mentions.Count]; // the province each mention settled on in pass 1 (larger places only)
        var local = new List<string>(4);
        var neighbours = new List<PlaceMention>(2);
        for (var pass = 0; pass < 2; pass++)
        {
            var nextVotes = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < mentions.Count; i++)
            {
                var m = mentions[i];
                local.Clear();
                if (pass == 1)
                {
                    // "حي الروضة ... في تعز": a province named close by decides between namesakes.
                    // Mentions are in text order: look outwards from i while within the window.
                    for (var j = i - 1; j >= 0 && m.NameSpan.Start - mentions[j].NameSpan.Start <= PlaceWeights.LocalWindow; j--)
                    {
                        if (firstPass[j] is { } code && !local.Contains(code))
                        {
                            local.Add(code);
                        }
                    }

                    for (var j = i + 1; j < mentions.Count && mentions[j].NameSpan.Start - m.NameSpan.Start <= PlaceWeights.LocalWindow; j++)
                    {
                        if (firstPass[j] is { } code && !local.Contains(code))
                        {
                            local.Add(code);
                        }
                    }
                }

                neighbours.Clear();
                if (m.LinkedToPrevious && i > 0)
                {
                    neighbours.Add(mentions[i - 1]);
                }

                if (i + 1 < mentions.Count && mentions[i + 1].LinkedToPrevious)
                {
                    neighbours.Add(mentions[i + 1]);
                }

                var scored = new PlaceCandidate[m.Places.Count];
                for (var k = 0; k < scored.Length; k++)
                {
                    var p = m.Places[k];
                    var near = local.Count > 0 && p.Admin1Code is not null && p.FeatureType != FeatureTypes.Village && local.Contains(p.Admin1Code) ? PlaceWeights.LocalBonus : 0;
                    scored[k] = new PlaceCandidate(p, near + Score(p, m, neighbours, documentCountry, hints, pass == 0 ? null : admin1Votes));
                }

                Array.Sort(scored, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Place.Id.CompareTo(b.Place.Id));
                m.Candidates = scored;
                m.Chosen = scored.Length > 0 ? scored[0].Place : null;
                if (m.Chosen?.Admin1Code is { } a1 && _acceptance.Accept(m, documentCountry))
                {
                    nextVotes[a1] = nextVotes.GetValueOrDefault(a1) + (m.Chosen.FeatureType == FeatureTypes.Village ? PlaceWeights.VillageVote : 1.0);
                    if (pass == 0 && !FeatureTypes.IsSmall(m.Chosen.FeatureType))
                    {
                        firstPass[i] = a1;
                    }
                }
            }

            admin1Votes = nextVotes;
        }
    }

    private double Score(GazetteerPlace p, PlaceMention m, List<PlaceMention> neighbours, string? documentCountry,
        IReadOnlyList<string> hints, Dictionary<string, double>? admin1Votes)
    {
        var s = p.Prior;
        if (documentCountry is not null)
        {
            s += p.Country == documentCountry ? PlaceWeights.DocumentCountry : _gazetteer.SameTheatre(p.Country, documentCountry) ? PlaceWeights.SameTheatre : PlaceWeights.OtherCountry;
        }

        if (p.FeatureType == FeatureTypes.City && p.Population >= PlaceWeights.MetropolisPopulation && m.TypeCue is null && !m.HasCountryCandidate)
        {
            s += PlaceWeights.Metropolis; // "القاهرة" is Cairo, even in a Yemeni article, unless a cue says "مديرية القاهرة"
        }

        if (FeatureTypes.IsSmall(p.FeatureType) && m.HasCountryCandidate)
        {
            s += PlaceWeights.SmallNamesakeOfCountry; // "السعودية" is the kingdom, not a Syrian village of that name
        }

        if (hints.Count > 0 && hints.Contains(p.Country, StringComparer.Ordinal))
        {
            s += PlaceWeights.HintedCountry;
        }

        s += PlaceWeights.CueFit(m.TypeCue, p.FeatureType);

        if (neighbours.Count > 0 && TextContainment(p, neighbours))
        {
            s += PlaceWeights.TextContainment;
        }

        if (admin1Votes is not null && p.Admin1Code is not null)
        {
            var own = m.Chosen is { } chosen && chosen.Admin1Code == p.Admin1Code ? 1.0 : 0.0;
            s += PlaceWeights.ProvinceVote * Math.Min(admin1Votes.GetValueOrDefault(p.Admin1Code) - own, PlaceWeights.ProvinceVoteCap);
        }

        return s;
    }

    /// <summary>True when some candidate of a linked neighbour holds <paramref name="p"/>, sits in it, or shares its district.</summary>
    private static bool TextContainment(GazetteerPlace p, List<PlaceMention> neighbours)
    {
        foreach (var n in neighbours)
        {
            var places = n.Places;
            for (var i = 0; i < places.Count; i++)
            {
                var q = places[i];
                if (q.Id != p.Id && (PlaceContainment.Contains(q, p) || PlaceContainment.Contains(p, q) || PlaceContainment.SameDistrict(p, q)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
