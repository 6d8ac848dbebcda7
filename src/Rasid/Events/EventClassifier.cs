using Rasid.Records;
using Rasid.Text;


namespace Rasid.Events;

/// <summary>
/// Refines a trigger class's default ACLED type (data/events/trigger_classes.tsv) from its context: victims, weapons,
/// perpetrators and the other triggers of the sentence.
/// </summary>
internal sealed class EventClassifier
{
    private readonly EventLexicon _lexicon;

    public EventClassifier(EventLexicon lexicon)
    {
        _lexicon = lexicon;
    }

    /// <summary>Refines the trigger class's default type from context: victims, weapons, perpetrators.</summary>
    public void Classify(EventCandidate c, HashSet<string> classesInSentence, Sentence sentence, IReadOnlyList<Token> tokens, List<CasualtyMention> casualties)
    {
        var civilianVictims = c.Actor2?.Entry.Inter == 7 || (c.Actor2 is null && HasCivilianNoun(tokens, sentence, c.Actor1?.Mention));
        var armedVictims = c.Actor2 is { } v && v.Entry.Inter is >= 1 and <= 4 or 8;
        switch (c.TriggerClass)
        {
            case TriggerClasses.Attack or TriggerClasses.Kill when classesInSentence.Contains(TriggerClasses.Protest) && !NonStateArmed(c):
                // "مقتل 3 فلسطينيين بالرصاص في مظاهرات غزة": force used on a protest is coded as the protest.
                (c.EventType, c.SubEventType) = (EventTypes.Protests, "Excessive force against protesters");
                break;
            case TriggerClasses.Clash when classesInSentence.Contains(TriggerClasses.Protest) && !HasCrowd(tokens, sentence) && !NonStateArmed(c):
                // "هاجمت قوات الشرطة تظاهرة ... وأسفرت الاشتباكات عن مقتل شخصين": the clashes are the protest's repression.
                (c.EventType, c.SubEventType) = (EventTypes.Protests,
                    casualties.Any(x => x.Role == "killed") ? "Excessive force against protesters" : "Protest with intervention");
                break;
            case TriggerClasses.Clash when HasCrowd(tokens, sentence) && !NonStateArmed(c):
                // "مواجهات" of youths or protesters with security forces are a riot, not a battle.
                (c.EventType, c.SubEventType) = (EventTypes.Riots, "Violent demonstration");
                break;
            case TriggerClasses.Attack or TriggerClasses.Kill:
                if (civilianVictims && !armedVictims)
                {
                    (c.EventType, c.SubEventType) = (EventTypes.ViolenceAgainstCivilians, "Attack");
                    c.CivilianTargets = true;
                }

                break;
            case TriggerClasses.Assassination when RemoteWeapon(classesInSentence) is { } weapon:
                // "محاولة اغتيال بطائرات دون طيار مفخخة", "اغتياله بعبوة ناسفة": a targeted killing by an air strike or a
                // bomb is coded by its weapon (Explosions/Remote violence), whoever the target.
                (c.EventType, c.SubEventType) = (EventTypes.RemoteViolence, weapon);
                c.CivilianTargets = civilianVictims && !armedVictims;
                break;
            case TriggerClasses.Assassination or TriggerClasses.Execution:
                if (armedVictims && c.TriggerClass == TriggerClasses.Assassination && c.Actor2!.Entry.Inter is 2 or 3)
                {
                    (c.EventType, c.SubEventType) = (EventTypes.Battles, "Armed clash");
                }
                else
                {
                    c.CivilianTargets = true;
                }

                break;
            case TriggerClasses.Bombard:
                if (classesInSentence.Contains(TriggerClasses.Air) || classesInSentence.Contains(TriggerClasses.AirAgent))
                {
                    c.SubEventType = "Air/drone strike";
                }

                break;
            case TriggerClasses.Explosive or TriggerClasses.Explosion:
                if (IsDisarmed(tokens, c.TriggerToken))
                {
                    (c.EventType, c.SubEventType) = (EventTypes.StrategicDevelopments, "Disrupted weapons use");
                }
                else if (classesInSentence.Contains(TriggerClasses.Suicide))
                {
                    c.SubEventType = "Suicide bomb";
                }

                break;
            case TriggerClasses.Arrest:
                if (c.Actor1 is { } captor && captor.Entry.Inter is 2 or 3 or 4)
                {
                    (c.EventType, c.SubEventType) = (EventTypes.ViolenceAgainstCivilians, "Abduction/forced disappearance");
                }

                break;
            case TriggerClasses.Abduction:
                if (ObjectIsVehicle(tokens, c.TriggerToken))
                {
                    (c.EventType, c.SubEventType) = (EventTypes.StrategicDevelopments, "Looting/property destruction");
                }
                else
                {
                    c.CivilianTargets = !armedVictims;
                }

                break;
            case TriggerClasses.Takeover or TriggerClasses.Liberation
                when (classesInSentence.Contains(TriggerClasses.Agreement) || classesInSentence.Contains(TriggerClasses.Withdrawal))
                     && !classesInSentence.Overlaps(FightingClasses):
                // "دخلت قوات النظام مدينة القنيطرة إثر خروج مقاتلين رفضوا اتفاق التسوية": an area handed over under a deal or
                // after a withdrawal, with no fighting in the sentence, changes hands without violence.
                (c.EventType, c.SubEventType) = (EventTypes.StrategicDevelopments, "Non-violent transfer of territory");
                break;
            case TriggerClasses.Takeover or TriggerClasses.Liberation:
                c.SubEventType = c.Actor1?.Entry.Inter == 1 ? "Government regains territory" : "Non-state actor overtakes territory";
                break;
            case TriggerClasses.Withdrawal:
                if (classesInSentence.Contains(TriggerClasses.Clash) || classesInSentence.Contains(TriggerClasses.Attack))
                {
                    (c.EventType, c.SubEventType) = (EventTypes.Battles, "Armed clash");
                }

                break;
            case TriggerClasses.Release:
                c.Tags.Add("prisoner release");
                break;
            case TriggerClasses.Exchange:
                c.Tags.Add("prisoner exchange");
                break;
            case TriggerClasses.Surrender:
                c.Tags.Add("surrender");
                break;
            case TriggerClasses.Protest:
                if (classesInSentence.Contains(TriggerClasses.Riot))
                {
                    (c.EventType, c.SubEventType) = (EventTypes.Riots, "Violent demonstration");
                }
                else if (casualties.Any(x => x.Role == "killed"))
                {
                    c.SubEventType = "Excessive force against protesters";
                }
                else if (classesInSentence.Contains(TriggerClasses.ProtestIntervention) || classesInSentence.Contains(TriggerClasses.Arrest))
                {
                    c.SubEventType = "Protest with intervention";
                }

                break;
        }

        if (c.EventType == EventTypes.RemoteViolence && !armedVictims
            && (civilianVictims || c.Actor2 is null && !ForceIsBombTarget(c) && TargetsCivilianPlace(tokens, sentence, c.TriggerToken)))
        {
            c.CivilianTargets = true;
        }

        // Civilians are the targets of violence, never its authors.
        if (c.Actor1?.Entry.Inter == 7 && c.EventType is EventTypes.RemoteViolence or EventTypes.ViolenceAgainstCivilians or EventTypes.Battles)
        {
            (c.Actor1, c.Actor2) = (c.Actor2?.Entry.Inter == 7 ? null : c.Actor2, c.Actor1);
            c.CivilianTargets = true;
        }
    }

