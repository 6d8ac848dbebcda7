using Rasid.Records;

namespace Rasid.Events;

/// <summary>
/// Document-level event coreference, after the events of a document are settled: reports of one incident become one
/// event, whatever sentence, source or sub-type reports them. ACLED codes one event per type, actors, place and day
/// (ANNOTATION.md), and one event at the highest type when several kinds of violence of one act are reported together.
/// </summary>
internal static class EventCoreference
{
    /// <summary>Merges the events that report one incident; <paramref name="trace"/> receives why each merge was made.</summary>
    public static List<EventCandidate> Resolve(List<EventCandidate> events, Action<string>? trace = null)
    {
        var result = new List<EventCandidate>(events.Count);
        foreach (var e in events)
        {
            var into = result.FirstOrDefault(r => SameAct(r, e));
            var reason = "one act reported in one sentence";
            if (into is null)
            {
                into = result.FirstOrDefault(r => SameIncident(r, e));
                reason = "same type, place, day and sides";
            }

            if (into is null && e.RefersBack)
            {
                into = result.LastOrDefault(r => RefersTo(e, r));
                reason = "a reference back to an incident already told";
                if (into is null && !e.PlaceInSentence && e.Casualties.Count == 0)
                {
                    // "وأعلن التنظيم مسؤوليته عن الهجمات الأربعة": a claim of acts the article does not report, with no place or toll.
                    trace?.Invoke($"coreference: s{e.Sentence} {e.EventType}/{e.SubEventType} dropped: a reference back to no act told before, with no place or toll of its own");
                    continue;
                }
            }

            if (into is null)
            {
                result.Add(e);
                continue;
            }

            trace?.Invoke($"coreference: s{e.Sentence} {e.EventType}/{e.SubEventType} at {e.Place?.LocationAr} joins s{into.Sentence} {into.EventType}/{into.SubEventType} at {into.Place?.LocationAr} ({reason})");
            var interception = IsInterception(into, e);
            EventMerging.Merge(into, e);
            if (interception)
            {
                // An intercepted missile or drone is coded as the interception (Disrupted weapons use), not as the attack.
                (into.EventType, into.SubEventType) = (EventTypes.StrategicDevelopments, DisruptedWeaponsUse);
            }
        }

        return result;
    }

    private const string DisruptedWeaponsUse = "Disrupted weapons use";

    /// <summary>
    /// Two kinds of violence reported in one sentence at one place are one act at the highest type (an air strike
    /// supporting a ground battle, a suicide bomber's explosion in an attack). An agreement stays apart from violence,
    /// and a crowd's protest or riot from an armed act.
    /// </summary>
    private static bool SameAct(EventCandidate a, EventCandidate b) =>
        a.Sentence == b.Sentence && !IsAgreement(a) && !IsAgreement(b) && IsCrowd(a) == IsCrowd(b) && SamePlace(a, b);

    /// <summary>Protests and riots are acts of crowds: an armed act of the same sentence is another event.</summary>
    private static bool IsCrowd(EventCandidate c) => c.EventType is EventTypes.Protests or EventTypes.Riots;

    /// <summary>Two reports of one incident: same type (same sub-type for strategic developments), place, day and sides.</summary>
    private static bool SameIncident(EventCandidate a, EventCandidate b) =>
        a.EventType == b.EventType
        && (a.EventType != EventTypes.StrategicDevelopments || a.SubEventType == b.SubEventType)
        && SamePlace(a, b)
        && !(a.Date?.Date is { } da && b.Date?.Date is { } db && da != db)
        && EventMerging.ActorsOverlapOrMissing(a, b);

    /// <summary>
    /// A reference back ("مسؤولية الهجوم", "في الهجوم") joins the last earlier act of violence of the document in its
    /// country, on a compatible day and with compatible sides.
    /// </summary>
    private static bool RefersTo(EventCandidate reference, EventCandidate earlier) =>
        earlier.EventType is not (EventTypes.StrategicDevelopments or EventTypes.Protests)
        && earlier.Place?.Iso2 == reference.Place?.Iso2
        && !(earlier.Date?.Date is { } da && reference.Date?.Date is { } db && da != db)
        && EventMerging.ActorsOverlapOrMissing(earlier, reference);

    private static bool SamePlace(EventCandidate a, EventCandidate b) =>
        a.Place is not null && b.Place is not null && a.Place.Admin1Code == b.Place.Admin1Code && EventMerging.PlacesCompatible(a, b);

    private static bool IsAgreement(EventCandidate c) => c.SubEventType == "Agreement";

    private static bool IsInterception(EventCandidate a, EventCandidate b) =>
        a.SubEventType == DisruptedWeaponsUse && b.SubEventType == "Shelling/artillery/missile attack"
        || b.SubEventType == DisruptedWeaponsUse && a.SubEventType == "Shelling/artillery/missile attack";
}
