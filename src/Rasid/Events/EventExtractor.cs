using Rasid.Places;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>
/// Rule-based ACLED-style event extraction, a short orchestrator over named passes: for each trigger
/// (data/events/triggers.tsv) the <see cref="TriggerFilter"/> drops negation, irrealis, figurative use and history;
/// <see cref="ActorRoles"/> assigns the sides from clause structure; <see cref="EventClassifier"/> refines the type;
/// <see cref="EventLocator"/> gives the place, <see cref="EventDates"/> the date and <see cref="CasualtyCounter"/> the
/// counts; <see cref="EventMerging"/> merges reports of the same event, keeping the highest type of ACLED's hierarchy.
/// </summary>
internal sealed class EventExtractor
{
    /// <summary>Most triggers of one sentence that are considered.</summary>
    internal const int MaxTriggersPerSentence = 40;

    private readonly EventLexicon _lexicon;
    private readonly ClauseSplitter _clauses;
    private readonly Gazetteer _gazetteer;
    private readonly TriggerFilter _filter;
    private readonly ActorRoles _roles;
    private readonly EventClassifier _classifier;
    private readonly PerpetratorInference _perpetrators;
    private readonly EventhoodFilter _eventhood;

    /// <summary>Creates the extractor over loaded language data.</summary>
    /// <param name="lexicon">The event word lists (data/events/).</param>
    /// <param name="clauses">The clause splitter.</param>
    /// <param name="gazetteer">The gazetteer the document's places were resolved against.</param>
    /// <param name="generic">The generic actors filled in when the text names no side (an unnamed perpetrator, civilians, protesters, rioters).</param>
    /// <param name="eventhood">The learned eventhood filter's weights (data/events/eventhood.tsv), or null to keep every event.</param>
    public EventExtractor(EventLexicon lexicon, ClauseSplitter clauses, Gazetteer gazetteer, Actors.GenericActors? generic = null, EventhoodModel? eventhood = null)
    {
        _lexicon = lexicon;
        _clauses = clauses;
        _gazetteer = gazetteer;
        _filter = new TriggerFilter(lexicon);
        _roles = new ActorRoles(lexicon);
        _classifier = new EventClassifier(lexicon);
        _perpetrators = new PerpetratorInference(lexicon, generic ?? Actors.GenericActors.None);
        _eventhood = new EventhoodFilter(lexicon, eventhood);
    }

    /// <summary>Extracts the events of one document; <paramref name="trace"/>, when given, receives each trigger's fate (`rasid extract --explain`).</summary>
    public List<EventCandidate> Extract(DocumentContext context, Action<string>? trace = null)
    {
        void Debug(string message) => trace?.Invoke(message);

        var text = context.Text;
        var tokens = text.Tokens;
        if (tokens.Count == 0)
        {
            return [];
        }

        var sport = _filter.SportOrCultureSentences(text);

        var document = EventDocument.Build(context, _lexicon);
        var locator = new EventLocator(context.Places, text, _gazetteer);
        var candidates = new List<EventCandidate>();
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            // A news sentence reports a handful of events; a "sentence" with dozens of triggers is a list or junk, and
            // its first triggers are enough (this also bounds the work on hostile input).
            var triggers = document.TriggersBySentence[s];
            var inSentence = triggers.Count > MaxTriggersPerSentence ? triggers.GetRange(0, MaxTriggersPerSentence) : triggers;
            if (inSentence.Count == 0)
            {
                continue;
            }

            var scope = new SentenceScope(document, s, inSentence, _clauses.Split(text, text.Sentences[s]));
            var sentenceCandidates = new List<EventCandidate>();
            var previousWasIrrealis = false;
            foreach (var trigger in inSentence)
            {
                var first = tokens[trigger.FirstToken].Text;
                if (sport is not null && sport[s] && !scope.Casualties.Any(c => c.Role is "killed" or "injured"))
                {
                    Debug($"s{s} «{first}»: figurative here (sport, culture or technology context, no one killed or injured)");
                    continue;
                }

                if (_filter.Rejection(scope, trigger, ref previousWasIrrealis) is { } reason)
                {
                    Debug($"s{s} «{first}»: {reason}");
                    continue;
                }

                var candidate = Candidate(scope, trigger, locator);
                sentenceCandidates.Add(candidate);
                Debug($"s{s} «{first}»: candidate {candidate.EventType}/{candidate.SubEventType} place={candidate.Place?.LocationAr}({candidate.PlaceInSentence}) a1={candidate.Actor1?.Entry.Id} a2={candidate.Actor2?.Entry.Id} counts=[{string.Join(", ", scope.Casualties.Select(c => c.Role + ":" + c.Value))}] actors=[{string.Join(", ", scope.Actors.Select(a => a.Actor.Id + ":" + text.Normalized.Text[a.Span.Start..a.Span.End]))}]");
            }

            CasualtyCounter.Attach(sentenceCandidates, scope.Casualties);
            candidates.AddRange(locator.SplitByPlace(EventMerging.MergeWithin(sentenceCandidates)));
        }

