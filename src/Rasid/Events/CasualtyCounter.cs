using Rasid.Numbers;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>A casualty figure found in the text.</summary>
/// <param name="Role">killed, injured, captured or released.</param>
/// <param name="Value">How many people.</param>
/// <param name="Vague">True for conservative values of vague quantities (عشرات = 10) and for upper bounds ("ما يصل إلى 30").</param>
/// <param name="Subset">True when the figure is a part of another one ("بينهم 3 أطفال").</param>
/// <param name="CueToken">Token index of the cue (for attaching the figure to the nearest trigger).</param>
/// <param name="Sentence">Index of the sentence.</param>
public readonly record struct CasualtyMention(string Role, int Value, bool Vague, bool Subset, int CueToken, int Sentence)
{
    /// <summary>The words the figure was read from (the number and its cue, or the cue and the nouns it counts), in the normalised text.</summary>
    public TextSpan Span { get; init; }

    /// <summary>True when the figure's sentence sums up a period ("منذ بدء الحملة", "منذ أشهر"): a toll of many events.</summary>
    public bool Cumulative { get; init; }

    /// <summary>True when the figure is an earlier act's, the one the event is dated from ("بعد 4 أشهر من مقتل 7").</summary>
    public bool Earlier { get; init; }

    /// <summary>True when a colon after the figure opens its breakdown ("13 قتيلا في صفوف العسكريين: اثنان ... و11 ...").</summary>
    public bool Breakdown { get; init; }
}

