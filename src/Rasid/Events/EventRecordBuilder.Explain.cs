using System.Globalization;
using Rasid.Records;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>The `--explain` lines of an output record: where each actor, place, date and count was read, or why it was inferred.</summary>
internal static partial class EventRecordBuilder
{
    /// <summary>One line per field of <paramref name="record"/> (built from <paramref name="c"/>), for `rasid extract --explain`.</summary>
    public static IEnumerable<string> Explain(EventCandidate c, EventRecord record, AnalyzedText text, int titleEnd, DateOnly? published, int ordinal)
    {
        var head = $"fields: event {ordinal.ToString(CultureInfo.InvariantCulture)} ({record.EventType}/{record.SubEventType}, s{c.Sentence.ToString(CultureInfo.InvariantCulture)})";
        yield return $"{head}: actor1 {Actor(record.Actor1, c.SentenceSpan, text)}";
        yield return $"{head}: actor2 {Actor(record.Actor2, c.SentenceSpan, text)}";
        foreach (var a in record.AssocActor1.Concat(record.AssocActor2))
        {
            yield return $"{head}: associated actor {Actor(a, c.SentenceSpan, text)}";
        }

        yield return $"{head}: location " + (c.Place is not { } place
            ? "none"
            : $"{place.Location} {Words(record.Spans?.Location)}" + (record.Spans?.Location is null ? " inferred" : string.Empty) + $" ({place.Reason ?? "no reason recorded"})");
        yield return $"{head}: date " + DateReason(c, record, text, published);
        foreach (var (role, field) in new[] { ("killed", "fatalities"), ("injured", "injured"), ("captured", "captured"), ("released", "released") })
        {
            var count = Count(c, role, text, titleEnd);
            if (count.Value is { } n)
            {
                yield return $"{head}: {field} {n.ToString(CultureInfo.InvariantCulture)} {Words(Span(text, count.Span))} ({count.Basis})";
            }
        }
    }

    private static string Actor(ActorRecord? actor, TextSpan sentence, AnalyzedText text)
    {
        if (actor is null)
        {
            return "none (no actor named in reach)";
        }

        if (actor.Inferred || actor.Span is null)
        {
            return $"{actor.Name} inferred (no words of the event name it: an unnamed perpetrator, or the document's main opponent of the named side)";
        }

        return $"{actor.Name} {Words(actor.Span)} " + Where(actor.Span, sentence, text);
    }

    private static string DateReason(EventCandidate c, EventRecord record, AnalyzedText text, DateOnly? published)
    {
        if (record.Date is null)
        {
            return c.Date is { } unresolved ? $"unresolved «{Slice(text, unresolved.Span)}» (no publication date)" : "none (no date in the text and no publication date)";
        }

        if (record.Spans?.Date is { } span)
        {
            return record.Inferred?.Contains("date", StringComparer.Ordinal) == true
                ? $"{record.Date} {Words(span)} inferred: the day of the article's lead, since the event's report states no date"
                : $"{record.Date} {Words(span)} " + Where(span, c.SentenceSpan, text);
        }

        return c.Date is { } dropped && EventDateGuard.IsOld(dropped, published)
            ? $"{record.Date} inferred: the publication date, since «{Slice(text, dropped.Span)}» lies more than {EventDateGuard.MaxDaysBefore.ToString(CultureInfo.InvariantCulture)} days back and outside the event's report (background)"
            : $"{record.Date} inferred: the publication date (the text states none for the event)";
    }

    /// <summary>"in the event's sentence" or "in sentence sN" for a code-point span of the original text.</summary>
    private static string Where(EvidenceRecord span, TextSpan sentence, AnalyzedText text)
    {
        var original = text.Normalized.ToOriginal(sentence);
        var start = RasidJson.ToCodePointIndex(text.Original, original.Start);
        var end = RasidJson.ToCodePointIndex(text.Original, original.End);
        if (span.Start >= start && span.End <= end)
        {
            return "in the event's sentence";
        }

        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var o = text.Normalized.ToOriginal(text.Sentences[s].Span);
            if (span.Start >= RasidJson.ToCodePointIndex(text.Original, o.Start) && span.Start < RasidJson.ToCodePointIndex(text.Original, o.End))
            {
                return $"in sentence s{s.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        return "elsewhere in the text";
    }

    private static string Words(EvidenceRecord? span) =>
        span is null ? string.Empty : $"«{span.Text}» [{span.Start.ToString(CultureInfo.InvariantCulture)}..{span.End.ToString(CultureInfo.InvariantCulture)})";
}
