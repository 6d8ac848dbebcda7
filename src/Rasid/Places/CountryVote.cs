using Rasid.Text;


namespace Rasid.Places;

/// <summary>
/// The document's country by vote: actor hints (strongest first), nationality adjectives (half a vote), country names
/// and the countries of the other places' candidates (double in the headline).
/// </summary>
internal static class CountryVote
{
    /// <summary>The votes of every country.</summary>
    public static Dictionary<string, double> Votes(AnalyzedText text, List<PlaceMention> mentions, List<string> adjectives, IReadOnlyList<string> hints)
    {
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        void Vote(string iso, double w) => votes[iso] = votes.GetValueOrDefault(iso) + w;
        for (var i = 0; i < hints.Count; i++)
        {
            Vote(hints[i], Math.Max(5.0 - i, 2.0));
        }

        foreach (var iso in adjectives)
        {
            Vote(iso, 0.5); // "قصف إسرائيلي" names the attacker's country more often than the place's
        }

        var firstLineEnd = text.Normalized.Text.IndexOf('\n', StringComparison.Ordinal);
        var countries = new List<string>();
        foreach (var m in mentions)
        {
            var weight = firstLineEnd >= 0 && m.NameSpan.Start < firstLineEnd ? 2.0 : 1.0;
            GazetteerPlace? country = null;
            foreach (var p in m.Places)
            {
                if (p.FeatureType == FeatureTypes.Country)
                {
                    country = p;
                    break;
                }
            }

            if (country is not null)
            {
                Vote(country.Country, 2.0 * weight);
                continue;
            }

            // The distinct countries of the candidates other than villages, neighbourhoods and minor features, in order.
            countries.Clear();
            foreach (var p in m.Places)
            {
                if (!FeatureTypes.IsSmall(p.FeatureType) && !countries.Contains(p.Country))
                {
                    countries.Add(p.Country);
                }
            }

            if (countries.Count == 1)
            {
                Vote(countries[0], weight);
            }
            else if (countries.Count > 1)
            {
                foreach (var c in countries)
                {
                    Vote(c, 0.5 * weight / countries.Count);
                }
            }
        }

        return votes;
    }

    /// <summary>The country with the most votes, when it has at least one full vote and no tie.</summary>
    public static string? Winner(Dictionary<string, double> votes)
    {
        var ranked = votes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(2).ToList();
        if (ranked.Count == 0 || ranked[0].Value < 1.0 || (ranked.Count > 1 && ranked[1].Value >= ranked[0].Value))
        {
            return null;
        }

        return ranked[0].Key;
    }
}
