using Rasid.Dates;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>The date of an event: the nearest date of its sentence, else the date the paragraph's previous sentence carries.</summary>
internal static class EventDates
{
    /// <summary>
    /// The date of the event triggered at <paramref name="trigger"/> in sentence <paramref name="s"/>, or null. A date of
    /// the reporting clause ("كشفت مصادر يمنية، الأحد، عن مقتل ...") is the statement's day, not the act's: another date
    /// of the sentence is taken instead, and without one the event has no date of its own (it joins other reports of the
    /// act, whose dates are its own, and otherwise takes the lead's day).
    /// </summary>
    public static DateMention? Of(IReadOnlyList<DateMention> dates, AnalyzedText text, int s, TextSpan trigger, Sentence sentence, EventLexicon lexicon)
    {
        var statement = StatementDates(dates, text.Tokens, sentence, lexicon);
        var nearest = NearestDate(dates, trigger, sentence.Span, statement);
        return nearest ?? (statement.Count > 0 ? null : CarriedDate(dates, text, s));
    }

    /// <summary>How many words before a date a reporting verb may stand for the date to be the statement's.</summary>
    private const int StatementReach = 4;

    /// <summary>
    /// The dates of <paramref name="sentence"/> that stand in a reporting clause: a reporting verb at most
    /// <see cref="StatementReach"/> words before the date ("ذكرت صحيفة ديلي ميل، الأربعاء"), with no complementiser
    /// (أن، إن، عن), number or casualty word between them; after "أن" or "عن" a date is the reported act's.
    /// </summary>
    private static HashSet<DateMention> StatementDates(IReadOnlyList<DateMention> dates, IReadOnlyList<Token> tokens, Sentence sentence, EventLexicon lexicon)
    {
        var result = new HashSet<DateMention>();
        foreach (var d in dates)
        {
            if (d.FirstToken < sentence.FirstToken || d.FirstToken >= sentence.EndToken)
            {
                continue;
            }

            for (var i = d.FirstToken - 1; i >= sentence.FirstToken && i >= d.FirstToken - StatementReach; i--)
            {
                var word = tokens[i].Text;
                if (tokens[i].Kind == TokenKind.Number || lexicon.IsCue(CueSet.Complementizer, word) || lexicon.IsCue(CueSet.CasualtyWord, word))
                {
                    break;
                }

                if (lexicon.IsCue(CueSet.StatementVerb, word))
                {
                    result.Add(d);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The day the article's lead reports: the first resolved day-precise date of its first two body sentences, when it
    /// falls in the week before publication ("أمس", "الجمعة"). An event the text gives no date of its own is usually
    /// of the lead's day. A day of the act beats the day of a statement ("أفاد المرصد الخميس أن ... صباح الأربعاء").
    /// </summary>
    public static DateMention? LeadDate(IReadOnlyList<DateMention> dates, AnalyzedText text, int titleEnd, DateOnly? published, EventLexicon lexicon)
    {
        if (published is null)
        {
            return null;
        }

        var body = text.Sentences.Where(x => x.Span.Start >= titleEnd).Take(2).ToList();
        var statement = new HashSet<DateMention>(body.SelectMany(x => StatementDates(dates, text.Tokens, x, lexicon)));
        DateMention? first = null;
        foreach (var d in dates)
        {
            if (d.Date is { } day && d.Precision == 1 && body.Any(x => x.Span.Contains(d.Span)) && day <= published.Value && day.DayNumber >= published.Value.DayNumber - 7)
            {
                if (!statement.Contains(d))
                {
                    return d;
                }

                first ??= d;
            }
        }

        return first;
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

    private static DateMention? NearestDate(IReadOnlyList<DateMention> dates, TextSpan trigger, TextSpan sentence, HashSet<DateMention> skip)
    {
        DateMention? best = null;
        var bestDistance = int.MaxValue;
        foreach (var d in dates)
        {
            if (!sentence.Contains(d.Span) || skip.Contains(d))
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
}
