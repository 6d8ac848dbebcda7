using Rasid.Actors;
using Rasid.Records;

namespace Rasid.Events;

/// <summary>
/// Fills in the perpetrator (actor1) the way ACLED codes it when the event's own clause does not name it:
/// a group that claimed the attack elsewhere in the article ("أعلنت حركة الشباب مسؤوليتها", "تبنى تنظيم داعش"), else
/// an Unidentified Armed Group of the event's country. Soldiers, police or civilians taken as the first side of a bombing
/// or an attack on civilians are its victims: they move to actor2. ACLED's conventions for the other side come first:
/// an armed group in an air strike is its target and the article's air force its perpetrator; a protest's or a riot's
/// crowd is actor1 and the force that meets it actor2; the unnamed target of violence against civilians is "Civilians
/// (country)" (ANNOTATION.md).
/// </summary>
internal sealed class PerpetratorInference
{
    private readonly EventLexicon _lexicon;
    private readonly GenericActors _generic;

    /// <param name="lexicon">The event word lists (the claim cues of data/events/cue_words.tsv).</param>
    /// <param name="generic">The generic entries ("Unidentified Armed Group ({country})", "Civilians ({country})", protesters, rioters).</param>
    public PerpetratorInference(EventLexicon lexicon, GenericActors generic)
    {
        ArgumentNullException.ThrowIfNull(generic);
        _lexicon = lexicon;
        _generic = generic;
    }

    /// <summary>
    /// Completes the perpetrators of a document's settled events. <paramref name="unplaced"/> are the article's other
    /// reports, dropped for want of a place ("واتهم الحوثيون التحالف العربي بشن تلك الغارة"): they still tell who flies.
    /// </summary>
    public void Apply(List<EventCandidate> events, EventDocument document, IReadOnlyList<EventCandidate> unplaced, Action<string>? trace = null)
    {
        var claimant = Claimant(document);
        foreach (var e in events)
        {
            AirStrikeSides(e, document, trace);
        }

        // The settled events decide; the unplaced reports only when none of them names an air force.
        var airForce = NamesAirForce(events) ? AirForce(events) : AirForce(unplaced);
        foreach (var e in events)
        {
            DemonstratorSides(e, document, trace);
            FillAirForce(e, airForce, trace);
            FillCivilianTarget(e, trace);

            if (!NeedsPerpetrator(e))
            {
                continue;
            }

            if (e.Actor1 is { } first && IsVictimSide(first.Entry) && VictimsCannotBePerpetrators(e))
            {
                // "قتل جنديان في تفجير عبوة ناسفة": the soldiers are the target, not the bombers.
                if (e.Actor2 is null || e.Actor2.Entry.Id == first.Entry.Id)
                {
                    e.Actor2 = first;
                }

                e.Actor1 = null;
                trace?.Invoke($"actors: s{e.Sentence} {e.SubEventType}: {first.Entry.Id} is the target, not the perpetrator");
            }

            if (e.Actor1 is not null)
            {
                continue;
            }

            if (claimant is not null && claimant.Entry.Id != e.Actor2?.Entry.Id)
            {
                e.Actor1 = claimant;
                trace?.Invoke($"actors: s{e.Sentence} {e.SubEventType}: perpetrator {claimant.Entry.Id} from the claim of responsibility");
            }
            else if (_generic.Unidentified is not null && e.Place?.Country is not null && e.Actor2?.Entry.Id != _generic.Unidentified.Id)
            {
                e.Actor1 = new AssignedActor(_generic.Unidentified, null);
                trace?.Invoke($"actors: s{e.Sentence} {e.SubEventType}: no perpetrator named, Unidentified Armed Group");
            }
        }
    }

