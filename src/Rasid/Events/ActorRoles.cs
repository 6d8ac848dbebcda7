using Rasid.Actors;
using Rasid.Records;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>
/// Actor roles: who acted (actor 1) and who was acted upon (actor 2) among a sentence's actor mentions, from local clause
/// cues (VSO/SVO order, على يد، بين … و …, coordination), and the sides of merged events (data/events/cue_words.tsv).
/// </summary>
internal sealed class ActorRoles
{
    private readonly EventLexicon _lexicon;

    public ActorRoles(EventLexicon lexicon)
    {
        _lexicon = lexicon;
    }

    /// <summary>
    /// Fixes the sides of the document's merged events: an actor is never its own opponent; a side still missing may be
    /// named in another clause of the event's sentence; civilians are never a side of a battle, and a battle's missing side
    /// is the document's main opponent of the known one.
    /// </summary>
    public void CompleteSides(List<EventCandidate> events, EventDocument document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var salient = SalientActors(document.Context.Actors);
        foreach (var e in events)
        {
            // A side left empty while an associate of it is named: the associate is the side.
            if (e.Actor1 is null && e.Assoc1.Count > 0)
            {
                e.Actor1 = e.Assoc1[0];
                e.Assoc1.RemoveAt(0);
            }

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
            Assign(wide, e.TriggerToken, e.TriggerToken + 1, sentence, document.ActorsBySentence[e.Sentence], tokens, document.CasualtiesBySentence[e.Sentence]);
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
    }

    /// <summary>Chooses actor1/actor2 (and associates) among the sentence's actor mentions from local clause cues.</summary>
    public void Assign(EventCandidate candidate, int triggerFirst, int triggerEnd, Sentence sentence, List<ActorMention> actors, IReadOnlyList<Token> tokens,
        IReadOnlyList<CasualtyMention> casualties)
    {
        if (actors.Count == 0)
        {
            return;
        }

        // The person quoted ("قال شرطي", "أفاد مصدر أمني") reports the event; they are not a side of it.
        // Only an indefinite single word ("شرطي", "ضابط") is a quoted person; "أعلن الجيش ..." is the army reporting its own act.
        // A named civilian body after a reporting verb ("أوردت اللجنة الدولية للصليب الأحمر") or a source preposition
        // ("بحسب الأمم المتحدة") reports the event; it is not its target.
        actors = actors.Where(m => !(m.Actor.IsGeneric && m.EndToken - m.FirstToken == 1
                                     && !tokens[m.FirstToken].Text.StartsWith("ال", StringComparison.Ordinal)
                                     && IsSpeaker(tokens, m.FirstToken))
                                && !IsSource(tokens, m.FirstToken, sentence.FirstToken)
                                && !(m.Actor.Inter == 7 && !m.Actor.IsGeneric && IsSpeaker(tokens, m.FirstToken))).ToList();
        if (actors.Count == 0)
        {
            return;
        }

        var isMasdar = TriggerFilter.IsMasdar(tokens[triggerFirst].Text);
        bool IsSupporter(ActorMention m)
        {
            for (var k = Math.Max(sentence.FirstToken, m.FirstToken - SupportReach); k < m.FirstToken; k++)
            {
                if (_lexicon.IsCue(CueSet.SupportCue, tokens[k].Text))
                {
                    return true;
                }
            }

            return false;
        }

        bool IsVsoSubject(ActorMention m) =>
            m.Actor.Inter is not 7 && actors.Any(n => !tokens[n.FirstToken].Text.StartsWith('و')
                                                   && (n.FirstToken == m.EndToken
                                                       || n.FirstToken == m.EndToken + 1 && tokens[m.EndToken].Kind == TokenKind.Number));
        var objectClass = candidate.TriggerClass is TriggerClasses.Arrest or TriggerClasses.Abduction or TriggerClasses.Kill or TriggerClasses.Assassination or TriggerClasses.Execution or TriggerClasses.Release;
        var roles = new List<(ActorMention Mention, int Role)>(); // Role: +1 agent, -1 patient, 0 unknown
        foreach (var m in actors)
        {
            var role = 0;
            var before = m.FirstToken > sentence.FirstToken ? CliticSegmenter.ArticleFreeKey(tokens[m.FirstToken - 1].Text) : string.Empty;
            var before2 = m.FirstToken - 1 > sentence.FirstToken ? CliticSegmenter.ArticleFreeKey(tokens[m.FirstToken - 2].Text) : string.Empty;
            var firstWord = tokens[m.FirstToken].Text;
            if (m.FirstToken <= triggerFirst && m.EndToken > triggerFirst)
            {
                // The actor phrase contains the trigger ("مقاتلات التحالف", "طائرات الاحتلال"): the aircraft's owner acts.
                role = 1;
            }
            else if (IsSupporter(m))
            {
                // "قوات هادي مدعومة من طيران التحالف", "بمساندة الحشد الشعبي": the supporter is on the agent's side.
                role = 1;
                candidate.Supporters.Add(m.Actor.Id);
            }
            else if (before is "يد" or "قبل" || _lexicon.IsCue(CueSet.AgentCue, before) && !_lexicon.IsCue(CueSet.PatientCue, before2) && m.FirstToken - 1 != triggerFirst)
            {
                role = 1;
            }
            else if (_lexicon.IsCue(CueSet.PatientCue, before) || _lexicon.IsCue(CueSet.PatientCue, firstWord))
            {
                role = -1;
            }
            else if (before == "من" && (m.FirstToken >= 2 && (tokens[m.FirstToken - 2].Kind == TokenKind.Number || IsCasualtyWord(tokens[m.FirstToken - 2].Text)
                                                            || EndsCasualtyFigure(tokens[m.FirstToken - 2], casualties))))
            {
                // "قتل 3 من عناصر الشرطة", "قتل ثمانية من قوات الأمن": the force the victims are counted from is the patient.
                role = -1;
            }
            else if (m.FirstToken >= triggerEnd && m.FirstToken - triggerEnd <= 1)
            {
                // Right after the trigger: a verb's subject (VSO) is the agent; a verbal noun's object of an arrest/killing is the patient.
                // A killing verb followed by an armed noun and then a second person ("قتل مسلح رئيس بلدية", "قتل مسلحون ثلاثة
                // جنود") is active: the first is the subject, the second the object.
                role = objectClass && (isMasdar || candidate.TriggerClass == TriggerClasses.Kill) && !(!isMasdar && IsVsoSubject(m)) ? -1 : 1;
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
            if (candidate.TriggerClass is TriggerClasses.Clash or TriggerClasses.Attack or TriggerClasses.Kill && _lexicon.IsCue(CueSet.Between, tokens[i].Text))
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

        // Civilians are not the authors of violence when a named armed actor is among the agents; and the actor phrase that
        // contains the trigger ("غارات إسرائيلية", "مقاتلات التحالف") names the attacker before any other; a mention that
        // is the trigger word itself ("المدفعية") is only the weapon.
        bool IsWeaponWord(ActorMention m) => m.FirstToken == triggerFirst && m.EndToken == triggerEnd;
        var armedAgent = roles.Any(r => r.Role > 0 && r.Mention.Actor.Inter != 7 && !IsWeaponWord(r.Mention));
        for (var i = 0; i < roles.Count; i++)
        {
            if (armedAgent && roles[i].Role > 0 && roles[i].Mention.Actor.Inter == 7)
            {
                roles[i] = (roles[i].Mention, -1);
            }
        }

        var agents = roles.Where(r => r.Role > 0).Select(r => r.Mention)
            .OrderBy(m => !IsWeaponWord(m) && m.FirstToken <= triggerFirst && m.EndToken > triggerFirst ? 0 : IsSupporter(m) ? 2 : 1).ToList();
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

    /// <summary>How many words a support cue may stand before its supporter ("مدعومة من طيران وسلاح التحالف").</summary>
    private const int SupportReach = 5;

    /// <summary>"بحسب الأمم المتحدة", "وفقا لمنظمة الصحة": the body a report is attributed to is its source, not a side.</summary>
    private bool IsSource(IReadOnlyList<Token> tokens, int mentionStart, int sentenceStart) =>
        mentionStart > sentenceStart && _lexicon.IsCue(CueSet.SourceCue, tokens[mentionStart - 1].Text);

    private bool IsSpeaker(IReadOnlyList<Token> tokens, int mentionStart) =>
        mentionStart > 0 && _lexicon.IsCue(CueSet.SpeakerVerb, tokens[mentionStart - 1].Text);

    private static void AddAssoc(List<AssignedActor> list, EventCandidate candidate, ActorMention m)
    {
        if (candidate.Actor1?.Entry.Id == m.Actor.Id || candidate.Actor2?.Entry.Id == m.Actor.Id || list.Any(x => x.Entry.Id == m.Actor.Id))
        {
            return;
        }

        list.Add(new AssignedActor(m.Actor, m.Span));
    }

    /// <summary>The word ends a casualty figure of the sentence ("قتل ثمانية", "مقتل عشرة"), numbers in words included.</summary>
    private static bool EndsCasualtyFigure(Token word, IReadOnlyList<CasualtyMention> casualties)
    {
        foreach (var c in casualties)
        {
            if (c.Span.End == word.Span.End)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsCasualtyWord(string word) =>
        _lexicon.IsCue(CueSet.CasualtyWord, word);

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
        // A supporter of the known side ("مدعومة من طيران التحالف") is never its opponent.
        var other = salient.FirstOrDefault(a => a.Id != known.Id && !c.Supporters.Contains(a.Id) && !(a.Country == known.Country && a.Inter == known.Inter && a.IsGeneric));
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
}
