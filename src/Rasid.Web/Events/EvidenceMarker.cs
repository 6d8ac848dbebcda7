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
/// Marks each field's words inside an evidence sentence. Stored records carry the sentence's offsets and, per field, the
/// words as written (the trigger, each actor's mention, the Arabic location, the date expression) but not their offsets; the
/// words are found again in the sentence through the Arabic normaliser (so hamza, diacritics and tatweel do not matter).
/// The counts (fatalities, injured, captured, released) carry no surface text in the record, so they cannot be marked.
/// </summary>
internal static class EvidenceMarker
{
    /// <summary>The field names used in marks and segments.</summary>
    public static readonly string[] Fields = ["trigger", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "date"];

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

        var wanted = new List<(string Field, string Surface)>();
        void Want(string field, string? surface)
        {
            if (!string.IsNullOrWhiteSpace(surface))
            {
                wanted.Add((field, surface));
            }
        }

        Want("trigger", record.Trigger);
        Want("actor1", record.Actor1?.Mention);
        foreach (var a in record.AssocActor1)
        {
            Want("assoc_actor_1", a.Mention);
        }

        Want("actor2", record.Actor2?.Mention);
        foreach (var a in record.AssocActor2)
        {
            Want("assoc_actor_2", a.Mention);
        }

        Want("location", record.LocationAr);
        Want("date", record.DateText);

        // Longest first, so "محافظة تعز" is marked before a shorter overlapping word; overlaps are left out.
        var taken = new List<(int Start, int End, string Field)>();
        var unmarked = new List<string>();
        foreach (var (field, surface) in wanted.OrderByDescending(w => w.Surface.Length))
        {
            var needle = ArabicNormalizer.Normalize(surface.Trim()).Text;
            var found = false;
            for (var at = normalized.Text.IndexOf(needle, StringComparison.Ordinal); at >= 0 && needle.Length > 0;
                 at = normalized.Text.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                var span = normalized.ToOriginal(at, at + needle.Length);
                if (taken.All(t => span.End <= t.Start || span.Start >= t.End))
                {
                    taken.Add((span.Start, span.End, field));
                    found = true;
                    break;
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