    /// <summary>
    /// Armed groups do not fly jets: in an air strike with no drone named, a rebel, militia or identity group taken as
    /// actor1 and named after the trigger is the target ("غارات جوية استهدفت مواقع للميليشيا الحوثية"); one named before
    /// it is the subject ("قامت قوات الدعم السريع بشن غارة جوية") and stays. The target moves to actor2, and a state or foreign
    /// force taken as actor2 ("غارة للتحالف العربي") becomes the perpetrator.
    /// </summary>
    private void AirStrikeSides(EventCandidate e, EventDocument document, Action<string>? trace)
    {
        if (e.SubEventType != "Air/drone strike" || e.Actor1 is not { } first || first.Entry.Inter is not (2 or 3 or 4)
            || first.Entry.Id == _generic.Unidentified?.Id || _lexicon.SentenceHas(document.Tokens, document.Text.Sentences[e.Sentence], CueSet.Drone))
        {
            return;
        }

        if (e.Actor2 is { } second && second.Entry.Inter is 1 or 8)
        {
            (e.Actor1, e.Actor2) = (second, first);
            trace?.Invoke($"actors: s{e.Sentence} air strike: {first.Entry.Id} is the target, {second.Entry.Id} the air force");
        }
        else if ((e.Actor2 is null || e.Actor2.Entry.Inter == 7) && !(first.Mention is { } named && named.Start < e.TriggerSpan.Start))
        {
            (e.Actor1, e.Actor2) = (null, first);
            trace?.Invoke($"actors: s{e.Sentence} air strike: {first.Entry.Id} is the target; no air force named");
        }
    }

    /// <summary>
    /// ACLED codes a protest with the protesters as actor1 and a riot with the rioters, and the force that meets them as
    /// actor2 ("قمعت الشرطة تظاهرة", "مقتل 3 فلسطينيين بالرصاص في مظاهرات غزة"): an armed actor taken as actor1 moves to
    /// actor2, and an unnamed crowd is "Protesters ({country})" or "Rioters ({country})".
    /// </summary>
    private void DemonstratorSides(EventCandidate e, EventDocument document, Action<string>? trace)
    {
        var crowd = e.EventType switch
        {
            EventTypes.Protests => _generic.Protesters,
            EventTypes.Riots => _generic.Rioters,
            _ => null,
        };
        if (crowd is null || e.Place?.Country is null)
        {
            return;
        }

        if (e.Actor1?.Entry.Inter is 5 or 6)
        {
            FillForceMeetingCrowd(e, document, trace);
            return;
        }

        if (e.Actor1 is { } force && force.Entry.Inter is not 7)
        {
            if (e.Actor2 is null || e.Actor2.Entry.Inter is 5 or 6 or 7)
            {
                (e.Actor1, e.Actor2) = (e.Actor2 is { Entry.Inter: 5 or 6 } named ? named : new AssignedActor(crowd, null), force);
                trace?.Invoke($"actors: s{e.Sentence} {e.SubEventType}: {force.Entry.Id} met the crowd: actor2; the crowd is actor1");
            }

            return;
        }

        // No actor1, or civilians (the young men, the people) taken as the crowd.
        e.Actor1 = new AssignedActor(crowd, e.Actor1?.Mention);
        trace?.Invoke($"actors: s{e.Sentence} {e.SubEventType}: the crowd is actor1 ({crowd.Id})");
        FillForceMeetingCrowd(e, document, trace);
    }

    /// <summary>
    /// Civilians taken as actor2 of a protest ("لقي ثمانية متظاهرين فلسطينيين مصرعهم برصاص القوات الإسرائيلية") are the
    /// crowd too, and a protest met with force has the force as actor2: the state or foreign force the event's sentences name.
    /// </summary>
    private static void FillForceMeetingCrowd(EventCandidate e, EventDocument document, Action<string>? trace)
    {
        if (!(e.Actor2?.Entry.Inter == 7 || e.Actor2 is null && e.SubEventType is "Excessive force against protesters" or "Protest with intervention"))
        {
            return;
        }

        var forces = e.Sentences.OrderBy(x => x != e.Sentence).SelectMany(x => document.ActorsBySentence[x])
            .Where(m => m.Actor.Inter is 1 or 8).Take(1).ToList();
        e.Actor2 = forces.Count == 0 ? null : new AssignedActor(forces[0].Actor, forces[0].Span);
        trace?.Invoke($"actors: s{e.Sentence} {e.SubEventType}: the side that met the crowd is {e.Actor2?.Entry.Id ?? "not named"}");
    }