/// <summary>Finds casualty figures: numbers tied to casualty cues, person nouns after a cue, and cues that state a number.</summary>
internal static class CasualtyCounter
{
    public static List<CasualtyMention> Find(AnalyzedText text, EventLexicon lexicon, IReadOnlyList<NumberMention> numbers, int[] sentenceOfToken)
    {
        var tokens = text.Tokens;

        // A phrase can be a cue in both positions ("قتلوا": "قتلوا 5" and "5 ... قتلوا"): each reading is a cue.
        var cues = lexicon.Casualties.FindAll(tokens).SelectMany(m => m.Value.Select(info => (Match: m, Info: info))).ToList();
        var rangeEnds = RangeEnds(tokens, lexicon, numbers);
        var cueTokens = cues.SelectMany(x => Enumerable.Range(x.Match.FirstToken, x.Match.EndToken - x.Match.FirstToken)).ToHashSet();
        var roleAt = new Dictionary<int, string>();
        var nounRoleAt = new Dictionary<int, string>();
        var masdarRoleAt = new Dictionary<int, string>();
        foreach (var (match, info) in cues)
        {
            roleAt.TryAdd(match.FirstToken, info.Role);
            if (!info.NumberAfter && info.Window <= 2)
            {
                nounRoleAt.TryAdd(match.FirstToken, info.Role);
            }

            if (info.NumberAfter && info.CountsNouns)
            {
                masdarRoleAt.TryAdd(match.FirstToken, info.Role);
            }
        }

        // "استشهاد وإصابة 141", "141 شهيدا وجريحا": a figure of the dead and injured together is neither role's figure.
        bool OtherRoleAt(int token, string role) => roleAt.TryGetValue(token, out var r) && r != role;
        bool Combined(PhraseMatch<IReadOnlyList<CasualtyCue>> cue, CasualtyCue info, NumberMention num) => info.NumberAfter
            ? Enumerable.Range(cue.EndToken, Math.Max(0, num.FirstToken - cue.EndToken)).Any(t => OtherRoleAt(t, info.Role))
              || cue.FirstToken > 0 && tokens[cue.FirstToken].Text.StartsWith('و') && masdarRoleAt.TryGetValue(cue.FirstToken - 1, out var before) && before != info.Role
            : cue.EndToken < tokens.Count && tokens[cue.EndToken].Text.StartsWith('و') && nounRoleAt.TryGetValue(cue.EndToken, out var next) && next != info.Role
              || Enumerable.Range(num.EndToken, Math.Max(0, cue.FirstToken - num.EndToken)).Any(t => OtherRoleAt(t, info.Role));
        var candidates = new List<(int Distance, int Cue, int Number, string Role)>();
        var result = new List<CasualtyMention>();
        var cueHasNumber = new bool[cues.Count];
        for (var c = 0; c < cues.Count; c++)
        {
            var (cue, info) = cues[c];
            if (info.SelfCount > 0 || info.StatesNone)
            {
                result.Add(new CasualtyMention(info.Role, info.SelfCount, false, false, cue.FirstToken, sentenceOfToken[cue.FirstToken]) { Span = cue.Span });
                cueHasNumber[c] = true;
                continue;
            }

            // Numbers are in text order: only those within the cue's window can pair with it.
            var lo = LowerBound(numbers, cue.FirstToken - info.Window - 12);
            for (var n = lo; n < numbers.Count && numbers[n].FirstToken <= cue.EndToken + info.Window; n++)
            {
                var num = numbers[n];
                // Deaths or injuries in the thousands are war-wide or cumulative tolls, never one event's.
                var limit = info.Role is "killed" or "injured" ? 1_000 : 100_000;
                if (num.Value <= 0 || num.Value >= limit || rangeEnds.Contains(n) || sentenceOfToken[num.FirstToken] != sentenceOfToken[cue.FirstToken])
                {
                    continue;
                }

                // "قتل قائد مع عدد من مرافقيه": a figure after "مع" counts the companions (AddCompanions), not the cue's victims.
                if (info.NumberAfter && num.FirstToken > cue.EndToken && lexicon.IsCue(CueSet.CompanionWith, tokens[num.FirstToken - 1].Text))
                {
                    continue;
                }

                var distance = info.NumberAfter ? num.FirstToken - cue.EndToken : cue.FirstToken - num.EndToken;
                if (distance >= 0 && distance <= info.Window && !Crosses(tokens, info.NumberAfter ? cue.EndToken : num.EndToken, info.NumberAfter ? num.FirstToken : cue.FirstToken)
                    && !Combined(cue, info, num))
                {
                    candidates.Add((distance, c, n, info.Role));
                }
            }
        }

        var usedNumbers = new HashSet<int>(rangeEnds);
        // A figure right before a noun of the dead or injured counts what that noun names ("سقوط عدد من الجرحى" is
        // injured, not killed): such pairs are taken first, then the nearest ("الإفراج عن 31 أسيرا" stays released).
        foreach (var (_, c, n, role) in candidates.OrderBy(x => x.Distance <= 1 && !cues[x.Cue].Info.NumberAfter && x.Role is "killed" or "injured" ? 0 : 1).ThenBy(x => x.Distance).ThenBy(x => x.Cue))
        {
            if (cueHasNumber[c] || usedNumbers.Contains(n))
            {
                continue;
            }

            var (cue, info) = cues[c];
            cueHasNumber[c] = true;
            usedNumbers.Add(n);
            var num = numbers[n];
            result.Add(new CasualtyMention(role, (int)num.Value, num.Kind == NumberKind.Vague || IsUpperBound(tokens, lexicon, num.FirstToken), IsSubset(tokens, lexicon, num.FirstToken), cue.FirstToken, sentenceOfToken[cue.FirstToken])
            {
                Span = num.Span.Union(cue.Span),
            });

            // "مقتل ضابطين وثلاثة جنود": people counted by their noun before the joined number add to it.
            if (info.NumberAfter && info.CountsNouns && num.FirstToken > cue.EndToken && tokens[num.FirstToken].Text.StartsWith('و')
                && lexicon.PersonNounOf(tokens[cue.EndToken].Text) is { Count: > 0 } before && num.FirstToken - cue.EndToken <= 2)
            {
                result.Add(new CasualtyMention(role, before.Count, false, false, cue.FirstToken, sentenceOfToken[cue.FirstToken])
                {
                    Span = cue.Span.Union(tokens[cue.EndToken].Span),
                });
            }

            // A figure joined to this one ("قتل 39 متمردا و17 مقاتلا", "عشرة ... إضافة إلى ثلاثة") shares its cue.
            for (var next = n + 1; next < numbers.Count && IsJoinedFigure(tokens, lexicon, numbers[next - 1], numbers[next], sentenceOfToken, cueTokens); next++)
            {
                if (!usedNumbers.Add(next) || numbers[next].Value <= 0 || numbers[next].Value >= 1_000)
                {
                    break;
                }

                var joined = numbers[next];
                result.Add(new CasualtyMention(role, (int)joined.Value, joined.Kind == NumberKind.Vague, IsSubset(tokens, lexicon, joined.FirstToken), cue.FirstToken, sentenceOfToken[cue.FirstToken])
                {
                    Span = joined.Span,
                });
            }
        }

        for (var c = 0; c < cues.Count; c++)
        {
            var (cue, info) = cues[c];
            if (cueHasNumber[c] || !info.CountsNouns || !info.NumberAfter)
            {
                continue;
            }

            // "نتج عنه «استشهاد» أحد أفرادها": a closing quote after the cue word stands before the people it counts.
            var start = cue.EndToken < tokens.Count && tokens[cue.EndToken].Text == "»" ? cue.EndToken + 1 : cue.EndToken;

            var (count, end) = CountPersonNouns(tokens, lexicon, start, sentenceOfToken);
            if (count > 0)
            {
                result.Add(new CasualtyMention(info.Role, count, false, false, cue.FirstToken, sentenceOfToken[cue.FirstToken])
                {
                    Span = cue.Span.Union(tokens[end - 1].Span),
                });
            }
        }

        AddSubjectsBeforeVerb(tokens, lexicon, sentenceOfToken, result);
        AddCompanions(tokens, lexicon, numbers, sentenceOfToken, result);
        var cumulative = CumulativeSentences(tokens, lexicon, sentenceOfToken);
        return result.Select(m => m with
        {
            Cumulative = cumulative.Contains(m.Sentence),
            Earlier = IsEarlierAct(tokens, lexicon, m.CueToken),
            Breakdown = OpensBreakdown(text, m, result),
        }).ToList();
    }

