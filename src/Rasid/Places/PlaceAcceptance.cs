using System.Globalization;
using Rasid.Text;

namespace Rasid.Places;

/// <summary>
/// Place acceptance: whether a mention's best candidate stands (small places need a cue, a containing place or a
/// province the document names; capitals without a locative are their governments), the explanations, and the
/// containment chains between accepted neighbours.
/// </summary>
internal sealed class PlaceAcceptance
{
    private readonly Gazetteer _gazetteer;

    public PlaceAcceptance(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
    }

    /// <summary>
    /// Accepts or rejects each mention's best candidate (with the reason), ties accepted neighbours into containment chains
    /// and sets the output place of every accepted mention.
    /// </summary>
    public void Settle(AnalyzedText text, List<PlaceMention> mentions, string? documentCountry)
    {

        var supported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Chosen is { Admin1Code: { } code } c && c.FeatureType is not (FeatureTypes.Village or FeatureTypes.Neighbourhood or FeatureTypes.Other or FeatureTypes.Admin3)
                && Accept(m, documentCountry))
            {
                supported.Add(code);
            }
        }

        // "قرب سرمدا بشمال غرب سوريا": a place the text puts inside its own country is placed, as one inside a province is.
        var heldByCountry = new HashSet<PlaceMention>();
        for (var i = 1; i < mentions.Count; i++)
        {
            var (prev, cur) = (mentions[i - 1], mentions[i]);
            var gap = cur.CueSpan.Start > prev.NameSpan.End
                ? text.Normalized.Text[prev.NameSpan.End..cur.CueSpan.Start].Trim()
                : string.Empty;
            if ((cur.LinkedToPrevious || cur.Modifier is not null && gap is "" or "ب" or "في")
                && cur.Chosen is { FeatureType: FeatureTypes.Country } country && prev.Chosen?.Country == country.Country)
            {
                heldByCountry.Add(prev);
            }
        }

        foreach (var m in mentions)
        {
            if (m.Chosen is null || !Accept(m, documentCountry, supported, heldByCountry.Contains(m)))
            {
                m.Resolved = null;
                // Built only when someone reads it (rasid places): most rejected names are never looked at.
                var rejected = m.Chosen;
                m.SetReason(() => "rejected: " + (rejected is null ? "no candidate" : Why(m, rejected, documentCountry)));
                m.Chosen = null;
                continue;
            }

            m.Reason = Describe(m);
        }

        // Containment chains between accepted neighbours.
        for (var i = 1; i < mentions.Count; i++)
        {
            var prev = mentions[i - 1];
            var cur = mentions[i];
            if (!cur.LinkedToPrevious || prev.Chosen is null || cur.Chosen is null)
            {
                continue;
            }

            if (prev.Chosen.FeatureType == FeatureTypes.Region && cur.Chosen.FeatureType == FeatureTypes.Admin1 && prev.Chosen.Admin1Code != cur.Chosen.Admin1Code
                && prev.Chosen.Country == cur.Chosen.Country)
            {
                // "المنطقة الوسطى لمحافظة إب": a generic regional term of another province, not the alias.
                prev.Chosen = null;
                prev.Reason = "rejected: regional term attached to another province (" + cur.Text + ")";
                continue;
            }

            if (cur.Modifier is not null)
            {
                continue; // "X شمال شرق Y": X is placed relative to Y, not inside it
            }

            if (cur.TypeCue is FeatureTypes.Admin1 or FeatureTypes.Admin2 or FeatureTypes.City && prev.Chosen.Admin1Code != cur.Chosen.Admin1Code
                && prev.Chosen.FeatureType is FeatureTypes.Village or FeatureTypes.Neighbourhood or FeatureTypes.Other or FeatureTypes.Town)
            {
                // "منطقة الحوبان بمدينة تعز": the text puts X inside Y, so a namesake of X elsewhere is wrong. Take X's
                // namesake inside Y's province, or drop X and let Y stand for the place.
                var inside = prev.Candidates.FirstOrDefault(c => c.Place.Admin1Code == cur.Chosen.Admin1Code).Place;
                prev.Chosen = inside;
                prev.Reason = inside is null
                    ? $"rejected: no place of this name inside {cur.Text}, which the text puts it in"
                    : $"{inside.FeatureType} in {inside.Country}, the namesake inside {cur.Text}";
                if (inside is null)
                {
                    continue;
                }
            }

            if (PlaceContainment.Contains(cur.Chosen, prev.Chosen))
            {
                prev.Container = cur;
                cur.Contained = prev;
            }
            else if (PlaceContainment.Contains(prev.Chosen, cur.Chosen) || PlaceContainment.SameDistrict(prev.Chosen, cur.Chosen))
            {
                cur.Container = prev;
                prev.Contained = cur;
            }
        }

        RelocateBeforeRelativeAnchor(text, mentions);

        foreach (var m in mentions.Where(m => m.Chosen is not null))
        {
            m.Resolved = PlaceOutput.ToResolved(_gazetteer, text, m, m.Chosen!, m.Reason);
        }
    }

    /// <summary>
    /// "جبل المقطر المطل على شارع الستين شمال تعز": a small place described a few words later as lying north (south...) of a
    /// city or province is in that city's province. A namesake elsewhere in the same country is the wrong place: take the
    /// namesake inside the anchor's province, or drop the small place and let the anchor stand for it.
    /// </summary>
    private static void RelocateBeforeRelativeAnchor(AnalyzedText text, List<PlaceMention> mentions)
    {
        for (var i = 1; i < mentions.Count; i++)
        {
            var anchor = mentions[i];
            if (anchor.Modifier is null || anchor.Chosen is not { Admin1Code: { } province } a
                || a.FeatureType is not (FeatureTypes.Admin1 or FeatureTypes.Admin2 or FeatureTypes.City))
            {
                continue;
            }

            for (var j = i - 1; j >= 0 && anchor.FirstToken - mentions[j].EndToken <= RelativeAnchorReach; j--)
            {
                var small = mentions[j];
                if (small.Chosen is not { } s || s.Country != a.Country || s.Admin1Code == province
                    || !(FeatureTypes.IsSmall(s.FeatureType) || small.TypeCue == "area")
                    || text.Original.AsSpan(small.Span.End, Math.Max(0, anchor.NameSpan.Start - small.Span.End)).IndexOfAny('.', '\n') >= 0)
                {
                    continue;
                }

                var inside = small.Candidates.FirstOrDefault(c => c.Place.Admin1Code == province).Place;
                if (inside is null && s.FeatureType is FeatureTypes.City or FeatureTypes.Town)
                {
                    continue; // "منطقة شبرا الخيمة الواقعة شمال القاهرة": a town or city with no namesake there is its own place
                }

                small.Chosen = inside;
                small.Reason = inside is null
                    ? $"rejected: no place of this name in the province of {anchor.Text}, which the text places it relative to"
                    : $"{inside.FeatureType} in {inside.Country}, the namesake in the province of {anchor.Text}";
            }
        }
    }

    /// <summary>How many tokens a relative anchor ("شمال تعز") may follow the small place it locates.</summary>
    private const int RelativeAnchorReach = 8;

    private static string Why(PlaceMention m, GazetteerPlace c, string? documentCountry)
    {
        if (m.IsMetonym && m.TypeCue is null && (!m.HasPreposition || m.DativeOnly))
        {
            return "a capital that stands for its government here (no locative preposition or cue)";
        }

        if (documentCountry is not null && c.Country != documentCountry)
        {
            return $"best candidate {c} is outside the document country {documentCountry} and has no cue";
        }

        return $"{c.FeatureType} name without a cue word, or with a preposition but in a province the document does not name";
    }

    private static string Describe(PlaceMention m)
    {
        var c = m.Chosen!;
        return $"{c.FeatureType} in {c.Country}"
               + (m.TypeCue is null ? string.Empty : $", cue {m.TypeCue}")
               + (m.Modifier is null ? string.Empty : $", {m.Modifier}")
               + (m.Candidates.Count > 1
                   ? string.Create(CultureInfo.InvariantCulture, $", best of {m.Candidates.Count} (score {m.Candidates[0].Score:0.0} vs {m.Candidates[1].Score:0.0})")
                   : ", only candidate");
    }

    /// <summary>
    /// True when the chosen candidate of <paramref name="m"/> is a place where something happens; <paramref name="supported"/> are
    /// the provinces the document names; <paramref name="heldByCountry"/> says the text puts the place inside its country.
    /// </summary>
    public bool Accept(PlaceMention m, string? documentCountry, HashSet<string>? supported = null, bool heldByCountry = false)
    {
        var c = m.Chosen!;
        if (m.IsMetonym && m.TypeCue is null && (!m.HasPreposition || m.DativeOnly))
        {
            return false; // "بين تل أبيب والفصائل", "أعلنت واشنطن": the capital stands for its government
        }

        var inCountry = documentCountry is null || _gazetteer.SameTheatre(c.Country, documentCountry);
        var linked = m.Container is not null || m.Contained is not null || m.LinkedToPrevious || heldByCountry;
        if (m.Text.Length <= 2)
        {
            // Two-letter names (اب = Ibb, also the month آب) need a cue or the document's country.
            return m.TypeCue is not null || (inCountry && documentCountry is not null && m.HasPreposition);
        }

        if (m.TypeCue is not null && m.TypeCue != "area" && inCountry)
        {
            return true;
        }

        if (!inCountry)
        {
            // Outside the document's country only clearly marked places count.
            return c.FeatureType switch
            {
                FeatureTypes.Country => true,
                // "الموالية لأنقرة": a foreign capital after ل is its government, not a place.
                FeatureTypes.Admin1 or FeatureTypes.City or FeatureTypes.Region => (m.HasPreposition && !m.DativeOnly) || m.TypeCue is not null,
                FeatureTypes.Admin2 or FeatureTypes.Town or FeatureTypes.Admin3 => m.TypeCue is not null && m.TypeCue != "area" && m.HasPreposition,
                _ => false,
            };
        }

        return c.FeatureType switch
        {
            FeatureTypes.Country or FeatureTypes.Admin1 or FeatureTypes.City or FeatureTypes.Region or FeatureTypes.Admin2 or FeatureTypes.Town => true,

            // Small places: a cue word or a containing place, or a preposition in a province the document names.
            _ => m.TypeCue is not null || linked
                 || (m.HasPreposition && (supported is null || (c.Admin1Code is not null && supported.Contains(c.Admin1Code)))),
        };
    }
}
