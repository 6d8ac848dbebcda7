using System.Globalization;
using Rasid.Actors;
using Rasid.Dates;
using Rasid.Documents;
using Rasid.Numbers;
using Rasid.Places;
using Rasid.Tokenization;

namespace Rasid.Events;

/// <summary>Everything the event extractor needs to know about one document.</summary>
/// <param name="Text">The analysed, cleaned text.</param>
/// <param name="Actors">Actor mentions.</param>
/// <param name="Numbers">Number mentions.</param>
/// <param name="Dates">Date mentions.</param>
/// <param name="Places">The document's places.</param>
/// <param name="Published">Publication date, when known.</param>
/// <param name="TitleEnd">Where the headline ends in the normalised text (0 when the input has no separate title).</param>
internal sealed record DocumentContext(
    AnalyzedText Text,
    IReadOnlyList<ActorMention> Actors,
    IReadOnlyList<NumberMention> Numbers,
    IReadOnlyList<DateMention> Dates,
    PlaceAnalysis Places,
    DateOnly? Published,
    int TitleEnd = 0);

/// <summary>
/// Rule-based ACLED-style event extraction: triggers (data/events/triggers.tsv) filtered for negation, irrealis,
/// figurative use and history; actors assigned from clause structure; counts, dates and places attached; reports of
/// the same event in one document merged, keeping the highest type of ACLED's hierarchy.
/// </summary>
internal sealed class EventExtractor
{
    /// <summary>Most triggers of one sentence that are considered.</summary>
    internal const int MaxTriggersPerSentence = 40;

    /// <summary>How many earlier events a report is compared with when merging (reports of one event stand close together).</summary>
    internal const int MergeLookBack = 30;

    /// <summary>Two named places closer than this (km) are one place for merging reports (a town and its quarters).</summary>
    private const double SamePlaceKm = 5;

    private readonly EventLexicon _lexicon;
    private readonly Sentences.ClauseSplitter _clauses;

    public EventExtractor(EventLexicon lexicon, Sentences.ClauseSplitter clauses)
    {
        _lexicon = lexicon;
        _clauses = clauses;
    }

    /// <summary>Extracts the events of one document; <paramref name="trace"/>, when given, receives each trigger's fate (`rasid extract --explain`).</summary>
    public List<EventCandidate> Extract(DocumentContext context, Action<string>? trace = null)
    {
        void Debug(string message) => trace?.Invoke(message);

        var text = context.Text;
        var tokens = text.Tokens;
        if (tokens.Count == 0 || IsSportOrCulture(tokens))
        {
            return [];
        }

        var sentenceOfToken = new int[tokens.Count];
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            for (var t = text.Sentences[s].FirstToken; t < text.Sentences[s].EndToken; t++)
            {
                sentenceOfToken[t] = s;
            }
        }

        var blocked = new bool[tokens.Count];
        foreach (var b in _lexicon.Blockers.FindAll(tokens))
        {
            for (var t = b.FirstToken; t < b.EndToken; t++)
            {
                blocked[t] = true;
            }
        }

        var modality = _lexicon.Modality.FindAll(tokens);
        var background = _lexicon.Background.FindAll(tokens);
        var actionVerbs = _lexicon.ActionVerbs.FindAll(tokens).Select(m => m.FirstToken).ToHashSet();
        var arrestContext = _lexicon.ArrestContext.FindAll(tokens).Select(m => sentenceOfToken[m.FirstToken]).ToHashSet();
        var protestContext = _lexicon.ProtestContext.FindAll(tokens).Select(m => sentenceOfToken[m.FirstToken]).ToHashSet();
        var casualties = CasualtyCounter.Find(text, _lexicon, context.Numbers, sentenceOfToken);
        var triggers = _lexicon.Triggers.FindAll(tokens).Where(m => !blocked[m.FirstToken]).ToList();
        var salient = SalientActors(context.Actors);
        var actorsBySentence = new List<ActorMention>[text.Sentences.Count];
        var casualtiesBySentence = new List<CasualtyMention>[text.Sentences.Count];
        for (var i = 0; i < text.Sentences.Count; i++)
        {
            (actorsBySentence[i], casualtiesBySentence[i]) = ([], []);
        }

        var triggersBySentence = new List<Lexicons.PhraseMatch<IReadOnlyList<TriggerClass>>>[text.Sentences.Count];
        for (var i = 0; i < text.Sentences.Count; i++)
        {
            triggersBySentence[i] = [];
        }

        foreach (var t in triggers)
        {
            triggersBySentence[sentenceOfToken[t.FirstToken]].Add(t);
        }

        foreach (var a in context.Actors)
        {
            actorsBySentence[sentenceOfToken[a.FirstToken]].Add(a);
        }

        foreach (var c in casualties)
        {
            casualtiesBySentence[c.Sentence].Add(c);
        }

        var candidates = new List<EventCandidate>();
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var sentence = text.Sentences[s];
            // A news sentence reports a handful of events; a "sentence" with dozens of triggers is a list or junk, and
            // its first triggers are enough (this also bounds the work on hostile input).
            var inSentence = triggersBySentence[s].Count > MaxTriggersPerSentence ? triggersBySentence[s].GetRange(0, MaxTriggersPerSentence) : triggersBySentence[s];
            if (inSentence.Count == 0)
            {
                continue;
            }

            var sentenceActors = actorsBySentence[s];
            var sentenceCasualties = casualtiesBySentence[s];
            var classesInSentence = inSentence.Select(m => m.Value[0].Name).ToHashSet(StringComparer.Ordinal);