    /// <summary>
    /// "بعد هجومين أوقعا 13 قتيلا في صفوف العسكريين: اثنان قتلا في كمين ... و11 قتلوا ...": a colon a few words after the
    /// figure, followed by other figures of its role in the sentence, opens the figure's breakdown.
    /// </summary>
    private static bool OpensBreakdown(AnalyzedText text, CasualtyMention m, List<CasualtyMention> all)
    {
        const int reach = 6;
        if (m.Span.IsEmpty)
        {
            return false;
        }

        var tokens = text.Tokens;
        var last = Math.Max(0, m.CueToken - reach - 8);
        while (last < tokens.Count && tokens[last].Span.Start < m.Span.End)
        {
            last++;
        }
        for (var i = last; i < tokens.Count && i < last + reach; i++)
        {
            if (tokens[i].Text == ":")
            {
                var colon = tokens[i].Span.Start;
                return all.Any(o => o.Role == m.Role && o.Sentence == m.Sentence && !o.Span.IsEmpty && o.Span.Start > colon);
            }

            if (tokens[i].Kind == TokenKind.Punctuation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "وذلك بعد 4 أشهر من مقتل 7 من موظفيها", "بعد يومين من مقتل 14 مسلحا": a cue right after "بعد" + a lapse of time +
    /// "من" reports the earlier act the event is measured from, not the event.
    /// </summary>
    private static bool IsEarlierAct(IReadOnlyList<Token> tokens, EventLexicon lexicon, int cueToken)
    {
        const int lapseWords = 3;
        if (cueToken < 3 || !lexicon.IsCue(CueSet.Partitive, tokens[cueToken - 1].Text))
        {
            return false;
        }

        var lapse = false;
        for (var i = cueToken - 2; i >= 0 && i >= cueToken - 1 - lapseWords; i--)
        {
            if (lexicon.IsCue(CueSet.After, tokens[i].Text))
            {
                return lapse;
            }

            lapse |= lexicon.IsCue(CueSet.ElapsedUnit, tokens[i].Text);
        }

        return false;
    }

    /// <summary>
    /// "إن طفلا في الخامسة عشر من العمر استشهد", "أن جنديين عراقيين قتلا": a verb of dying with no figure of its own, and a
    /// singular or dual person noun a few words before it in the same clause (its subject), counts that noun's number.
    /// </summary>
    private static void AddSubjectsBeforeVerb(IReadOnlyList<Token> tokens, EventLexicon lexicon, int[] sentenceOfToken, List<CasualtyMention> result)
    {
        const int reach = 7;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word || !lexicon.IsCue(CueSet.KilledVerb, tokens[i].Text))
            {
                continue;
            }

            var verb = i;
            if (result.Any(m => m.Role == "killed" && m.Sentence == sentenceOfToken[verb] && Math.Abs(m.CueToken - verb) <= reach))
            {
                continue;
            }

            for (var j = i - 1; j >= 0 && j >= i - reach && sentenceOfToken[j] == sentenceOfToken[i] && tokens[j].Kind != TokenKind.Punctuation; j--)
            {
                if (lexicon.PersonNounOf(tokens[j].Text) is { Count: > 0 } noun)
                {
                    result.Add(new CasualtyMention("killed", noun.Count, false, false, i, sentenceOfToken[i]) { Span = tokens[j].Span.Union(tokens[i].Span) });
                    break;
                }
            }
        }
    }

    /// <summary>
    /// People killed with a victim ("لقي مصرعه مع أحد مرافقيه" = 2, "مقتل القائد مع عدد من مرافقيه" = 4, "قتل مع
    /// حارسيه" = 3): "مع" (or "برفقة") within a few words after a killed figure of the same sentence, followed by a
    /// figure or "أحد" and a companions noun, or by a singular or dual companion noun, adds them to that figure.
    /// </summary>
    private static void AddCompanions(IReadOnlyList<Token> tokens, EventLexicon lexicon, IReadOnlyList<NumberMention> numbers, int[] sentenceOfToken, List<CasualtyMention> result)
    {
        const int reach = 12;
        for (var i = 1; i < tokens.Count - 1; i++)
        {
            if (!lexicon.IsCue(CueSet.CompanionWith, tokens[i].Text))
            {
                continue;
            }

            var (added, end) = CompanionCount(tokens, lexicon, numbers, i + 1);
            if (added == 0 || sentenceOfToken[end - 1] != sentenceOfToken[i])
            {
                continue;
            }

            var victim = -1;
            for (var k = 0; k < result.Count; k++)
            {
                var m = result[k];
                if (m.Role == "killed" && !m.Vague && !m.Subset && m.Sentence == sentenceOfToken[i] && m.CueToken < i && i - m.CueToken <= reach
                    && (victim < 0 || m.CueToken > result[victim].CueToken))
                {
                    victim = k;
                }
            }

            if (victim >= 0)
            {
                var m = result[victim];
                result[victim] = m with { Value = m.Value + added, Span = m.Span.Union(tokens[end - 1].Span) };
            }
        }
    }

    /// <summary>The companions named from token <paramref name="start"/> on, and the token after them (0 when none).</summary>
    private static (int Count, int EndToken) CompanionCount(IReadOnlyList<Token> tokens, EventLexicon lexicon, IReadOnlyList<NumberMention> numbers, int start)
    {
        var text = tokens[start].Text;
        if (lexicon.IsCue(CueSet.CompanionOne, text))
        {
            return (1, start + 1);
        }

        if (lexicon.IsCue(CueSet.CompanionTwo, text))
        {
            return (2, start + 1);
        }

        int count, next;
        if (lexicon.IsCue(CueSet.CompanionOneOf, text))
        {
            (count, next) = (1, start + 1);
        }
        else
        {
            var n = LowerBound(numbers, start);
            if (n >= numbers.Count || numbers[n].FirstToken != start || numbers[n].Value is <= 0 or >= 100)
            {
                return (0, start);
            }

            (count, next) = ((int)numbers[n].Value, numbers[n].EndToken);
        }

        if (next < tokens.Count && lexicon.IsCue(CueSet.Partitive, tokens[next].Text))
        {
            next++;
        }

        return next < tokens.Count && lexicon.IsCue(CueSet.CompanionGroup, tokens[next].Text) ? (count, next + 1) : (0, start);
    }

    /// <summary>The sentences that sum up a period: "منذ" followed by a period or its start ("منذ بدء الحملة", "منذ أشهر").</summary>
    private static HashSet<int> CumulativeSentences(IReadOnlyList<Token> tokens, EventLexicon lexicon, int[] sentenceOfToken)
    {
        var result = new HashSet<int>();
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (lexicon.IsSincePeriod(tokens, i, orStart: true))
            {
                result.Add(sentenceOfToken[i]);
            }
        }

        return result;
    }

