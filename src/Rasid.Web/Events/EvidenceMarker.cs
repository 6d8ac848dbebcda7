using Rasid.Records;
using Rasid.Text;


namespace Rasid.Web.Events;

/// <summary>A field's place in a document: half-open Unicode code-point offsets into the cleaned text, as in the schema.</summary>
internal sealed record FieldMark(string Field, int Start, int End, string Text);

/// <summary>A piece of the evidence sentence; <see cref="Field"/> names the field it states, or is null for plain text.</summary>
internal sealed record TextSegment(string Text, string? Field);

/// <summary>
/// The evidence of one mention laid out for display: the document text before the sentence, the sentence cut into
/// segments with each field's words marked, the text after, and the marks as offsets.
/// </summary>
internal sealed record MarkedEvidence(
    int Start,
    int End,
    string Text,
    string? Before,
    string? After,
    IReadOnlyList<TextSegment> Segments,
    IReadOnlyList<FieldMark> Marks,
    IReadOnlyList<string> Unmarked);

/// <summary>
/// Marks each field's words inside an evidence sentence. Records carry, per field, the span of its words (actors'
/// <c>span</c>, <c>spans.location</c>, <c>.date</c> and the counts, docs/field-spans.md): a span inside the sentence is
/// marked as it is, one elsewhere in the text leaves the field unmarked. Records stored before spans existed carry only
/// the words as written (the trigger, each actor's mention, the Arabic location, the date expression): those are found
/// again in the sentence through the Arabic normaliser (so hamza, diacritics and tatweel do not matter).
/// </summary>
internal static class EvidenceMarker
{
    /// <summary>The field names used in marks and segments.</summary>
    public static readonly string[] Fields =
        ["trigger", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "date", "fatalities", "injured", "captured", "released"];

    /// <summary>
    /// Lays out <paramref name="record"/>'s evidence within <paramref name="documentText"/> (the cleaned text it points into);
    /// with <paramref name="withContext"/>, the document text before and after the sentence comes along.
    /// </summary>
    public static MarkedEvidence Mark(EventRecord record, string documentText, bool withContext = true)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(documentText);
        var start = Utf16Index(documentText, record.Evidence.Start);
        var end = Math.Max(start, Utf16Index(documentText, record.Evidence.End));
        var sentence = documentText[start..end];
        var normalized = ArabicNormalizer.Normalize(sentence);

        var wanted = new List<(string Field, string Surface, EvidenceRecord? Span)>();
        void Want(string field, string? surface, EvidenceRecord? span = null)
        {
            if (!string.IsNullOrWhiteSpace(surface) || span is not null)
            {
                wanted.Add((field, span?.Text ?? surface!, span));
            }
        }

        Want("trigger", record.Trigger);
        Want("actor1", record.Actor1?.Mention, record.Actor1?.Span);
        foreach (var a in record.AssocActor1)
        {
            Want("assoc_actor_1", a.Mention, a.Span);
        }

        Want("actor2", record.Actor2?.Mention, record.Actor2?.Span);
        foreach (var a in record.AssocActor2)
        {
            Want("assoc_actor_2", a.Mention, a.Span);
        }

        Want("location", record.LocationAr, record.Spans?.Location);
        Want("date", record.DateText, record.Spans?.Date);
        Want("fatalities", null, record.Spans?.Fatalities);
        Want("injured", null, record.Spans?.Injured);
        Want("captured", null, record.Spans?.Captured);
        Want("released", null, record.Spans?.Released);

        // Counts last (their span may run from one figure to another across the sentence), then words known by their
        // span before words searched for, longest first, so "محافظة تعز" is marked before a shorter overlapping word;
        // overlaps are left out.
        var taken = new List<(int Start, int End, string Field)>();
        var unmarked = new List<string>();
        bool Free(int s, int e) => taken.All(t => e <= t.Start || s >= t.End);
        foreach (var (field, surface, known) in wanted.OrderBy(w => IsCount(w.Field) ? 1 : 0).ThenBy(w => w.Span is null ? 1 : 0).ThenByDescending(w => w.Surface.Length))
        {
            var found = false;
            if (known is not null)
            {
                var (s, e) = (Utf16Index(documentText, known.Start) - start, Utf16Index(documentText, known.End) - start);
                if (s >= 0 && e <= sentence.Length && s < e && Free(s, e))
                {
                    taken.Add((s, e, field));
                    found = true;
                }
            }
            else
            {
                var needle = ArabicNormalizer.Normalize(surface.Trim()).Text;
                for (var at = normalized.Text.IndexOf(needle, StringComparison.Ordinal); at >= 0 && needle.Length > 0;
                     at = normalized.Text.IndexOf(needle, at + 1, StringComparison.Ordinal))
                {
                    var span = normalized.ToOriginal(at, at + needle.Length);
                    if (Free(span.Start, span.End))
                    {
                        taken.Add((span.Start, span.End, field));
                        found = true;
                        break;
                    }
                }
            }

            if (!found && !unmarked.Contains(field, StringComparer.Ordinal))
            {
                unmarked.Add(field);
            }
        }

        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        var segments = new List<TextSegment>();
        var marks = new List<FieldMark>();
        var position = 0;
        foreach (var (s, e, field) in taken)
        {
            if (s > position)
            {
                segments.Add(new TextSegment(sentence[position..s], null));
            }

            segments.Add(new TextSegment(sentence[s..e], field));
            marks.Add(new FieldMark(field, CodePoints(documentText, start + s), CodePoints(documentText, start + e), sentence[s..e]));
            position = e;
        }

        if (position < sentence.Length || segments.Count == 0)
        {
            segments.Add(new TextSegment(sentence[position..], null));
        }

        unmarked.RemoveAll(f => marks.Any(m => m.Field == f));
        return new MarkedEvidence(
            record.Evidence.Start, record.Evidence.End, sentence, withContext ? documentText[..start] : null, withContext ? documentText[end..] : null, segments, marks, unmarked);
    }

    private static bool IsCount(string field) => field is "fatalities" or "injured" or "captured" or "released";

    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/> in <paramref name="text"/> (clamped to the text).</summary>
    public static int Utf16Index(string text, int codePoint)
    {
        var index = 0;
        for (var n = 0; n < codePoint && index < text.Length; n++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index;
    }

    private static int CodePoints(string text, int utf16Index)
    {
        var count = 0;
        foreach (var _ in text.AsSpan(0, utf16Index).EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