            // Territory words need the territory: a place named within a few words after them.
            bool PlaceAfter(int fromToken)
            {
                var start = tokens[Math.Min(fromToken, tokens.Count - 1)].Start;
                var end = tokens[Math.Min(fromToken + 7, sentence.EndToken - 1)].End;
                return context.Places.Mentions.Any(p => p.Span.Start >= start && p.Span.Start < end);
            }

            var sentenceCandidates = new List<EventCandidate>();
            var previousWasIrrealis = false;
            var clauses = _clauses.Split(text, sentence);
            foreach (var trigger in inSentence)
            {
                var cls = trigger.Value[0];
                var first = tokens[trigger.FirstToken].Text;

                // A verbal noun coordinated with an irrealis one ("مقابل تنفيذ عمليات، واستهداف قيادات") shares its modality.
                var coordinated = previousWasIrrealis && first.Length > 3 && first[0] == 'و' && IsMasdar(first);
                previousWasIrrealis = coordinated || IsModal(tokens, modality, trigger.FirstToken, sentence) || IsPurpose(cls, trigger, first);
                if (previousWasIrrealis || IsRelativeClause(cls, tokens, trigger.EndToken) || IsSupportRole(cls, tokens, trigger.FirstToken)
                    || IsHistorical(tokens, trigger.FirstToken, sentence, context.Published)
                    || background.Any(b => b.FirstToken >= sentence.FirstToken && b.FirstToken < sentence.EndToken && Math.Abs(b.FirstToken - trigger.FirstToken) <= 10))
                {
                    Debug($"s{s} «{first}»: not an event here (negation, irrealis, purpose, background or history)");
                    continue;
                }

                if (!IsConfirmed(cls, trigger, sentence, sentenceActors, sentenceCasualties, actionVerbs, arrestContext.Contains(s), protestContext.Contains(s), classesInSentence, tokens, PlaceAfter))
                {
                    Debug($"s{s} «{first}»: weak trigger without the actor, count or verb it needs");
                    continue;
                }

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
                candidate.HasSpecificTrigger = cls.Name is not ("attack" or "kill");
                // Actors come from the trigger's clause when it names any; otherwise from the whole sentence.
                var clause = clauses.FirstOrDefault(c => trigger.FirstToken >= c.FirstToken && trigger.FirstToken < c.EndToken);
                var clauseActors = clause.TokenCount == 0 ? sentenceActors
                    : sentenceActors.Where(a => a.FirstToken >= clause.FirstToken && a.FirstToken < clause.EndToken).ToList();
                AssignActors(candidate, trigger.FirstToken, trigger.EndToken, clause.TokenCount == 0 ? sentence : clause, clauseActors.Count > 0 ? clauseActors : sentenceActors, tokens);
                Classify(candidate, classesInSentence, sentence, tokens, sentenceCasualties);
                // The next sentence may say where this act happened, unless it reports an act of another kind.
                var nextIsOther = s + 1 < text.Sentences.Count && triggersBySentence[s + 1].Any(m => m.Value[0].Name != cls.Name);
                var followingLimit = nextIsOther ? text.Sentences[s + 1].Span.Start : int.MaxValue;
                Locate(candidate, context.Places, NarrowScope(trigger.FirstToken, inSentence, sentence, tokens), clause.TokenCount == 0 ? sentence.Span : clause.Span, followingLimit);
                if (candidate.Place is { FeatureType: "country" } countryOnly && s + 1 < text.Sentences.Count && !nextIsOther)
                {
                    // "هجوم في الصومال ..." followed by "... في منطقة جوبالاند": the next sentence often says where in the country.
                    var next = context.Places.LocateEvent(text.Sentences[s + 1].Span, text.Sentences[s + 1].Span);
                    if (next is { Admin1Code: not null } && next.Iso2 == countryOnly.Iso2 && text.Sentences[s + 1].Span.Contains(next.Span))
                    {
                        (candidate.Place, candidate.PlaceInSentence) = (next, true);
                    }
                }
                candidate.Date = NearestDate(context.Dates, trigger.Span, sentence.Span) ?? CarriedDate(context.Dates, text, s);
                candidate.RestatementOnly = !candidate.PlaceInSentence && sentenceCasualties.Count == 0 && StartsWithReportingVerb(tokens, sentence);
                sentenceCandidates.Add(candidate);
                Debug($"s{s} «{first}»: candidate {candidate.EventType}/{candidate.SubEventType} place={candidate.Place?.LocationAr}({candidate.PlaceInSentence}) a1={candidate.Actor1?.Entry.Id} a2={candidate.Actor2?.Entry.Id} actors=[{string.Join(", ", sentenceActors.Select(a => a.Actor.Id + ":" + text.Normalized.Text[a.Span.Start..a.Span.End]))}]");
            }