        var events = EventMerging.MergeDocument(candidates, text, context.TitleEnd);
        _roles.CompleteSides(events, document);

        // An event needs a place stated in its own sentence or the one before; a document-wide fallback is too weak.
        // A restatement is dropped when the article reports an event of its kind in the same province elsewhere (it repeats that one).
        TakeSingleProvince(events, context.Places, text, context.Published);
        var placed = events.Where(c => IsPlaced(c, text)
                                       && !(c.RestatementOnly && events.Any(o => o != c && !o.RestatementOnly && o.EventType == c.EventType
                                                                                 && o.Place?.Admin1Code == c.Place?.Admin1Code)))
            .ToList();
        if (trace is not null)
        {
            foreach (var c in events.Except(placed))
            {
                var why = c.Place?.Admin1Code is null ? "no place inside a province (at most the country)"
                    : IsPlaced(c, text) ? "a restatement of an event of its kind in the same province"
                    : $"no place in its sentence or the one before ({c.Place.LocationAr} only from elsewhere in the article)";
                Debug($"s{c.Sentence} {c.EventType}/{c.SubEventType}: dropped: {why}");
            }
        }

        var resolved = EventCoreference.Resolve(placed, trace);

        // An event the text gives no date of its own is of the lead's day (after merging, where an inferred date must
        // not keep two reports apart).
        foreach (var e in resolved)
        {
            e.Date ??= document.LeadDate;
        }

