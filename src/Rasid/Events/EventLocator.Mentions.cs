using Rasid.Places;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>Coordinated places and the helpers over the document's place mentions.</summary>
internal sealed partial class EventLocator
{
    /// <summary>
    /// The places named together with <paramref name="place"/> as places of one reported act ("السيطرة على منطقتي الوهط
    /// وصبر", "انفجار عبوتين في قضاء المقدادية وناحية كنعان"): each is a location of its own, so a coder records one event
    /// per place. Empty when the place stands alone, ends a stretch ("بين X و Y"), or the names contain one another.
    /// </summary>
    public IReadOnlyList<ResolvedPlace> CoordinatedWith(ResolvedPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var at = -1;
        for (var i = 0; i < _details.Count; i++)
        {
            if (_details[i].Resolved is { } r && r.Span == place.Span)
            {
                at = i;
                break;
            }
        }

        if (at < 0 || IsStretchStart(_details[at]))
        {
            return [];
        }

        var first = _details[at];
        var members = new List<PlaceMention> { first };
        var last = first;
        for (var j = at + 1; j < _details.Count && members.Count < MaxCoordinated; j++)
        {
            var next = _details[j];
            if (next.Resolved is null)
            {
                break;
            }

            var gap = _text.Normalized.Text[last.NameSpan.End..next.CueSpan.Start].Trim();
            if (last.Container == next || (next.LinkedToPrevious && IsInside(next.Chosen!, last.Chosen!))
                || IsSamePlace(last.Chosen!, next.Chosen!) && gap is "،" or ",")
            {
                // "ناحية كنعان في بعقوبة": the container of a member, not a member; "في العاصمة الأفغانية، كابل": the same
                // place named again, not a second place.
                last = next;
                continue;
            }

            if (gap is not ("و" or "،" or "، و" or "،و" or "," or "وفي" or "، وفي") || next.IsDestination || next.IsReferencePoint || next.IsReportingSource
                || next.Modifier is not null // "الغوطة الشرقية، قرب دمشق": a reference point, not a second place
                || next.Chosen!.FeatureType == FeatureTypes.Country || next.Chosen.Country != first.Chosen!.Country
                || members.Any(m => m.Chosen!.Id == next.Chosen.Id || IsInside(m.Chosen!, next.Chosen) || IsInside(next.Chosen, m.Chosen!)))
            {
                break;
            }

            members.Add(next);
            last = next;
        }

        return members.Count < 2 || first.Chosen!.FeatureType == FeatureTypes.Country
            ? []
            : members.Skip(1).Select(m => MostSpecificIn(m)).ToList();
    }

    /// <summary>The resolved place of the innermost mention the text puts inside <paramref name="m"/>, else its own.</summary>
    private static ResolvedPlace MostSpecificIn(PlaceMention m) => MostSpecific(m, []).Resolved!;

    /// <summary>True when <paramref name="m"/> follows "بين": the first end of a stretch, not a list of places.</summary>
    private bool IsStretchStart(PlaceMention m)
    {
        var tokens = _text.Tokens;
        for (var t = m.FirstToken - 1; t >= 0 && t >= m.FirstToken - 3; t--)
        {
            if (tokens[t].End > m.CueSpan.Start)
            {
                continue;
            }

            return _gazetteer.Context("stretch").Contains(tokens[t].Text);
        }

        return false;
    }

    /// <summary>Two entries for one place (a capital named by its country's adjective and the city's own entry): same province, within about 5 km.</summary>
    private static bool IsSamePlace(GazetteerPlace a, GazetteerPlace b) =>
        a.Id == b.Id || a.Country == b.Country && a.Admin1Code == b.Admin1Code && Math.Abs(a.Latitude - b.Latitude) < 0.05 && Math.Abs(a.Longitude - b.Longitude) < 0.05;

    /// <summary>
    /// True when admin unit <paramref name="outer"/> holds <paramref name="inner"/> (same codes down to its level). Unlike
    /// <see cref="PlaceContainment.Contains"/>, a town does not hold the villages of its district: "الوهط وصبر" are two places.
    /// </summary>
    private static bool IsInside(GazetteerPlace outer, GazetteerPlace inner) => outer.FeatureType switch
    {
        FeatureTypes.Country => inner.Country == outer.Country,
        FeatureTypes.Admin1 or FeatureTypes.Region => inner.Admin1Code is not null && inner.Admin1Code == outer.Admin1Code && (outer.FeatureType != FeatureTypes.Region || outer.Admin2Code is null || inner.Admin2Code == outer.Admin2Code),
        FeatureTypes.Admin2 => inner.Admin2Code is not null && inner.Admin2Code == outer.Admin2Code,
        FeatureTypes.Admin3 => inner.Admin3Code is not null && inner.Admin3Code == outer.Admin3Code,
        _ => false,
    };

