using System.Globalization;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>
/// The trigger filter: decides whether a trigger word reports an act here. It drops triggers under negation, irrealis,
/// future or purpose, in relative clauses and background history, support roles, and weak triggers that lack the actor,
/// count or verb their class needs (data/events/: modality, background, cue_words).
/// </summary>
internal sealed class TriggerFilter
{
    private readonly EventLexicon _lexicon;

    public TriggerFilter(EventLexicon lexicon)
    {
        _lexicon = lexicon;
    }

    /// <summary>
    /// Why <paramref name="trigger"/> reports no event here, or null when it does: negation, irrealis, purpose,
    /// background or history, or a weak trigger without the actor, count or verb it needs.
    /// <paramref name="previousWasIrrealis"/> carries the irrealis of the sentence's previous trigger to a coordinated verbal noun.
    /// </summary>
    public string? Rejection(SentenceScope scope, PhraseMatch<IReadOnlyList<TriggerClass>> trigger, ref bool previousWasIrrealis)
    {
        var document = scope.Document;
        var tokens = document.Tokens;
        var sentence = scope.Sentence;
        var cls = trigger.Value[0];
        var first = tokens[trigger.FirstToken].Text;

        // A verbal noun coordinated with an irrealis one ("مقابل تنفيذ عمليات، واستهداف قيادات") shares its modality.
        var coordinated = previousWasIrrealis && first.Length > 3 && first[0] == 'و' && IsMasdar(first);
        previousWasIrrealis = coordinated || IsModal(tokens, document.Modality, trigger.FirstToken, sentence) || IsPurpose(cls, trigger, first, tokens);
        if (IsAircraftNotStriking(cls, tokens, trigger))
        {
            return "an aircraft that crashes, lands or carries, or a channel's name: no strike";
        }

        if (previousWasIrrealis || IsRelativeClause(cls, tokens, trigger.EndToken) || IsSupportRole(cls, tokens, trigger.FirstToken)
            || IsHistorical(tokens, trigger.FirstToken, sentence, document.Context)
            || document.Background.Any(b => b.FirstToken >= sentence.FirstToken && b.FirstToken < sentence.EndToken && Math.Abs(b.FirstToken - trigger.FirstToken) <= 10))
        {
            return "not an event here (negation, irrealis, purpose, background or history)";
        }

        if (!IsConfirmed(cls, trigger, scope))
        {
            return "weak trigger without the actor, count or verb it needs";
        }

        return null;
    }

    /// <summary>
    /// The sentences where war words are figurative: in a document dense in sport, culture or technology words (three
    /// distinct ones), a sentence that has such a word or stands next to one. Null when the document is not such a one.
    /// The decision is per sentence, so a car bomb at a stadium or an attack in a sports-heavy page is still read.
    /// </summary>
    public bool[]? SportOrCultureSentences(AnalyzedText text)
    {
        var matches = _lexicon.SportContext.FindAll(text.Tokens);
        if (matches.Select(m => m.Value[0]).Distinct(StringComparer.Ordinal).Count() < 3)
        {
            return null;
        }

        var sentences = text.Sentences;
        var has = new bool[sentences.Count];
        var s = 0;
        foreach (var m in matches)
        {
            while (s < sentences.Count - 1 && m.FirstToken >= sentences[s].EndToken)
            {
                s++;
            }

            has[s] = true;
        }

        var near = new bool[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            near[i] = has[i] || i > 0 && has[i - 1] || i + 1 < sentences.Count && has[i + 1];
        }

        return near;
    }

    private bool IsModal(IReadOnlyList<Token> tokens, IReadOnlyList<PhraseMatch<IReadOnlyList<ModalityCue>>> modality, int trigger, Sentence sentence)
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

