using Rasid.Places;
using Rasid.Records;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>
/// Merges reports of one event within a document: within the sentence, then across sentences (same place, adjacent
/// sentences, or the same report restated), then the headline into its body event, keeping the highest type of ACLED's
/// hierarchy.
/// </summary>
internal static class EventMerging
{
    /// <summary>How many earlier events a report is compared with when merging (reports of one event stand close together).</summary>
    internal const int MergeLookBack = 30;

    /// <summary>Two named places closer than this (km) are one place for merging reports (a town and its quarters).</summary>
    private const double SamePlaceKm = 5;

    /// <summary>
    /// Merges the reports of a document across sentences. Headline reports are merged after the body's own events are
    /// settled, so a headline never pulls body reports together; then a headline event joins its body event.
    /// </summary>
    public static List<EventCandidate> MergeDocument(List<EventCandidate> candidates, AnalyzedText text, int titleEnd)
    {
        var inHeadline = candidates.Where(c => titleEnd > 0 && c.SentenceSpan.End <= titleEnd).ToList();
        return MergeHeadline(MergeAcross(inHeadline).Concat(MergeAcross(candidates.Except(inHeadline).ToList())).ToList(), text, titleEnd);
    }

    /// <summary>Merges the reports of one sentence: generic attack/killing words join its specific events, compatible reports become one.</summary>
    public static IEnumerable<EventCandidate> MergeWithin(List<EventCandidate> candidates)
    {
        var result = new List<EventCandidate>();

        // Generic attack/killing words of a sentence belong to its specific event(s): the nearest one at a compatible place.
        var specific = candidates.Where(c => !IsGeneric(c)).ToList();
        var generic = candidates.Where(IsGeneric).ToList();
        if (specific.Count > 0)
        {
            foreach (var g in generic)
            {
                var target = specific.Where(s => PlacesCompatible(s, g))
                    .OrderBy(s => Math.Abs(s.TriggerToken - g.TriggerToken)).FirstOrDefault();
                if (target is null)
                {
                    specific.Add(g);
                }
                else
                {
                    Merge(target, g);
                }
            }

            candidates = candidates.Where(specific.Contains).ToList();
        }

        foreach (var c in candidates)
        {
            var into = result.FirstOrDefault(e => Compatible(e, c, sameSentence: true));
            if (into is null)
            {
                result.Add(c);
            }
            else
            {
                Merge(into, c);
            }
        }

        return result;
    }

    private static List<EventCandidate> MergeAcross(List<EventCandidate> candidates)
    {
        var result = new List<EventCandidate>();
        foreach (var c in candidates)
        {
            EventCandidate? into = null;
            for (var i = result.Count - 1; i >= Math.Max(0, result.Count - MergeLookBack); i--)
            {
                // Reports in other sentences join an event only when they name the same place, or when one names
                // none and they follow each other (a sentence adding details to the one before).
                var e = result[i];
                var samePlace = e.PlaceInSentence && c.PlaceInSentence && e.Place is not null && c.Place is not null
                                && PlacesCompatible(e, c);
                var adjacent = i == result.Count - 1 && (!e.PlaceInSentence || !c.PlaceInSentence)
                               && c.Sentence - e.Sentences.Max() <= 1;
                var sameReport = e.Place is not null && c.Place is not null && e.Place.Location == c.Place.Location
                                 && e.EventType == c.EventType && e.SubEventType == c.SubEventType && ActorsOverlap(e, c);
                if ((samePlace || adjacent || sameReport) && Compatible(e, c, sameSentence: false))
                {
                    into = result[i];
                    break;
                }
            }

            if (into is null)
            {
                result.Add(c);
            }
            else
            {
                Merge(into, c);
            }
        }

        return result;
    }

    /// <summary>
    /// A headline summarises the article's main event: a headline event joins the first body event of the same kind in
    /// the same country, whose place (usually more precise) it keeps.
    /// </summary>
    private static List<EventCandidate> MergeHeadline(List<EventCandidate> events, AnalyzedText text, int titleEnd)
    {
        if (titleEnd <= 0)
        {
            return events;
        }

        var headline = events.Where(e => text.Sentences[e.Sentences.Min()].Span.End <= titleEnd).ToList();
        var result = events.Except(headline).ToList();
        foreach (var h in headline)
        {
            var body = result.FirstOrDefault(b =>
                (b.EventType == h.EventType || IsGeneric(b) || IsGeneric(h))
                && b.EventType != EventTypes.StrategicDevelopments == (h.EventType != EventTypes.StrategicDevelopments)
                && (b.Place is null || h.Place is null || b.Place.Admin1Code == h.Place.Admin1Code || h.Place.FeatureType == FeatureTypes.Country
                    || b.Place.Iso2 == h.Place.Iso2 && SameFigure(b, h)));
            if (body is null)
            {
                result.Insert(0, h);
                continue;
            }

            var place = body.Place;
            var inSentence = body.PlaceInSentence;
            var headlinePlace = h.PlaceInSentence && h.Place is { } hp && hp.Admin1Code == place?.Admin1Code ? hp : null;
            Merge(body, h);
            if (!inSentence && headlinePlace is not null)
            {
                // The body's report names no place of its own ("لقي مواطن حتفه"): the headline's, in the same province, is stated.
                (body.Place, body.PlaceInSentence) = (headlinePlace, true);
            }
            else if (place is not null)
            {
                (body.Place, body.PlaceInSentence) = (place, inSentence);
            }
        }

        return result;
    }