    private static readonly string[] FightingClasses =
    [
        TriggerClasses.Clash, TriggerClasses.Attack, TriggerClasses.Kill, TriggerClasses.Air, TriggerClasses.AirAgent, TriggerClasses.Shelling,
        TriggerClasses.Bombard, TriggerClasses.Explosive, TriggerClasses.Explosion, TriggerClasses.Suicide,
    ];

    /// <summary>The Explosions/Remote violence sub-type of a remote weapon the sentence names, or null.</summary>
    private static string? RemoteWeapon(HashSet<string> classesInSentence) =>
        classesInSentence.Contains(TriggerClasses.Suicide) ? "Suicide bomb"
        : classesInSentence.Contains(TriggerClasses.Air) || classesInSentence.Contains(TriggerClasses.AirAgent) ? "Air/drone strike"
        : classesInSentence.Contains(TriggerClasses.Explosive) ? "Remote explosive/landmine/IED"
        : null;

    private static bool NonStateArmed(EventCandidate c) =>
        new[] { c.Actor1, c.Actor2 }.Any(a => a?.Entry.Inter is 2 or 3 or 4);

    private bool HasCrowd(IReadOnlyList<Token> tokens, Sentence sentence)
    {
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (_lexicon.IsCue(CueSet.CrowdNoun, tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"تدمير خمس عجلات مفخخة", "تفكيك عبوة": a device destroyed, defused or seized before it went off.</summary>
    private bool IsDisarmed(IReadOnlyList<Token> tokens, int trigger)
    {
        for (var i = Math.Max(0, trigger - 3); i < trigger; i++)
        {
            if (_lexicon.IsCue(CueSet.DisarmVerb, tokens[i].Text) || i < trigger - 1 && _lexicon.IsCue(CueSet.DetonateFar, tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence names civilian victims and no combatant other than the perpetrator ("مسلحون ... الصحفي").</summary>
    private bool HasCivilianNoun(IReadOnlyList<Token> tokens, Sentence sentence, TextSpan? perpetrator)
    {
        var armed = false;
        var civilian = false;
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (perpetrator is { } p && p.Contains(tokens[i].Span))
            {
                continue;
            }

            if (_lexicon.PersonNounOf(tokens[i].Text) is { } noun)
            {
                civilian |= noun.Civilian;
                armed |= noun.Armed;
            }
        }

        return civilian && !armed;
    }

    /// <summary>
    /// Homes, markets, schools, places of worship, residential areas or "indiscriminate" fire within a few words after the
    /// trigger ("قصف عشوائي على الأحياء السكنية", "غارة استهدفت منزلا", "تفجير انتحاري في مسجد"): the target is civilians,
    /// unless the building was booby-trapped or belongs to a force ("مسجد قوات الطوارئ", "مسجدا في مقر قوات الطوارئ").
    /// </summary>
    private bool TargetsCivilianPlace(IReadOnlyList<Token> tokens, Sentence sentence, int trigger)
    {
        const int reach = 8;
        for (var i = trigger + 1; i < sentence.EndToken && i <= trigger + reach; i++)
        {
            if (!_lexicon.IsCue(CueSet.CivilianPlace, tokens[i].Text))
            {
                continue;
            }

            if (i + 1 < tokens.Count && _lexicon.IsCue(CueSet.BoobyTrap, tokens[i + 1].Text))
            {
                return false;
            }

            return !OwnedByForce(tokens, sentence, i);
        }

        return false;
    }

    /// <summary>
    /// A bombing whose only named actor is a state force ("مصرع 6 من قوات الأمن في انفجار بمحيط مسجد"): the force is its
    /// target (the roles are swapped later), whatever building it hit.
    /// </summary>
    private static bool ForceIsBombTarget(EventCandidate c) =>
        c.SubEventType is "Suicide bomb" or "Remote explosive/landmine/IED" && c.Actor1?.Entry.Inter is 1 or 2;

    /// <summary>
    /// The place at <paramref name="place"/> belongs to a force named right after it, directly or through words of set
    /// armed_owner_link ("مسجد قوات الطوارئ", "مسجدا في مقر قوات الطوارئ", "الجامع التابع لمبنى قوات الطوارئ").
    /// </summary>
    private bool OwnedByForce(IReadOnlyList<Token> tokens, Sentence sentence, int place)
    {
        const int maxLinks = 2;
        for (var j = place + 1; j < sentence.EndToken && j <= place + 1 + maxLinks; j++)
        {
            if (_lexicon.IsCue(CueSet.ArmedOwner, tokens[j].Text))
            {
                return true;
            }

            if (!_lexicon.IsCue(CueSet.ArmedOwnerLink, tokens[j].Text))
            {
                return false;
            }
        }

        return false;
    }

    private bool ObjectIsVehicle(IReadOnlyList<Token> tokens, int trigger)
    {
        for (var i = trigger + 1; i < tokens.Count && i <= trigger + 2; i++)
        {
            if (_lexicon.IsCue(CueSet.Vehicle, tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }
}