    /// <summary>
    /// Counts people named after a cue without a number: singular person nouns count 1, duals 2, coordinated with و
    /// ("مسلح وجندي" = 2, "نائب قائد الحزام الأمني وقائد مكافحة الإرهاب" = 2, "امرأة وطفلها" = 2). Plurals state no number: 0. Also returns
    /// the token after the last noun counted.
    /// </summary>
    private static (int Count, int EndToken) CountPersonNouns(IReadOnlyList<Token> tokens, EventLexicon lexicon, int start, int[] sentenceOfToken)
    {
        if (start >= tokens.Count || tokens[start].Kind != TokenKind.Word)
        {
            return (0, start);
        }

        var head = lexicon.PersonNounOf(tokens[start].Text);
        if (head is null || head.Count == 0)
        {
            return (0, start);
        }

        var total = head.Count;
        var end = start + 1;
        var sentence = sentenceOfToken[start];
        for (var i = start + 1; i < tokens.Count && i < end + 8 && sentenceOfToken[i] == sentence; i++)
        {
            var t = tokens[i];

            // "استشهاد العريف أحمد جعفر، والجندي أول محمد علي": a comma before the next person noun of a list of names.
            if (t.Text == "،" && i + 1 < tokens.Count && tokens[i + 1].Text.Length > 2 && tokens[i + 1].Text[0] == 'و'
                && lexicon.PersonNounOf(tokens[i + 1].Text[1..]) is { Count: > 0 })
            {
                continue;
            }

            if (t.Kind != TokenKind.Word || lexicon.IsCue(CueSet.CountStop, t.Text))
            {
                break;
            }

            if (t.Text.Length > 2 && t.Text[0] == 'و')
            {
                // "قتلت امرأة وطفلها": a kin or companion noun with a possessive pronoun is one more person.
                var next = lexicon.PersonNounOf(t.Text[1..]) ?? (lexicon.IsCue(CueSet.CompanionOne, t.Text) ? OnePerson : null);
                if (next is null)
                {
                    break;
                }

                if (next.Count == 0)
                {
                    return (total, end);
                }

                total += next.Count;
                end = i + 1;
            }
        }

        return (total, end);
    }