    /// <summary>The two reports give the same casualty figure (a headline repeating the lead's toll).</summary>
    private static bool SameFigure(EventCandidate a, EventCandidate b) =>
        a.Casualties.Any(x => x.Value >= 2 && b.Casualties.Any(y => x.Role == y.Role && x.Value == y.Value));

    private static bool Compatible(EventCandidate a, EventCandidate b, bool sameSentence)
    {
        if (!PlacesCompatible(a, b) || a.Date?.Date is { } da && b.Date?.Date is { } db && da != db)
        {
            return false;
        }

        var aStrategic = a.EventType == EventTypes.StrategicDevelopments;
        var bStrategic = b.EventType == EventTypes.StrategicDevelopments;
        if (aStrategic || bStrategic)
        {
            return aStrategic && bStrategic && (a.SubEventType == b.SubEventType || IsAgreementFamily(a) && IsAgreementFamily(b)) && ActorsOverlapOrMissing(a, b);
        }

        if (a.EventType is EventTypes.Protests or EventTypes.Riots != b.EventType is EventTypes.Protests or EventTypes.Riots)
        {
            return false;
        }

        if (a.EventType == b.EventType && a.SubEventType == b.SubEventType)
        {
            return ActorsOverlapOrMissing(a, b);
        }

        // "سيطرت القوات على X عقب اشتباكات مع الحوثيين": the clash of the same sentence is how the territory was taken
        // (each side may be named as the first actor of its own clause).
        if (sameSentence && a.EventType == EventTypes.Battles && b.EventType == EventTypes.Battles
            && (a.SubEventType == "Armed clash") != (b.SubEventType == "Armed clash"))
        {
            return true;
        }

        // A generic attack/killing word restates a specific event of the same place.
        if (IsGeneric(a) || IsGeneric(b))
        {
            return ActorsOverlapOrMissing(a, b);
        }

        // Different kinds of violence: one event at the highest type only when they involve the same actors.
        return SameActors(a, b) && (sameSentence || a.PlaceInSentence && b.PlaceInSentence);
    }

    /// <summary>
    /// Force used on a protest ("قتل مواطن في مسيرات العودة"), or, with <paramref name="orAttack"/>, an attack on civilians
    /// (the same killing told without the protest): ACLED codes the killing of protesters as the protest's repression.
    /// </summary>
    private static bool IsForceOnProtesters(EventCandidate c, bool orAttack = false) =>
        c.SubEventType == "Excessive force against protesters" || orAttack && c.EventType == EventTypes.ViolenceAgainstCivilians && c.SubEventType == "Attack";

    /// <summary>Attack and killing words name no specific kind of violence; a specific trigger of the same event decides the type.</summary>
    internal static bool IsGeneric(EventCandidate c) => !c.HasSpecificTrigger;

    /// <summary>
    /// A killing or attack with no side named ("مقتل مسؤول فلبيني"): its type (an armed clash by default) is a guess that
    /// a report of the same act naming its victims or perpetrators overrides.
    /// </summary>
    private static bool TypeIsGuessed(EventCandidate c) =>
        c.TriggerClass is TriggerClasses.Kill or TriggerClasses.Attack && c.Actor1 is null && c.Actor2 is null;

    /// <summary>Both events have a perpetrator and each one's perpetrator takes part in the other.</summary>
    private static bool SameActors(EventCandidate a, EventCandidate b)
    {
        if (a.Actor1 is null || b.Actor1 is null)
        {
            return false;
        }

        var aIds = ActorIds(a).ToHashSet(StringComparer.Ordinal);
        var bIds = ActorIds(b).ToHashSet(StringComparer.Ordinal);
        return bIds.Contains(a.Actor1.Entry.Id) && aIds.Contains(b.Actor1.Entry.Id);
    }

    private static bool IsAgreementFamily(EventCandidate c) => c.SubEventType is "Agreement" or "Non-violent transfer of territory";

    internal static bool PlacesCompatible(EventCandidate a, EventCandidate b)
    {
        // A place that is only a fallback from earlier text does not separate events.
        if (a.Place is null || b.Place is null || !a.PlaceInSentence || !b.PlaceInSentence)
        {
            return true;
        }

        if (a.Place.Admin1Code != b.Place.Admin1Code)
        {
            return false;
        }

        // Same town, one is the district/province containing the other, or two names of one town (its quarters).
        // Two towns of one district are different places, hence different events.
        return a.Place.Location == b.Place.Location
               || a.Place.FeatureType is FeatureTypes.Admin1 or FeatureTypes.Region || b.Place.FeatureType is FeatureTypes.Admin1 or FeatureTypes.Region
               || a.Place.Admin2 is not null && a.Place.Admin2 == b.Place.Admin2 && (a.Place.FeatureType is FeatureTypes.Admin2 || b.Place.FeatureType is FeatureTypes.Admin2)
               || GeoDistance.Km(a.Place, b.Place) <= SamePlaceKm;
    }

