using System.Text;
using Rasid.Records;

namespace Rasid.Storage;

/// <summary>
/// Removes bidi and zero-width control characters (U+200B–U+200F, U+202A–U+202E, U+2060, U+2066–U+2069, U+061C, U+FEFF)
/// from stored metadata and event fields, so they never leak into the database or exports. Document texts are stored as
/// read, because evidence offsets point into them.
/// </summary>
public static class ControlCharacters
{
    /// <summary>True for a character this class removes.</summary>
    public static bool IsControl(char c) =>
        c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or '\u2060' or (>= '\u2066' and <= '\u2069') or '\u061C' or '\uFEFF';

    /// <summary><paramref name="text"/> without control characters (the same instance when it has none; null stays null).</summary>
    public static string? Strip(string? text)
    {
        if (text is null || !text.Any(IsControl))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A copy of <paramref name="record"/> with every text field stripped (offsets and numbers unchanged).</summary>
    public static EventRecord Strip(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record with
        {
            EventType = Strip(record.EventType)!,
            SubEventType = Strip(record.SubEventType)!,
            DateText = Strip(record.DateText),
            Actor1 = Strip(record.Actor1),
            Actor2 = Strip(record.Actor2),
            AssocActor1 = record.AssocActor1.Select(a => Strip(a)!).ToList(),
            AssocActor2 = record.AssocActor2.Select(a => Strip(a)!).ToList(),
            Country = Strip(record.Country),
            Admin1 = Strip(record.Admin1),
            Admin2 = Strip(record.Admin2),
            Admin3 = Strip(record.Admin3),
            Location = Strip(record.Location),
            LocationAr = Strip(record.LocationAr),
            Tags = record.Tags.Select(t => Strip(t)!).ToList(),
            Notes = Strip(record.Notes),
            Evidence = record.Evidence with { Text = Strip(record.Evidence.Text) },
            Trigger = Strip(record.Trigger),
        };
    }

    private static ActorRecord? Strip(ActorRecord? actor) =>
        actor is null ? null : actor with { Name = Strip(actor.Name)!, NameAr = Strip(actor.NameAr), Mention = Strip(actor.Mention) };
}