    private static readonly PersonNoun OnePerson = new(1, Civilian: false, Armed: false);

    /// <summary>
    /// The second figure is joined to the first by a conjunction within a few words of the same sentence, with no
    /// casualty cue or stop word between them ("39 متمردا على الأقل و17 مقاتلا").
    /// </summary>
    private static bool IsJoinedFigure(IReadOnlyList<Token> tokens, EventLexicon lexicon, NumberMention first, NumberMention second, int[] sentenceOfToken, HashSet<int> cueTokens)
    {
        // "25 قتيلا و30 جريحا": a casualty word between the figures gives each its own role.
        for (var i = first.EndToken; i < second.FirstToken; i++)
        {
            if (cueTokens.Contains(i))
            {
                return false;
            }
        }

        if (second.FirstToken - first.EndToken > 5 || sentenceOfToken[second.FirstToken] != sentenceOfToken[first.FirstToken])
        {
            return false;
        }

        var joined = tokens[second.FirstToken].Text.StartsWith('و');

        // "عشرة من منسوبي القوات إضافة إلى ثلاثة": an explicit "in addition to" joins across the partitive "من".
        var addition = Enumerable.Range(first.EndToken, second.FirstToken - first.EndToken).Any(i => lexicon.IsCue(CueSet.CountAnd, tokens[i].Text));
        for (var i = first.EndToken; i < second.FirstToken; i++)
        {
            var text = tokens[i].Text;
            if (i + 1 < second.FirstToken && lexicon.IsCue(CueSet.CountFiller, tokens[i + 1].Text))
            {
                // "على الأقل" between the figures.
                i++;
                continue;
            }

            if (lexicon.IsCue(CueSet.CountStop, text) && !(addition && lexicon.IsCue(CueSet.Partitive, text)) || lexicon.IsCue(CueSet.CasualtyWord, text) || tokens[i].Kind == TokenKind.Punctuation && text != "،")
            {
                return false;
            }

            joined |= text == "و" || lexicon.IsCue(CueSet.CountAnd, text);
        }

        return joined;
    }

