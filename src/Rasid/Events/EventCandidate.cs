using Rasid.Actors;
using Rasid.Dates;
using Rasid.Places;
using Rasid.Records;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>An actor as assigned to an event, with the mention it came from.</summary>
/// <param name="Entry">The dictionary entry.</param>
/// <param name="Mention">The span in the normalised text, or null when inferred from the document.</param>
internal sealed record AssignedActor(ActorEntry Entry, TextSpan? Mention);

/// <summary>An event while it is being built: one trigger, then merged with others that report the same event.</summary>
internal sealed class EventCandidate
{
    public required string EventType { get; set; }

    public required string SubEventType { get; set; }

    public required string TriggerClass { get; set; }

    public required TextSpan TriggerSpan { get; set; }

    public required int TriggerToken { get; set; }

    public required int Sentence { get; set; }

    public required TextSpan SentenceSpan { get; set; }

    public AssignedActor? Actor1 { get; set; }

    public List<AssignedActor> Assoc1 { get; } = [];

    /// <summary>Actors named as supporting a side ("مدعومة من طيران التحالف"): never filled in as the battle's opponent.</summary>
    public HashSet<string> Supporters { get; } = new(StringComparer.Ordinal);

    public AssignedActor? Actor2 { get; set; }

    public List<AssignedActor> Assoc2 { get; } = [];

    public ResolvedPlace? Place { get; set; }

    /// <summary>True when the place was named in the event's own sentence (not a fallback).</summary>
    public bool PlaceInSentence { get; set; }

    public DateMention? Date { get; set; }

    /// <summary>True when <see cref="Date"/> is stated in the event's own sentence (not carried from the sentence before).</summary>
    public bool DateInSentence { get; set; }

    public List<CasualtyMention> Casualties { get; } = [];

    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    public bool CivilianTargets { get; set; }

    public List<int> Sentences { get; } = [];

    /// <summary>
    /// True while the event rests only on reported speech that names neither a place nor a toll ("وأضاف أن الغارات
    /// شنت ردا على ..."): such a restatement adds to an event but is not one on its own.
    /// </summary>
    public bool RestatementOnly { get; set; }

    /// <summary>True once a specific trigger (not a bare attack or killing word) is part of the event.</summary>
    public bool HasSpecificTrigger { get; set; }

    /// <summary>
    /// True while every report of the event is a reference back to an incident already told: a definite attack word
    /// ("الهجوم", "الهجمات") with no place of its own, or the object of a claim of responsibility ("مسؤولية الهجوم").
    /// </summary>
    public bool RefersBack { get; set; }

    /// <summary>A copy of this event at another place of the same report ("السيطرة على منطقتي X وY"), without its counts.</summary>
    public EventCandidate CopyAt(ResolvedPlace place)
    {
        var copy = new EventCandidate
        {
            EventType = EventType, SubEventType = SubEventType, TriggerClass = TriggerClass, TriggerSpan = TriggerSpan,
            TriggerToken = TriggerToken, Sentence = Sentence, SentenceSpan = SentenceSpan,
            Actor1 = Actor1, Actor2 = Actor2, Place = place, PlaceInSentence = true, Date = Date, DateInSentence = DateInSentence,
            CivilianTargets = CivilianTargets, RestatementOnly = RestatementOnly, HasSpecificTrigger = HasSpecificTrigger, RefersBack = RefersBack,
        };
        copy.Assoc1.AddRange(Assoc1);
        copy.Assoc2.AddRange(Assoc2);
        copy.Tags.UnionWith(Tags);
        copy.Supporters.UnionWith(Supporters);
        copy.Sentences.AddRange(Sentences);
        return copy;
    }

    /// <summary>Rank of the event type in ACLED's hierarchy (lower wins when events merge).</summary>
    public int Rank => EventTypes.Rank(EventType);
}