        _perpetrators.Apply(resolved, document, events.Except(placed).ToList(), trace);
        return _eventhood.Apply(resolved, document, trace); // the learned last word (docs/eventhood.md)
    }

    /// <summary>The event's place is stated in its own sentence or the one before.</summary>
    private static bool StatesPlace(EventCandidate c, AnalyzedText text) => c.PlaceInSentence || EventLocator.PlaceNearby(c, text);

    /// <summary>The event has a province from its own text, or a calendar-dated toll in an article whose place is known.</summary>
    private static bool IsPlaced(EventCandidate c, AnalyzedText text) =>
        c.Place?.Admin1Code is not null && (StatesPlace(c, text) || DatedToll(c));

    /// <summary>
    /// "أن 62 شخصا لقوا مصرعهم في قصف يوم الأربعاء": a deadly act with no place of its own, in an article every place of
    /// which lies in one province, happened in that province. Such events take the article's most precise place there.
    /// </summary>
    private static void TakeSingleProvince(List<EventCandidate> events, PlaceAnalysis places, AnalyzedText text, DateOnly? published)
    {
        // Only the article's own news: a background event (more than a week old) needs a place of its own.
        var unplaced = events.Where(c => !(c.Place?.Admin1Code is not null && StatesPlace(c, text))
                                         && c.Casualties.Any(x => x.Role == "killed" && !x.Cumulative)
                                         && !(published is { } p && c.Date?.Date is { } d && d.DayNumber < p.DayNumber - RecentDays)).ToList();
        if (unplaced.Count == 0)
        {
            return;
        }

        var inProvinces = places.Details
            .Where(m => m.Resolved is { Admin1Code: not null } && !m.IsReportingSource && !m.IsDestination && !m.IsReferencePoint)
            .Select(m => m.Resolved!).ToList();
        var provinces = inProvinces.Select(p => p.Admin1Code).Distinct(StringComparer.Ordinal).ToList();
        if (provinces.Count != 1 || inProvinces.Count < MinimumMentionsOfSingleProvince)
        {
            return;
        }

        var best = inProvinces.MinBy(p => p.GeoPrecision)!;
        foreach (var c in unplaced.Where(c => c.Place?.Admin1Code is null || c.Place.Admin1Code == best.Admin1Code))
        {
            (c.Place, c.PlaceInSentence) = (c.Place?.Admin1Code is null ? best : c.Place, true);
        }
    }

    /// <summary>How many days before publication an event is still the article's own news, not background.</summary>
    private const int RecentDays = 7;

    /// <summary>How often an article must name places of its one province before an unplaced killing is put there.</summary>
    private const int MinimumMentionsOfSingleProvince = 2;

    /// <summary>
    /// "وقتل 19 شخصا في مقهى في 13 آب/اغسطس 2017": a toll with its own calendar day (a day number and a month, not
    /// "الجمعة" or "أمس"), in an article whose place is known, is an
    /// event of that place even when the sentence names none (ANNOTATION.md: background events with a stated time count).
    /// </summary>
    private static bool DatedToll(EventCandidate c) =>
        c.DateInSentence && c.Date is { IsRelative: false, Precision: 1 } && c.Casualties.Any(x => x.Role == "killed" && !x.Cumulative);

    /// <summary>The event one accepted trigger reports: its type, sides, class refinements, place, date.</summary>
    private EventCandidate Candidate(SentenceScope scope, PhraseMatch<IReadOnlyList<TriggerClass>> trigger, EventLocator locator)
    {
        var context = scope.Document.Context;
        var tokens = scope.Document.Tokens;
        var (s, sentence) = (scope.Index, scope.Sentence);
        var cls = trigger.Value[0];
        var candidate = new EventCandidate
        {
            EventType = cls.EventType,
            SubEventType = cls.SubEventType,
            TriggerClass = cls.Name,
            TriggerSpan = trigger.Span,
            TriggerToken = trigger.FirstToken,
            Sentence = s,
            SentenceSpan = sentence.Span,
        };
        candidate.Sentences.Add(s);
        candidate.HasSpecificTrigger = cls.Name is not (TriggerClasses.Attack or TriggerClasses.Kill);

        // Actors come from the trigger's clause when it names any; otherwise from the whole sentence.
        var sentenceActors = scope.Actors;
        var clause = scope.ClauseOf(trigger.FirstToken);
        var clauseActors = clause.TokenCount == 0 ? sentenceActors
            : sentenceActors.Where(a => a.FirstToken >= clause.FirstToken && a.FirstToken < clause.EndToken).ToList();
        _roles.Assign(candidate, trigger.FirstToken, trigger.EndToken, clause.TokenCount == 0 ? sentence : clause, clauseActors.Count > 0 ? clauseActors : sentenceActors, tokens, scope.Casualties);
        _classifier.Classify(candidate, scope.Classes, sentence, tokens, scope.Casualties);
        locator.Locate(candidate, scope, trigger, clause);
        candidate.Date = EventDates.Of(context.Dates, context.Text, s, trigger.Span, sentence, _lexicon);
        candidate.DateInSentence = candidate.Date is { } date && sentence.Span.Contains(date.Span);
        candidate.RestatementOnly = !candidate.PlaceInSentence && scope.Casualties.Count == 0 && _filter.StartsWithReportingVerb(tokens, sentence);
        candidate.RefersBack = _filter.IsClaimed(tokens, trigger.FirstToken, sentence) || _filter.IsDemonstrated(tokens, trigger.FirstToken, sentence)
                               || !candidate.HasSpecificTrigger && !candidate.PlaceInSentence && TriggerFilter.IsDefinite(tokens[trigger.FirstToken].Text);
        return candidate;
    }
}
