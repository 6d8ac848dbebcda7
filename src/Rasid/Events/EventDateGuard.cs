using Rasid.Dates;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>
/// Keeps an old date only where the event's own report states it. A date more than <see cref="MaxDaysBefore"/> days
/// before the article must stand in the evidence sentence, or in a sentence next to it that reports the same event (the
/// two were merged: "وهذه ليست أول مرة ... . وقتل 131 مدنيا في 28 أيلول/سبتمبر 2015 في غارات ..."), and then the evidence
/// covers both. A date carried from a sentence that does not report the event (the paragraph's previous one) or from a
/// report far away dates background ("في يونيو 2014 أعلن التنظيم ..."): the event takes the publication date, as a news
/// report's undated events do. Recent dates are kept as they are.
/// </summary>
internal static class EventDateGuard
{
    /// <summary>How many days before publication a date may lie without being stated in the event's evidence.</summary>
    public const int MaxDaysBefore = 30;

    /// <summary>The event's date mention (null when there is none or it was dropped) and its evidence span (normalised text).</summary>
    public static (DateMention? Date, TextSpan Evidence) Settle(EventCandidate c, AnalyzedText text, DateOnly? published)
    {
        var evidence = c.SentenceSpan;
        if (c.Date is not { } d || !IsOld(d, published) || evidence.Contains(d.Span))
        {
            return (c.Date, evidence);
        }

        foreach (var s in c.Sentences)
        {
            var span = text.Sentences[s].Span;
            if (Math.Abs(s - c.Sentence) == 1 && span.Contains(d.Span))
            {
                return (d, evidence.Union(span));
            }
        }

        return (null, evidence);
    }

    /// <summary>
    /// True when <paramref name="date"/> stands outside the event's report: in none of its sentences and not in the
    /// sentence just before them (whose date a report continues). Such a date is assumed, not read: the day of the
    /// article's lead given to an event the text dates nowhere.
    /// </summary>
    public static bool IsOutsideReport(DateMention date, EventCandidate c, AnalyzedText text)
    {
        var first = c.Sentences.Count > 0 ? Math.Min(c.Sentences.Min(), c.Sentence) : c.Sentence;
        return !c.Sentences.Append(c.Sentence).Append(first - 1).Any(s => s >= 0 && s < text.Sentences.Count && text.Sentences[s].Span.Contains(date.Span));
    }

    /// <summary>True when <paramref name="date"/> lies more than <see cref="MaxDaysBefore"/> days before publication.</summary>
    public static bool IsOld(DateMention date, DateOnly? published) =>
        published is { } pub && date.Date is { } day && day.DayNumber < pub.DayNumber - MaxDaysBefore;
}