    /// <summary>The feature types an anaphoric unit word in <paramref name="scope"/> refers to, or null.</summary>
    private string[]? Anaphor(TextSpan scope)
    {
        // Tokens are in document order: start at the first one inside the scope and stop past its end.
        var tokens = _text.Tokens;
        for (var i = FirstIndex(tokens.Count, k => tokens[k].Start >= scope.Start); i < tokens.Count && tokens[i].Start <= scope.End; i++)
        {
            var token = tokens[i];
            if (token.Start < scope.Start || token.End > scope.End)
            {
                continue;
            }

            // The word with its article and an optional proclitic: بالمحافظة، في المحافظة، للمديرية.
            var w = token.Text;
            var at = w.IndexOf("ال", StringComparison.Ordinal);
            if (at is < 0 or > 2 || (at == 2 && w[..2] is not ("وب" or "فب" or "وا" or "لل")) || (at == 1 && w[0] is not ('ب' or 'و' or 'ف' or 'ل' or 'ك')))
            {
                continue;
            }

            var unit = w[(at + 2)..];
            if (_anaphorAdmin1.Contains(unit))
            {
                return [FeatureTypes.Admin1];
            }

            if (_anaphorAdmin2.Contains(unit))
            {
                return [FeatureTypes.Admin2];
            }

            if (_anaphorTown.Contains(unit))
            {
                return [FeatureTypes.City, FeatureTypes.Town];
            }
        }

        return null;
    }

    private static double Cost(PlaceMention m, TextSpan anchor)
    {
        double d;
        if (anchor.Contains(m.NameSpan))
        {
            d = 0;
        }
        else if (m.NameSpan.Start >= anchor.End)
        {
            d = m.NameSpan.Start - anchor.End;
        }
        else
        {
            d = 40 + ((anchor.Start - m.NameSpan.End) * 1.5) - (m.IsTopic ? 60 : 0);
        }

        return d - (m.HasPreposition ? 25 : 0) + (m.IsDestination || m.IsReferencePoint ? 60 : 0);
    }

    /// <summary>
    /// In "الغوطة الشرقية، قرب دمشق" or "الحوطة إلى الشمال من عدن" the place named first is where it happened; the place
    /// after the direction or proximity word only locates it. Returns that first place when <paramref name="m"/> is such
    /// an anchor right after it, else <paramref name="m"/>.
    /// </summary>
    private PlaceMention Anchored(PlaceMention m, List<PlaceMention> scope)
    {
        if (m.Modifier is null)
        {
            return m;
        }

        var before = scope.LastOrDefault(o => o.NameSpan.End <= m.CueSpan.Start && o.Chosen!.FeatureType != FeatureTypes.Country);
        if (before is null || before.Modifier is not null)
        {
            return m;
        }

        var gap = _text.Normalized.Text[before.NameSpan.End..m.CueSpan.Start].Trim().Trim('،', ',', '-').Trim();
        return gap.Length == 0 || gap is "الواقعه" or "الواقع" or "الواقعتين" ? before : m;
    }

    /// <summary>The innermost place of the containment chain of <paramref name="m"/> ("المحفد" for "مديرية المحفد محافظة أبين").</summary>
    private static PlaceMention MostSpecific(PlaceMention m, List<PlaceMention> scope)
    {
        var current = m;
        // An inner mention that was itself rejected (no place chosen) ends the chain: following it threw (found by fuzzing).
        for (var guard = 0; guard < 4 && current.Contained is { Chosen: not null } inner; guard++)
        {
            current = inner;
        }

        if (current.Chosen!.FeatureType is FeatureTypes.Admin1 or FeatureTypes.Region)
        {
            // "في محافظة البيضاء ... بمديرية الزاهر": a later place inside the province is more precise.
            // A regional term spanning provinces ("الساحل الغربي في مديريتي الجراحي والتحيتا") has no single province to check.
            var region = current.Chosen.FeatureType == FeatureTypes.Region;
            var inside = scope.FirstOrDefault(o => o.NameSpan.Start > current.NameSpan.Start && o.Chosen!.FeatureType is not (FeatureTypes.Admin1 or FeatureTypes.Region or FeatureTypes.Country)
                                                   && (o.Chosen.Admin1Code == current.Chosen.Admin1Code
                                                       || (region && o.LinkedToPrevious && o.Chosen.Country == current.Chosen.Country)));
            if (inside is not null)
            {
                return MostSpecific(inside, []);
            }
        }

        return current;
    }

    private static PlaceMention? Dominant(List<PlaceMention> mentions)
    {
        var top = mentions.Where(m => m.Chosen!.Admin1Code is not null)
            .GroupBy(m => m.Chosen!.Admin1Code, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .FirstOrDefault();
        return top?.GroupBy(m => m.Chosen!.Id).OrderByDescending(g => g.Count()).First().First() ?? mentions.FirstOrDefault();
    }

    private int SentenceIndex(int position)
    {
        var sentences = _text.Sentences;
        for (var i = 0; i < sentences.Count; i++)
        {
            if (position < sentences[i].Span.End)
            {
                return i;
            }
        }

        return sentences.Count;
    }

    private int ParagraphStart(int position)
    {
        var text = _text.Normalized.Text;
        var at = Math.Min(position, text.Length);
        // The last line break before `at` (what LastIndexOf from at - 1 finds), by binary search.
        var breaks = LineBreaks();
        var index = Array.BinarySearch(breaks, at);
        var before = (index >= 0 ? index : ~index) - 1;
        return (before >= 0 ? breaks[before] : -1) + 1;
    }

    private static ResolvedPlace With(PlaceMention m, string reason) => m.Resolved! with { Reason = reason + ": " + m.Resolved!.Reason };
}