        return !_lexicon.Cues(CueSet.NotFuturePrefix).Any(prefix => w.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// An aircraft named beside a word of set aircraft_not_striking crashes, lands or carries, or names a channel: "تحطمت
    /// طائرة نقل", "بسقوط مروحية عسكرية", "نقلت طائرة مروحية جثماني", "قناة المسيرة". It is no air strike (a strike the same
    /// sentence reports has a word of its own: "غارة").
    /// </summary>
    private bool IsAircraftNotStriking(TriggerClass cls, IReadOnlyList<Token> tokens, PhraseMatch<IReadOnlyList<TriggerClass>> trigger)
    {
        if (cls.Name != TriggerClasses.AirAgent)
        {
            return false;
        }

        var before = trigger.FirstToken - 1;
        while (before >= 0 && tokens[before].Kind == TokenKind.Punctuation && tokens[before].Text is "\"" or "«" or "“")
        {
            before--;
        }

        return before >= 0 && _lexicon.IsCue(CueSet.AircraftNotStriking, tokens[before].Text)
               || trigger.EndToken < tokens.Count && _lexicon.IsCue(CueSet.AircraftNotStriking, tokens[trigger.EndToken].Text);
    }

    /// <summary>"بمساندة الطيران" (with air support): aircraft supporting a ground operation are part of it, not a strike of their own.</summary>
    private bool IsSupportRole(TriggerClass cls, IReadOnlyList<Token> tokens, int trigger)
    {
        // Aircraft are support within four words of the cue ("بإسناد من مقاتلات التحالف"); an air strike word only right
        // after it ("تحظى بدعم طيران التحالف").
        // A weapon coordinated with supporting aircraft shares their role ("بدعم طيران ومدفعية التحالف").
        var coordinated = tokens[trigger].Text.Length > 3 && tokens[trigger].Text[0] == 'و';
        var reach = cls.Name switch
        {
            TriggerClasses.AirAgent => 4,
            TriggerClasses.Air or TriggerClasses.Shelling or TriggerClasses.Bombard when coordinated => 4,
            TriggerClasses.Air => 2,
            _ => 0,
        };
        for (var i = trigger - 1; i >= Math.Max(0, trigger - reach); i--)
        {
            if (tokens[i].Kind == TokenKind.Punctuation)
            {
                break;
            }

            if (_lexicon.IsCue(CueSet.SupportCue, tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "للقتال" (to fight), "لاقتحام" (to storm): ل + verbal noun states a purpose, not an act; unless a verb that governs
    /// ل stands a few words before it in the same clause ("تعرضت دورية لإطلاق نار", "ما أدى لمقتل").
    /// </summary>
    private bool IsPurpose(TriggerClass cls, PhraseMatch<IReadOnlyList<TriggerClass>> trigger, string first, IReadOnlyList<Token> tokens)
    {
        if (!(cls.Name is TriggerClasses.Clash or TriggerClasses.Attack or TriggerClasses.Takeover or TriggerClasses.Liberation or TriggerClasses.Kill
              && trigger.PrefixLength > 0 && first[trigger.PrefixLength - 1] == 'ل'))
        {
            return false;
        }

        const int reach = 3;
        for (var i = trigger.FirstToken - 1; i >= 0 && i >= trigger.FirstToken - reach && tokens[i].Kind != TokenKind.Punctuation; i--)
        {
            if (_lexicon.IsCue(CueSet.LamGovernor, tokens[i].Text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"معسكر استولى عليه الحوثيون": a verb with a resumptive pronoun describes its noun (background), not a new act.</summary>
    private bool IsRelativeClause(TriggerClass cls, IReadOnlyList<Token> tokens, int triggerEnd) =>
        cls.Name is TriggerClasses.Takeover or TriggerClasses.Liberation && triggerEnd < tokens.Count && _lexicon.IsCue(CueSet.Resumptive, tokens[triggerEnd].Text);

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
    /// is background history. A year that is part of a stated day or month ("في 15 كانون الثاني/يناير 2016") dates a
    /// background event, which is coded (ANNOTATION.md: "as long as place and time are stated").
    /// </summary>
    private bool IsHistorical(IReadOnlyList<Token> tokens, int trigger, Sentence sentence, DocumentContext context)
    {
        var published = context.Published;
        var from = Math.Max(sentence.FirstToken, trigger - 12);
        var to = Math.Min(sentence.EndToken, trigger + 14);
        for (var i = from; i < to - 1; i++)
        {
            // "منذ ثلاث سنوات" (years ago); "منذ 2014، يشهد اليمن حربا": a war since a past year is background.
            if (_lexicon.IsSincePeriod(tokens, i, orStart: true, end: to)
                || _lexicon.IsCue(CueSet.Since, tokens[i].Text) && tokens[i + 1].Kind == TokenKind.Number
                   && int.TryParse(tokens[i + 1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var since)
                   && since is > 1900 and < 2100 && (published is null || since < published.Value.Year))
            {
                return true;
            }

            if (tokens[i + 1].Kind != TokenKind.Number || !_lexicon.IsCue(CueSet.YearWord, tokens[i].Text.TrimStart('و', 'ف', 'ب', 'ل')))
            {
                continue;
            }

            if (i > 0 && _lexicon.IsCue(CueSet.YearOpen, tokens[i - 1].Text))
            {
                continue;
            }

            if (!int.TryParse(tokens[i + 1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2100)
            {
                continue;
            }

            if ((published is null || year < published.Value.Year) && !StatesDayOrMonth(context, i + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"أعلن التنظيم مسؤوليته عن الهجوم", "تبنى الهجوم": the trigger is the object of a claim of responsibility.</summary>
    public bool IsClaimed(IReadOnlyList<Token> tokens, int trigger, Sentence sentence)
    {
        for (var i = Math.Max(sentence.FirstToken, trigger - 3); i < trigger; i++)
        {
            if (_lexicon.IsCue(CueSet.ClaimCue, tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"هذه القذائف", "هذا الهجوم": a demonstrative right before the trigger points back to an act already told.</summary>
    public bool IsDemonstrated(IReadOnlyList<Token> tokens, int trigger, Sentence sentence) =>
        trigger > sentence.FirstToken && _lexicon.IsCue(CueSet.Demonstrative, tokens[trigger - 1].Text);

    /// <summary>A noun with the article, after an optional و/ف/ب/ل ("الهجوم", "بالهجوم", "للهجوم"): it names something already told.</summary>
    public static bool IsDefinite(string word)
    {
        var w = word.Length > 3 && word[0] is 'و' or 'ف' ? word[1..] : word;
        if (w.StartsWith("لل", StringComparison.Ordinal))
        {
            return true;
        }

        w = w.Length > 3 && w[0] is 'ب' or 'ل' or 'ك' ? w[1..] : w;
        return w.StartsWith("ال", StringComparison.Ordinal);
    }

    /// <summary>The year at <paramref name="yearToken"/> belongs to a resolved absolute date of day or month precision.</summary>
    private static bool StatesDayOrMonth(DocumentContext context, int yearToken) =>
        context.Dates.Any(d => !d.IsRelative && d.Date is not null && d.Precision is 1 or 3 && d.FirstToken <= yearToken && yearToken < d.EndToken);

    private bool IsConfirmed(TriggerClass cls, PhraseMatch<IReadOnlyList<TriggerClass>> trigger, SentenceScope scope)
    {
        var document = scope.Document;
        var (sentence, actors, casualties, classesInSentence, tokens) = (scope.Sentence, scope.Actors, scope.Casualties, scope.Classes, document.Tokens);
        var armedActor = actors.Any(a => a.Actor.Inter is >= 1 and <= 4 or 8);
        var nonStateArmed = actors.Any(a => a.Actor.Inter is 2 or 3 or 4);
        switch (cls.Name)
        {
            case TriggerClasses.AirAgent:
                return Enumerable.Range(sentence.FirstToken, sentence.TokenCount).Any(document.ActionVerbs.Contains)
                       || classesInSentence.Overlaps([TriggerClasses.Attack, TriggerClasses.Bombard, TriggerClasses.Air]);
            case TriggerClasses.Kill:
                // A killing with no armed actor named is ordinary crime or a summary, not a coded event, unless the
                // article reports armed violence elsewhere (a victim killed at a named place, perpetrator unnamed).
                return casualties.Any(c => c.Role == "killed") && (armedActor || document.ReportsArmedViolence);
            case TriggerClasses.Arrest:
                return document.ArrestContext.Contains(scope.Index) || nonStateArmed;
            case TriggerClasses.Agreement:
                // A truce or ceasefire word is coded only when a new one starts, is reached or announced ("دخل حيز التنفيذ",
                // "توصل الطرفان إلى هدنة"), not when one is called for, proposed, extended or failed.
                return IsCeasefire(tokens, trigger)
                    ? trigger.Value.Any(v => v.Name == TriggerClasses.Agreement) && _lexicon.SentenceHas(tokens, sentence, CueSet.AgreementOnset)
                      && !HasCueBefore(tokens, sentence, trigger.FirstToken, CueSet.AgreementNotNew, 6)
                    : nonStateArmed;
            case TriggerClasses.Release or TriggerClasses.Exchange or TriggerClasses.Surrender:
                return armedActor || casualties.Any(c => c.Role == "released");
            case TriggerClasses.Protest or TriggerClasses.ProtestIntervention or TriggerClasses.Riot:
                return actors.Any(a => a.Actor.Inter is 5 or 6) || document.ProtestContext.Contains(scope.Index);
            case TriggerClasses.Withdrawal:
                // A withdrawal is a transfer of territory only when the text says who took the place over ("تسلمت",
                // "دخلت"); a retreat in a battle or a proposed withdrawal is not.
                return nonStateArmed && _lexicon.SentenceHas(tokens, sentence, CueSet.HandoverCue);
            case TriggerClasses.Takeover or TriggerClasses.Liberation:
                return (armedActor || casualties.Count > 0) && scope.PlaceAfter(trigger.EndToken);
            case TriggerClasses.Disrupt:
                // "تفكيك" or "إحباط" alone is any dismantling or foiling; it is coded with a weapon or an attack named.
                return trigger.EndToken - trigger.FirstToken > 1
                       || classesInSentence.Overlaps([TriggerClasses.Explosive, TriggerClasses.Explosion, TriggerClasses.Shelling, TriggerClasses.Air, TriggerClasses.AirAgent, TriggerClasses.Suicide, TriggerClasses.Grenade]);
            default:
                return cls.Strong || armedActor || casualties.Count > 0;
        }
    }

    private bool HasCueBefore(IReadOnlyList<Token> tokens, Sentence sentence, int trigger, CueSet set, int window)
    {
        for (var i = Math.Max(sentence.FirstToken, trigger - window); i < trigger; i++)
        {
            if (_lexicon.IsCue(set, tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsCeasefire(IReadOnlyList<Token> tokens, PhraseMatch<IReadOnlyList<TriggerClass>> trigger)
    {
        for (var i = trigger.FirstToken; i < trigger.EndToken; i++)
        {
            if (_lexicon.IsCue(CueSet.CeasefireWord, tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the sentence opens with a reporting verb ("وأضاف", "وأكد"): it restates rather than reports.</summary>
    public bool StartsWithReportingVerb(IReadOnlyList<Token> tokens, Sentence sentence) =>
        sentence.TokenCount > 0 && _lexicon.IsCue(CueSet.ReportingVerb, tokens[sentence.FirstToken].Text);

    /// <summary>Verbal nouns of derived forms (اعتقال، اختطاف، استهداف، اغتيال) have a long a before the last letter.</summary>
    internal static bool IsMasdar(string word)
    {
        var w = CliticSegmenter.ArticleFreeKey(word.Length > 3 && word[0] is 'و' or 'ب' or 'ل' ? word[1..] : word);
        return w.Length >= 4 && w[^2] == 'ا' || w.StartsWith('م');
    }
}