    /// <summary>
    /// The upper ends of ranges ("ما بين 20 و30 جنديا", "من 20 إلى 30"): ACLED takes the lowest figure of a range, so
    /// the upper end is no figure of its own.
    /// </summary>
    private static HashSet<int> RangeEnds(IReadOnlyList<Token> tokens, EventLexicon lexicon, IReadOnlyList<NumberMention> numbers)
    {
        var ends = new HashSet<int>();
        for (var n = 1; n < numbers.Count; n++)
        {
            var (a, b) = (numbers[n - 1], numbers[n]);
            var gap = b.FirstToken - a.EndToken;
            var startsRange = a.FirstToken > 0 && lexicon.IsCue(CueSet.RangeOpen, tokens[a.FirstToken - 1].Text);
            if (gap == 0 && startsRange && tokens[b.FirstToken].Text.StartsWith('و')
                || gap == 1 && startsRange && lexicon.IsCue(CueSet.RangeTo, tokens[a.EndToken].Text))
            {
                ends.Add(n);
            }
        }

        return ends;
    }

    private static int LowerBound(IReadOnlyList<NumberMention> numbers, int token)
    {
        int lo = 0, hi = numbers.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (numbers[mid].FirstToken < token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// "قتلوا ما يصل إلى 30 جنديا": a figure after "يصل إلى" (up to) is an upper bound, not a count; like a vague figure
    /// it counts only when the event's reports state no exact one (another source's "ما بين 20 و30" gives 20).
    /// </summary>
    private static bool IsUpperBound(IReadOnlyList<Token> tokens, EventLexicon lexicon, int numberToken) =>
        numberToken >= 2 && lexicon.IsCue(CueSet.RangeTo, tokens[numberToken - 1].Text) && lexicon.IsCue(CueSet.UpperBound, tokens[numberToken - 2].Text);

    private static bool IsSubset(IReadOnlyList<Token> tokens, EventLexicon lexicon, int numberToken)
    {
        for (var i = Math.Max(0, numberToken - 2); i < numberToken; i++)
        {
            if (lexicon.IsCue(CueSet.SubsetMarker, tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a sentence-internal boundary (، ؛ or a full stop) separates the two token positions.</summary>
    private static bool Crosses(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var i = from; i < to && i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Punctuation && tokens[i].Text is "،" or "," or "؛" or ";" or ".")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each casualty figure goes to the nearest event of its sentence (a trigger before the figure is preferred).</summary>
    public static void Attach(List<EventCandidate> candidates, List<CasualtyMention> casualties)
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
}