    /// <summary>An air strike with no perpetrator named takes <paramref name="airForce"/>, the article's one air force.</summary>
    private static void FillAirForce(EventCandidate e, AssignedActor? airForce, Action<string>? trace)
    {
        if (airForce is not null && e.SubEventType == "Air/drone strike" && e.Actor1 is null && e.Actor2?.Entry.Id != airForce.Entry.Id)
        {
            e.Actor1 = airForce with { Mention = null };
            trace?.Invoke($"actors: s{e.Sentence} air strike: no air force named, {airForce.Entry.Id}, the one that strikes from the air in the article's other events");
        }
    }

    /// <summary>The unnamed target of violence against civilians, or of an explosion aimed at them, is "Civilians ({country})".</summary>
    private void FillCivilianTarget(EventCandidate e, Action<string>? trace)
    {
        if (e.Actor2 is null && _generic.Civilians is not null && e.Place?.Country is not null && e.Actor1?.Entry.Inter != 7
            && (e.EventType == EventTypes.ViolenceAgainstCivilians || e.CivilianTargets && e.EventType is not (EventTypes.Protests or EventTypes.Riots)))
        {
            e.Actor2 = new AssignedActor(_generic.Civilians, null);
            trace?.Invoke($"actors: s{e.Sentence} {e.SubEventType}: the target is not named, civilians (violence against civilians)");
        }
    }

    /// <summary>The one state or foreign force named as the perpetrator of the document's air strikes, if exactly one is.</summary>
    private static AssignedActor? AirForce(IEnumerable<EventCandidate> events)
    {
        AssignedActor? found = null;
        foreach (var e in events)
        {
            if (NamedAirForce(e) is not { } a)
            {
                continue;
            }

            if (found is not null && found.Entry.Id != a.Entry.Id)
            {
                return null;
            }

            found = a;
        }

        return found;
    }

    /// <summary>True when one of <paramref name="events"/> names a state or foreign force as the perpetrator of an air strike.</summary>
    private static bool NamesAirForce(List<EventCandidate> events) => events.Exists(e => NamedAirForce(e) is not null);

    /// <summary>The state or foreign force named as the perpetrator of an air strike, or null.</summary>
    private static AssignedActor? NamedAirForce(EventCandidate e) =>
        e.SubEventType == "Air/drone strike" && e.Actor1 is { Mention: not null } a && a.Entry.Inter is 1 or 8 ? e.Actor1 : null;

    /// <summary>Bombings, attacks on civilians and clashes always have a perpetrator; air strikes and shelling need a named force.</summary>
    private static bool NeedsPerpetrator(EventCandidate e) =>
        e.EventType is EventTypes.ViolenceAgainstCivilians
        || e.EventType == EventTypes.RemoteViolence && e.SubEventType is "Remote explosive/landmine/IED" or "Suicide bomb" or "Grenade"
        || e.EventType == EventTypes.Battles && e.Actor2 is not null;

    /// <summary>State forces and civilians do not plant bombs or attack civilians in ACLED's coding of these sub-types.</summary>
    private static bool VictimsCannotBePerpetrators(EventCandidate e) =>
        e.EventType is EventTypes.ViolenceAgainstCivilians
        || e.SubEventType is "Remote explosive/landmine/IED" or "Suicide bomb";

    private static bool IsVictimSide(ActorEntry entry) => entry.Inter is 1 or 7;

    /// <summary>The one armed non-state group the article says claimed an attack, if exactly one is named with a claim cue.</summary>
    private AssignedActor? Claimant(EventDocument document)
    {
        var tokens = document.Tokens;
        AssignedActor? found = null;
        for (var s = 0; s < document.Text.Sentences.Count; s++)
        {
            var sentence = document.Text.Sentences[s];
            var claims = false;
            for (var t = sentence.FirstToken; t < sentence.EndToken && !claims; t++)
            {
                claims = _lexicon.IsCue(CueSet.ClaimCue, tokens[t].Text);
            }

            if (!claims)
            {
                continue;
            }

            foreach (var m in document.ActorsBySentence[s].Where(m => m.Actor.Inter is 2 or 3 && !m.Actor.IsGeneric))
            {
                if (found is not null && found.Entry.Id != m.Actor.Id)
                {
                    return null; // several groups claim or are named: leave it to the reader
                }

                found ??= new AssignedActor(m.Actor, m.Span);
            }
        }

        return found;
    }
}