            AttachCasualties(sentenceCandidates, sentenceCasualties);
            candidates.AddRange(SplitByPlace(MergeWithin(sentenceCandidates), context.Places));
        }

        // Headline reports are merged after the body's own events are settled, so a headline never pulls body reports together.
        var inHeadline = candidates.Where(c => context.TitleEnd > 0 && c.SentenceSpan.End <= context.TitleEnd).ToList();
        var events = MergeHeadline(MergeAcross(inHeadline).Concat(MergeAcross(candidates.Except(inHeadline).ToList())).ToList(), text, context.TitleEnd);
        foreach (var e in events)
        {
            if (e.Actor2 is not null && e.Actor2.Entry.Id == e.Actor1?.Entry.Id)
            {
                e.Actor2 = null;
            }
        }

        // A side still missing after merging may be named in another clause of the event's sentence
        // ("أصيب 7 من أفراد ألوية العمالقة، جراء انفجار عبوة ناسفة"): read the whole sentence for it.
        foreach (var e in events.Where(e => e.Actor1 is null || e.Actor2 is null))
        {
            var sentence = text.Sentences[e.Sentence];
            var wide = new EventCandidate
            {
                EventType = e.EventType, SubEventType = e.SubEventType, TriggerClass = e.TriggerClass,
                TriggerSpan = e.TriggerSpan, TriggerToken = e.TriggerToken, Sentence = e.Sentence, SentenceSpan = e.SentenceSpan,
            };
            AssignActors(wide, e.TriggerToken, e.TriggerToken + 1, sentence, actorsBySentence[e.Sentence], tokens);
            foreach (var side in new[] { wide.Actor1, wide.Actor2 })
            {
                if (side is null || side.Entry.Id == e.Actor1?.Entry.Id || side.Entry.Id == e.Actor2?.Entry.Id)
                {
                    continue;
                }

                if (e.Actor1 is null && side == wide.Actor1 && side.Entry.Inter != 7)
                {
                    e.Actor1 = side;
                }
                else if (e.Actor2 is null)
                {
                    e.Actor2 = side;
                }
            }
        }

        foreach (var e in events.Where(e => e.EventType == EventTypes.Battles))
        {
            DropCivilianSides(e);
            if (e.Actor1 is null || e.Actor2 is null)
            {
                FillBattleSide(e, salient);
            }
        }

        // An event needs a place stated in its own sentence or the one before; a document-wide fallback is too weak.
        // A restatement is dropped when the article reports an event of its kind in the same province elsewhere (it repeats that one).
        return events.Where(c => c.Place?.Admin1Code is not null && (c.PlaceInSentence || PlaceNearby(c, text))
                                 && !(c.RestatementOnly && events.Any(o => o != c && !o.RestatementOnly && o.EventType == c.EventType
                                                                           && o.Place?.Admin1Code == c.Place?.Admin1Code)))
            .ToList();
    }

    private bool IsSportOrCulture(IReadOnlyList<Token> tokens)
    {
        var distinct = _lexicon.SportContext.FindAll(tokens).Select(m => m.Value[0]).ToHashSet(StringComparer.Ordinal);
        return distinct.Count >= 3;
    }

    private bool IsModal(IReadOnlyList<Token> tokens, IReadOnlyList<Lexicons.PhraseMatch<IReadOnlyList<ModalityCue>>> modality, int trigger, Sentences.Sentence sentence)
    {
        foreach (var m in modality)
        {
            if (m.FirstToken < sentence.FirstToken || m.FirstToken >= trigger)
            {
                continue;
            }

            var cue = m.Value[0];
            var distance = trigger - m.EndToken;
            if (cue.Window == 0 ? true : distance <= cue.Window)
            {
                // A clause break between cue and trigger ends the cue's scope for short-range cues.
                if (cue.Window > 0 && CrossesClause(tokens, m.EndToken, trigger))
                {
                    continue;
                }

                return true;
            }
        }

        // "قد" + imperfect verb (may/might) is irrealis; "قد" + past is emphasis and stays real.
        for (var i = Math.Max(sentence.FirstToken, trigger - 2); i < trigger; i++)
        {
            if (tokens[i].Text == "قد" && i + 1 < tokens.Count && tokens[i + 1].Text.Length > 2 && tokens[i + 1].Text[0] is 'ي' or 'ت' or 'ن')
            {
                return true;
            }
        }

        // The future prefix س on the verb that governs the trigger ("سيشن هجوما", "ستقصف").
        // Verb-subject order puts the verb a few words before its object: look back to the clause start.
        for (var i = trigger; i >= Math.Max(sentence.FirstToken, trigger - 6); i--)
        {
            if (tokens[i].Kind == TokenKind.Punctuation)
            {
                break;
            }

            if (IsFutureVerb(tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// س + imperfect prefix (سيشن، ستقصف، سنرد، وسيهاجم): a future verb. Words that merely start with those letters
    /// (سيطرة، سيارة، سياسة، ستة، سنة) are excluded by requiring a verb-like length and a known non-verb list.
    /// </summary>
    private bool IsFutureVerb(string word)
    {
        var w = word.Length > 4 && word[0] is 'و' or 'ف' ? word[1..] : word;
        if (w.Length < 4 || w[0] != 'س' || w[1] is not ('ي' or 'ت' or 'ن'))
        {
            return false;
        }

        return !_lexicon.CueWords["not_future_prefix"].Any(prefix => w.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>"بمساندة الطيران" (with air support): aircraft supporting a ground operation are part of it, not a strike of their own.</summary>
    private bool IsSupportRole(TriggerClass cls, IReadOnlyList<Token> tokens, int trigger)
    {
        if (cls.Name != "air_agent")
        {
            return false;
        }

        for (var i = trigger - 1; i >= Math.Max(0, trigger - 4); i--)
        {
            if (tokens[i].Kind == TokenKind.Punctuation)
            {
                break;
            }

            if (_lexicon.IsCue("support_cue", tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"للقتال" (to fight), "لاقتحام" (to storm): ل + verbal noun states a purpose, not an act.</summary>
    private static bool IsPurpose(TriggerClass cls, Lexicons.PhraseMatch<IReadOnlyList<TriggerClass>> trigger, string first) =>
        cls.Name is "clash" or "attack" or "takeover" or "liberation" or "kill"
        && trigger.PrefixLength > 0 && first[trigger.PrefixLength - 1] == 'ل';

    /// <summary>"معسكر استولى عليه الحوثيون": a verb with a resumptive pronoun describes its noun (background), not a new act.</summary>
    private bool IsRelativeClause(TriggerClass cls, IReadOnlyList<Token> tokens, int triggerEnd) =>
        cls.Name is "takeover" or "liberation" && triggerEnd < tokens.Count && _lexicon.IsCue("resumptive", tokens[triggerEnd].Text);

    private static bool CrossesClause(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Punctuation && tokens[i].Text is "،" or "," or "؛" or ";" or ":")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A trigger near "عام 2012" (not "منذ عام") in an article published later, or near "منذ ثلاث سنوات" (years ago),
    /// is background history.
    /// </summary>
    private bool IsHistorical(IReadOnlyList<Token> tokens, int trigger, Sentences.Sentence sentence, DateOnly? published)
    {
        var from = Math.Max(sentence.FirstToken, trigger - 12);
        var to = Math.Min(sentence.EndToken, trigger + 14);
        for (var i = from; i < to - 1; i++)
        {
            if (tokens[i].Text == "منذ")
            {
                for (var j = i + 1; j < Math.Min(to, i + 4); j++)
                {
                    if (_lexicon.IsCue("duration_unit", tokens[j].Text))
                    {
                        return true;
                    }
                }
            }

            var w = tokens[i].Text.TrimStart('و', 'ف', 'ب', 'ل');
            if (!_lexicon.IsCue("year_word", w) || tokens[i + 1].Kind != TokenKind.Number)
            {
                continue;
            }

            if (i > 0 && _lexicon.IsCue("year_open", tokens[i - 1].Text))
            {
                continue;
            }

            if (!int.TryParse(tokens[i + 1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2100)
            {
                continue;
            }

            if (published is null || year < published.Value.Year)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsConfirmed(
        TriggerClass cls,
        Lexicons.PhraseMatch<IReadOnlyList<TriggerClass>> trigger,
        Sentences.Sentence sentence,
        List<ActorMention> actors,
        List<CasualtyMention> casualties,
        HashSet<int> actionVerbs,
        bool arrestContext,
        bool protestContext,
        HashSet<string> classesInSentence,
        IReadOnlyList<Token> tokens,
        Func<int, bool> placeAfter)
    {
        var armedActor = actors.Any(a => a.Actor.Inter is >= 1 and <= 4 or 8);
        var nonStateArmed = actors.Any(a => a.Actor.Inter is 2 or 3 or 4);
        switch (cls.Name)
        {
            case "air_agent":
                return Enumerable.Range(sentence.FirstToken, sentence.TokenCount).Any(actionVerbs.Contains)
                       || classesInSentence.Overlaps(["attack", "bombard", "air"]);
            case "kill":
                // A killing with no armed actor named is ordinary crime or a summary, not a coded event.
                return casualties.Any(c => c.Role == "killed") && armedActor;
            case "arrest":
                return arrestContext || nonStateArmed;
            case "agreement":
                return nonStateArmed || trigger.Value.Any(v => v.Name == "agreement") && IsCeasefire(tokens, trigger);
            case "release" or "exchange" or "surrender":
                return armedActor || casualties.Any(c => c.Role == "released");
            case "protest" or "protest_intervention" or "riot":
                return actors.Any(a => a.Actor.Inter is 5 or 6) || protestContext;
            case "withdrawal":
                return nonStateArmed;
            case "takeover" or "liberation":
                return (armedActor || casualties.Count > 0) && placeAfter(trigger.EndToken);
            case "disrupt":
                // "تفكيك" or "إحباط" alone is any dismantling or foiling; it is coded with a weapon or an attack named.
                return trigger.EndToken - trigger.FirstToken > 1
                       || classesInSentence.Overlaps(["explosive", "explosion", "shelling", "air", "air_agent", "suicide", "grenade"]);
            default:
                return cls.Strong || armedActor || casualties.Count > 0;
        }
    }

    private bool IsCeasefire(IReadOnlyList<Token> tokens, Lexicons.PhraseMatch<IReadOnlyList<TriggerClass>> trigger)
    {
        for (var i = trigger.FirstToken; i < trigger.EndToken; i++)
        {
            if (_lexicon.IsCue("ceasefire_word", tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Chooses actor1/actor2 (and associates) among the sentence's actor mentions from local clause cues.</summary>
    private void AssignActors(EventCandidate candidate, int triggerFirst, int triggerEnd, Sentences.Sentence sentence, List<ActorMention> actors, IReadOnlyList<Token> tokens)
    {
        if (actors.Count == 0)
        {
            return;
        }

        // The person quoted ("قال شرطي", "أفاد مصدر أمني") reports the event; they are not a side of it.
        // Only an indefinite single word ("شرطي", "ضابط") is a quoted person; "أعلن الجيش ..." is the army reporting its own act.
        actors = actors.Where(m => !(m.Actor.IsGeneric && m.EndToken - m.FirstToken == 1
                                     && !tokens[m.FirstToken].Text.StartsWith("ال", StringComparison.Ordinal)
                                     && IsSpeaker(tokens, m.FirstToken))).ToList();
        if (actors.Count == 0)
        {
            return;
        }

        var isMasdar = IsMasdar(tokens[triggerFirst].Text);
        var objectClass = candidate.TriggerClass is "arrest" or "abduction" or "kill" or "assassination" or "execution" or "release";
        var roles = new List<(ActorMention Mention, int Role)>(); // Role: +1 agent, -1 patient, 0 unknown
        foreach (var m in actors)
        {
            var role = 0;
            var before = m.FirstToken > sentence.FirstToken ? Clitics.CliticSegmenter.ArticleFreeKey(tokens[m.FirstToken - 1].Text) : string.Empty;
            var before2 = m.FirstToken - 1 > sentence.FirstToken ? Clitics.CliticSegmenter.ArticleFreeKey(tokens[m.FirstToken - 2].Text) : string.Empty;
            var firstWord = tokens[m.FirstToken].Text;
            if (m.FirstToken <= triggerFirst && m.EndToken > triggerFirst)
            {
                // The actor phrase contains the trigger ("مقاتلات التحالف", "طائرات الاحتلال"): the aircraft's owner acts.
                role = 1;
            }
            else if (before is "يد" or "قبل" || _lexicon.IsCue("agent_cue", before) && !_lexicon.IsCue("patient_cue", before2) && m.FirstToken - 1 != triggerFirst)
            {
                role = 1;
            }
            else if (_lexicon.IsCue("patient_cue", before) || _lexicon.IsCue("patient_cue", firstWord))
            {
                role = -1;
            }
            else if (before == "من" && (m.FirstToken >= 2 && (tokens[m.FirstToken - 2].Kind == TokenKind.Number || IsCasualtyWord(tokens[m.FirstToken - 2].Text))))
            {
                role = -1;
            }
            else if (m.FirstToken >= triggerEnd && m.FirstToken - triggerEnd <= 1)
            {
                // Right after the trigger: a verb's subject (VSO) is the agent; a verbal noun's object of an arrest/killing is the patient.
                role = objectClass && (isMasdar || candidate.TriggerClass == "kill") ? -1 : 1;
            }
            else if (m.EndToken <= triggerFirst)
            {
                role = objectClass && m.FirstToken >= triggerFirst - 1 ? 0 : 1;
            }

            if (m.Actor.Inter == 7 && role == 0)
            {
                role = -1;
            }

            roles.Add((m, role));
        }

        // "بين X و Y": both sides of a clash.
        for (var i = Math.Max(sentence.FirstToken, triggerFirst - 2); i < Math.Min(sentence.EndToken, triggerEnd + 8); i++)
        {
            if (candidate.TriggerClass is "clash" or "attack" or "kill" && _lexicon.IsCue("between", tokens[i].Text))
            {
                var after = roles.Where(r => r.Mention.FirstToken > i).Take(2).ToList();
                if (EventLexicon.Key(tokens[i].Text) == "بينها" && after.Count >= 1)
                {
                    var idx = roles.IndexOf(after[0]);
                    roles[idx] = (after[0].Mention, -1);
                }
                else if (after.Count == 2)
                {
                    roles[roles.IndexOf(after[0])] = (after[0].Mention, 1);
                    roles[roles.IndexOf(after[1])] = (after[1].Mention, -1);
                }
            }
        }

        // Coordinated mentions ("المقاومة الشعبية والجيش") share the role of the first conjunct.
        for (var i = 1; i < roles.Count; i++)
        {
            var prev = roles[i - 1].Mention;
            var cur = roles[i].Mention;
            var joined = cur.FirstToken == prev.EndToken && tokens[cur.FirstToken].Text.StartsWith('و')
                         || cur.FirstToken == prev.EndToken + 1 && tokens[prev.EndToken].Text is "و" or "،" && tokens[cur.FirstToken].Text.StartsWith('و');
            if (joined)
            {
                roles[i] = (cur, roles[i - 1].Role);
            }
        }

        var agents = roles.Where(r => r.Role > 0).Select(r => r.Mention).ToList();
        var patients = roles.Where(r => r.Role < 0).Select(r => r.Mention).ToList();
        var unknown = roles.Where(r => r.Role == 0).Select(r => r.Mention).ToList();
        var first = agents.Count > 0 ? agents[0] : unknown.Count > 0 && (patients.Count == 0 || unknown[0].FirstToken < patients[0].FirstToken || !objectClass) ? unknown[0] : (ActorMention?)null;
        if (first is { } a1)
        {
            candidate.Actor1 = new AssignedActor(a1.Actor, a1.Span);
        }

        var rest = patients.Concat(unknown).Where(m => candidate.Actor1 is null || m.Actor.Id != candidate.Actor1.Entry.Id).ToList();
        if (rest.Count > 0)
        {
            var a2 = rest[0];
            candidate.Actor2 = new AssignedActor(a2.Actor, a2.Span);
        }

        foreach (var m in agents.Skip(1))
        {
            AddAssoc(candidate.Assoc1, candidate, m);
        }

        foreach (var m in patients.Skip(candidate.Actor2 is not null && patients.Count > 0 && patients[0].Actor.Id == candidate.Actor2.Entry.Id ? 1 : 0))
        {
            AddAssoc(candidate.Assoc2, candidate, m);
        }
    }

    private bool StartsWithReportingVerb(IReadOnlyList<Token> tokens, Sentences.Sentence sentence) =>
        sentence.TokenCount > 0 && _lexicon.IsCue("reporting_verb", tokens[sentence.FirstToken].Text);

    private bool IsSpeaker(IReadOnlyList<Token> tokens, int mentionStart) =>
        mentionStart > 0 && _lexicon.IsCue("speaker_verb", tokens[mentionStart - 1].Text);

    private static void AddAssoc(List<AssignedActor> list, EventCandidate candidate, ActorMention m)
    {
        if (candidate.Actor1?.Entry.Id == m.Actor.Id || candidate.Actor2?.Entry.Id == m.Actor.Id || list.Any(x => x.Entry.Id == m.Actor.Id))
        {
            return;
        }

        list.Add(new AssignedActor(m.Actor, m.Span));
    }

    private static string StripConjunction(string word) =>
        Clitics.CliticSegmenter.ArticleFreeKey(word.Length > 3 && word[0] is 'و' or 'ف' ? word[1..] : word);

    /// <summary>Verbal nouns of derived forms (اعتقال، اختطاف، استهداف، اغتيال) have a long a before the last letter.</summary>
    private static bool IsMasdar(string word)
    {
        var w = Clitics.CliticSegmenter.ArticleFreeKey(word.Length > 3 && word[0] is 'و' or 'ب' or 'ل' ? word[1..] : word);
        return w.Length >= 4 && w[^2] == 'ا' || w.StartsWith('م');
    }

    private bool IsCasualtyWord(string word) =>
        _lexicon.IsCue("casualty_word", word);

    /// <summary>Refines the trigger class's default type from context: victims, weapons, perpetrators.</summary>
    private void Classify(EventCandidate c, HashSet<string> classesInSentence, Sentences.Sentence sentence, IReadOnlyList<Token> tokens, List<CasualtyMention> casualties)
    {
        var civilianVictims = c.Actor2?.Entry.Inter == 7 || (c.Actor2 is null && HasCivilianNoun(tokens, sentence, c.TriggerToken));
        var armedVictims = c.Actor2 is { } v && v.Entry.Inter is >= 1 and <= 4 or 8;
        switch (c.TriggerClass)
        {
            case "attack" or "kill":
                if (civilianVictims && !armedVictims)
                {
                    (c.EventType, c.SubEventType) = (EventTypes.ViolenceAgainstCivilians, "Attack");
                    c.CivilianTargets = true;
                }

                break;
            case "assassination" or "execution":
                if (armedVictims && c.TriggerClass == "assassination" && c.Actor2!.Entry.Inter is 2 or 3)
                {
                    (c.EventType, c.SubEventType) = (EventTypes.Battles, "Armed clash");
                }
                else
                {
                    c.CivilianTargets = true;
                }

                break;
            case "bombard":
                if (classesInSentence.Contains("air") || classesInSentence.Contains("air_agent"))
                {
                    c.SubEventType = "Air/drone strike";
                }

                break;
            case "explosive" or "explosion":
                if (IsDisarmed(tokens, c.TriggerToken))
                {
                    (c.EventType, c.SubEventType) = (EventTypes.StrategicDevelopments, "Disrupted weapons use");
                }
                else if (classesInSentence.Contains("suicide"))
                {
                    c.SubEventType = "Suicide bomb";
                }

                break;
            case "arrest":
                if (c.Actor1 is { } captor && captor.Entry.Inter is 2 or 3 or 4)
                {
                    (c.EventType, c.SubEventType) = (EventTypes.ViolenceAgainstCivilians, "Abduction/forced disappearance");
                }

                break;
            case "abduction":
                if (ObjectIsVehicle(tokens, c.TriggerToken))
                {
                    (c.EventType, c.SubEventType) = (EventTypes.StrategicDevelopments, "Looting/property destruction");
                }
                else
                {
                    c.CivilianTargets = !armedVictims;
                }

                break;
            case "takeover" or "liberation":
                c.SubEventType = c.Actor1?.Entry.Inter == 1 ? "Government regains territory" : "Non-state actor overtakes territory";
                break;
            case "withdrawal":
                if (classesInSentence.Contains("clash") || classesInSentence.Contains("attack"))
                {
                    (c.EventType, c.SubEventType) = (EventTypes.Battles, "Armed clash");
                }

                break;
            case "release":
                c.Tags.Add("prisoner release");
                break;
            case "exchange":
                c.Tags.Add("prisoner exchange");
                break;
            case "surrender":
                c.Tags.Add("surrender");
                break;
            case "protest":
                if (classesInSentence.Contains("riot"))
                {
                    (c.EventType, c.SubEventType) = (EventTypes.Riots, "Violent demonstration");
                }
                else if (casualties.Any(x => x.Role == "killed"))
                {
                    c.SubEventType = "Excessive force against protesters";
                }
                else if (classesInSentence.Contains("protest_intervention") || classesInSentence.Contains("arrest"))
                {
                    c.SubEventType = "Protest with intervention";
                }

                break;
        }

        if (c.EventType == EventTypes.RemoteViolence && civilianVictims && !armedVictims)
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

    /// <summary>"تدمير خمس عجلات مفخخة", "تفكيك عبوة": a device destroyed, defused or seized before it went off.</summary>
    private bool IsDisarmed(IReadOnlyList<Token> tokens, int trigger)
    {
        for (var i = Math.Max(0, trigger - 3); i < trigger; i++)
        {
            if (_lexicon.IsCue("disarm_verb", tokens[i].Text) || i < trigger - 1 && _lexicon.IsCue("detonate_far", tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasCivilianNoun(IReadOnlyList<Token> tokens, Sentences.Sentence sentence, int trigger)
    {
        var armed = false;
        var civilian = false;
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (_lexicon.PersonNounOf(tokens[i].Text) is { } noun)
            {
                civilian |= noun.Civilian;
                armed |= noun.Armed;
            }
        }

        return civilian && !armed;
    }

    private bool ObjectIsVehicle(IReadOnlyList<Token> tokens, int trigger)
    {
        for (var i = trigger + 1; i < tokens.Count && i <= trigger + 2; i++)
        {
            if (_lexicon.IsCue("vehicle", tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Civilians are never a side of a battle (they are victims of one).</summary>
    private static void DropCivilianSides(EventCandidate c)
    {
        if (c.Actor2?.Entry.Inter == 7)
        {
            c.Actor2 = c.Assoc2.Count > 0 ? c.Assoc2[0] : null;
            if (c.Actor2 is not null)
            {
                c.Assoc2.RemoveAt(0);
            }
        }

        if (c.Actor1?.Entry.Inter == 7)
        {
            c.Actor1 = c.Assoc1.Count > 0 ? c.Assoc1[0] : null;
            if (c.Actor1 is not null)
            {
                c.Assoc1.RemoveAt(0);
            }
        }

        c.Assoc1.RemoveAll(a => a.Entry.Inter == 7);
        c.Assoc2.RemoveAll(a => a.Entry.Inter == 7);
    }

    /// <summary>Actors of the document ranked by how often they are named (specific ones only).</summary>
    private static List<ActorEntry> SalientActors(IReadOnlyList<ActorMention> actors) =>
        actors.Where(a => !a.Actor.IsGeneric && a.Actor.Inter is >= 1 and <= 4 or 8)
            .GroupBy(a => a.Actor.Id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().FirstToken)
            .Select(g => g.First().Actor)
            .ToList();

    /// <summary>A battle needs two sides: a missing side is taken to be the document's main opponent of the known one.</summary>
    private static void FillBattleSide(EventCandidate c, List<ActorEntry> salient)
    {
        if (salient.Count == 0)
        {
            return;
        }

        if (c.Actor1 is null && c.Actor2 is null)
        {
            if (salient.Count >= 2)
            {
                c.Actor1 = new AssignedActor(salient[0], null);
                c.Actor2 = new AssignedActor(salient[1], null);
            }

            return;
        }

        var known = (c.Actor1 ?? c.Actor2)!.Entry;
        var other = salient.FirstOrDefault(a => a.Id != known.Id && !(a.Country == known.Country && a.Inter == known.Inter && a.IsGeneric));
        if (other is null)
        {
            return;
        }

        if (c.Actor1 is null)
        {
            c.Actor1 = new AssignedActor(other, null);
        }
        else
        {
            c.Actor2 = new AssignedActor(other, null);
        }
    }

    /// <summary>
    /// The stretch of a sentence that belongs to one trigger when the sentence reports several events: from the trigger
    /// to the next trigger that is more than a few words away.
    /// </summary>
    private static TextSpan NarrowScope(int trigger, List<Lexicons.PhraseMatch<IReadOnlyList<TriggerClass>>> inSentence, Sentences.Sentence sentence, IReadOnlyList<Token> tokens)
    {
        var next = inSentence.Where(m => m.FirstToken > trigger + 3).Select(m => m.FirstToken).DefaultIfEmpty(sentence.EndToken).Min();
        return new TextSpan(tokens[trigger].Start, tokens[Math.Max(trigger, next - 1)].End);
    }

    private static void Locate(EventCandidate c, PlaceAnalysis places, TextSpan narrow, TextSpan clause, int followingLimit)
    {
        // Prefer a place in the trigger's own stretch of its clause, then in its clause ("... ردا على قصف X" names the
        // place of another act), then up to the next trigger, then in the clauses up to the trigger's; otherwise let the
        // geocoder look at the whole sentence.
        // A later clause's place belongs to that clause's own act: the clauses up to the trigger's come first.
        var own = new TextSpan(narrow.Start, Math.Min(narrow.End, clause.End));
        var upToClause = new TextSpan(c.SentenceSpan.Start, clause.End);
        TextSpan[] scopes = [own, clause, narrow, upToClause];
        var scope = scopes.FirstOrDefault(x => x != c.SentenceSpan && x.Length > 0 && places.NamesEventPlace(x), c.SentenceSpan);
        var place = places.LocateEvent(c.TriggerSpan, scope, followingLimit);
        // A small place abroad in an article about another country is usually a local place missing from the
        // gazetteer that shares a foreign name: prefer a place of the article's country named in the same sentence.
        if (place is { FeatureType: "village" or "neighbourhood" or "town" or "other" } && places.DocumentCountry is { } home && place.Iso2 != home)
        {
            var local = places.Mentions
                .Where(p => p.Iso2 == home && p.Admin1Code is not null && c.SentenceSpan.Contains(p.Span))
                .OrderBy(p => Math.Abs(p.Span.Start - c.TriggerSpan.Start))
                .FirstOrDefault();
            place = local ?? place;
        }

        c.Place = place;

        // "في المحافظة" names the province of an earlier sentence: the sentence itself states the place.
        c.PlaceInSentence = place is not null
                            && (c.SentenceSpan.Contains(place.Span) || place.Reason?.StartsWith("the unit the sentence refers back to", StringComparison.Ordinal) == true);
    }

    private static bool PlaceNearby(EventCandidate c, AnalyzedText text)
    {
        var first = c.Sentences.Min();
        var from = first > 0 ? text.Sentences[first - 1].Span.Start : c.SentenceSpan.Start;
        var last = Math.Min(text.Sentences.Count - 1, c.Sentences.Max() + 1);
        // Strategic developments (deals, arrests) reported in an article usually happen at its headline place;
        // violence needs a place of its own.
        var inHeadline = c.EventType == EventTypes.StrategicDevelopments && text.Sentences.Count > 0 && text.Sentences[0].Span.Contains(c.Place!.Span);
        return inHeadline || c.Place!.Span.Start >= from && c.Place.Span.End <= text.Sentences[last].Span.End;
    }

    /// <summary>
    /// A sentence without a date of its own continues the report of the sentence before it in the same paragraph
    /// ("... أمس. وأضاف المصدر أن ..."): it takes that sentence's last resolved date.
    /// </summary>
    private static DateMention? CarriedDate(IReadOnlyList<DateMention> dates, AnalyzedText text, int s)
    {
        if (s == 0)
        {
            return null;
        }

        var previous = text.Sentences[s - 1].Span;
        var between = text.Normalized.Text.AsSpan(previous.End, text.Sentences[s].Span.Start - previous.End);
        if (between.Contains('\n'))
        {
            return null;
        }

        DateMention? last = null;
        foreach (var d in dates)
        {
            if (previous.Contains(d.Span) && d.Date is not null)
            {
                last = d;
            }
        }

        return last;
    }

    private static DateMention? NearestDate(IReadOnlyList<DateMention> dates, TextSpan trigger, TextSpan sentence)
    {
        DateMention? best = null;
        var bestDistance = int.MaxValue;
        foreach (var d in dates)
        {
            if (!sentence.Contains(d.Span))
            {
                continue;
            }

            var distance = d.Span.Start >= trigger.End ? d.Span.Start - trigger.End : trigger.Start - d.Span.End;
            if (distance < bestDistance)
            {
                (best, bestDistance) = (d, distance);
            }
        }

        return best;
    }

    /// <summary>Each casualty figure goes to the nearest event of its sentence (a trigger before the figure is preferred).</summary>
    private static void AttachCasualties(List<EventCandidate> candidates, List<CasualtyMention> casualties)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        foreach (var c in casualties)
        {
            var target = candidates
                .OrderBy(e => e.TriggerToken <= c.CueToken ? c.CueToken - e.TriggerToken : (e.TriggerToken - c.CueToken) * 2)
                .First();
            target.Casualties.Add(c);
        }
    }

    private static IEnumerable<EventCandidate> MergeWithin(List<EventCandidate> candidates)
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

    /// <summary>
    /// One event per place: a report of one act at several coordinated places ("انفجار عبوتين في قضاء المقدادية وناحية
    /// كنعان") becomes an event at each. A toll stated for all of them cannot be divided, so the split events carry none.
    /// </summary>
    private static IEnumerable<EventCandidate> SplitByPlace(IEnumerable<EventCandidate> events, PlaceAnalysis places)
    {
        foreach (var e in events)
        {
            yield return e;
            if (e.Place is null || !e.PlaceInSentence || e.EventType == EventTypes.StrategicDevelopments && e.SubEventType is "Agreement")
            {
                continue;
            }

            var others = places.CoordinatedWith(e.Place).Where(p => e.SentenceSpan.Contains(p.Span)).ToList();
            if (others.Count == 0)
            {
                continue;
            }

            e.Casualties.Clear();
            foreach (var place in others)
            {
                yield return e.CopyAt(place);
            }
        }
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
                && (b.Place is null || h.Place is null || b.Place.Admin1Code == h.Place.Admin1Code || h.Place.FeatureType == "country"
                    || b.Place.Iso2 == h.Place.Iso2 && SameFigure(b, h)));
            if (body is null)
            {
                result.Insert(0, h);
                continue;
            }

            var place = body.Place;
            var inSentence = body.PlaceInSentence;
            Merge(body, h);
            if (place is not null)
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

    /// <summary>Attack and killing words name no specific kind of violence; a specific trigger of the same event decides the type.</summary>
    private static bool IsGeneric(EventCandidate c) => !c.HasSpecificTrigger;

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

    private static bool PlacesCompatible(EventCandidate a, EventCandidate b)
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
               || a.Place.FeatureType is "admin1" or "region" || b.Place.FeatureType is "admin1" or "region"
               || a.Place.Admin2 is not null && a.Place.Admin2 == b.Place.Admin2 && (a.Place.FeatureType is "admin2" || b.Place.FeatureType is "admin2")
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

    private static bool ActorsOverlapOrMissing(EventCandidate a, EventCandidate b) =>
        a.Actor1 is null || b.Actor1 is null || ActorsOverlap(a, b);

    private static void Merge(EventCandidate into, EventCandidate from)
    {
        if (IsGeneric(from) && !IsGeneric(into))
        {
            // keep the specific type
        }
        else if (IsGeneric(into) && !IsGeneric(from) || from.Rank < into.Rank)
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
                                       || from.PlaceInSentence && into.Place.FeatureType == "admin1" && from.Place.FeatureType != "admin1" && from.Place.Admin1Code == into.Place.Admin1Code))
        {
            into.Place = from.Place;
            into.PlaceInSentence = from.PlaceInSentence;
        }

        into.HasSpecificTrigger |= from.HasSpecificTrigger;
        into.RestatementOnly &= from.RestatementOnly;
        into.Date ??= from.Date;
        into.Casualties.AddRange(from.Casualties);
        into.Tags.UnionWith(from.Tags);
        into.CivilianTargets |= from.CivilianTargets;
        into.Sentences.AddRange(from.Sentences.Where(s => !into.Sentences.Contains(s)));
    }
}