    /// <summary>The place of <paramref name="from"/> when it states one in its own sentence that is at least as precise.</summary>
    private static void TakePlace(EventCandidate into, EventCandidate from)
    {
        if (from.Place is not null && from.PlaceInSentence && (into.Place is null || from.Place.GeoPrecision <= into.Place.GeoPrecision))
        {
            (into.Place, into.PlaceInSentence) = (from.Place, true);
        }
    }

    private static IEnumerable<string> ActorIds(EventCandidate c) =>
        new[] { c.Actor1, c.Actor2 }.Concat(c.Assoc1).Concat(c.Assoc2).Where(x => x is not null).Select(x => x!.Entry.Id);

    private static bool ActorsOverlap(EventCandidate a, EventCandidate b) => ActorIds(a).Intersect(ActorIds(b), StringComparer.Ordinal).Any();

    internal static bool ActorsOverlapOrMissing(EventCandidate a, EventCandidate b) =>
        a.Actor1 is null || b.Actor1 is null || ActorsOverlap(a, b);

    internal static void Merge(EventCandidate into, EventCandidate from)
    {
        if (IsGeneric(from) && !IsGeneric(into) || TypeIsGuessed(from) && !TypeIsGuessed(into) || IsForceOnProtesters(into) && IsForceOnProtesters(from, orAttack: true))
        {
            // keep the specific type; a killing told elsewhere as an attack on civilians stays force used on a protest
        }
        else if (IsForceOnProtesters(from) && IsForceOnProtesters(into, orAttack: true))
        {
            (into.EventType, into.SubEventType) = (from.EventType, from.SubEventType);
        }
        else if (IsGeneric(into) && !IsGeneric(from) || TypeIsGuessed(into) && !TypeIsGuessed(from) || from.Rank < into.Rank)
        {
            (into.EventType, into.SubEventType) = (from.EventType, from.SubEventType);

            // The sentence that names the kind of violence is the better evidence, and its place the event's.
            (into.TriggerClass, into.TriggerSpan, into.TriggerToken, into.Sentence, into.SentenceSpan) =
                (from.TriggerClass, from.TriggerSpan, from.TriggerToken, from.Sentence, from.SentenceSpan);
            TakePlace(into, from);
        }
        else if (from.Rank == into.Rank && into.SubEventType == "Armed clash" && from.SubEventType.Contains("territory", StringComparison.Ordinal))
        {
            // The territory taken is where the event is.
            into.SubEventType = from.SubEventType;
            TakePlace(into, from);
        }

        into.Actor1 ??= from.Actor1;
        if (into.Actor2 is null && from.Actor2 is not null && from.Actor2.Entry.Id != into.Actor1?.Entry.Id)
        {
            into.Actor2 = from.Actor2;
        }

        if (into.Actor1?.Mention is null && from.Actor1?.Mention is not null && from.Actor1.Entry.Id == into.Actor1?.Entry.Id)
        {
            into.Actor1 = from.Actor1;
        }

        if (from.Place is not null && (into.Place is null || !into.PlaceInSentence && from.PlaceInSentence
                                       || from.PlaceInSentence && into.Place.FeatureType == FeatureTypes.Admin1 && from.Place.FeatureType != FeatureTypes.Admin1 && from.Place.Admin1Code == into.Place.Admin1Code))
        {
            into.Place = from.Place;
            into.PlaceInSentence = from.PlaceInSentence;
        }

        into.HasSpecificTrigger |= from.HasSpecificTrigger;
        into.RestatementOnly &= from.RestatementOnly;
        // A killing "في الهجوم" refers back with the attack word of its sentence; a specific report does not.
        var oneSentence = into.Sentences.Count == 1 && from.Sentences.Count == 1 && into.Sentences[0] == from.Sentences[0];
        into.RefersBack = oneSentence && IsGeneric(into) && IsGeneric(from) ? into.RefersBack || from.RefersBack : into.RefersBack && from.RefersBack;
        // A date stated in a report's own sentence beats one carried from the sentence before.
        if (into.Date is null || !into.DateInSentence && from.DateInSentence && from.Date?.Date is not null)
        {
            (into.Date, into.DateInSentence) = (from.Date, from.DateInSentence);
        }
        into.Casualties.AddRange(from.Casualties);
        into.Supporters.UnionWith(from.Supporters);
        into.Tags.UnionWith(from.Tags);
        into.CivilianTargets |= from.CivilianTargets;
        into.Sentences.AddRange(from.Sentences.Where(s => !into.Sentences.Contains(s)));
    }
}
