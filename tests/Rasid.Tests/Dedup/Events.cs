using Rasid.Dedup;
using Rasid.Records;

namespace Rasid.Tests.Dedup;

/// <summary>Hand-built events and mentions for dedup, storage and export tests (fictional figures, real place codes).</summary>
internal static class Events
{
    public static ActorRecord Actor(string name, int inter, string? nameAr = null) => new() { Name = name, Inter = inter, NameAr = nameAr, Mention = nameAr };

    /// <summary>A clash in Taizz city (Al Qahirah district) on 2024-03-15 between Houthis and government forces.</summary>
    public static EventRecord Clash(int? fatalities = 5, string? date = "2024-03-15") => new()
    {
        EventType = "Battles",
        SubEventType = "Armed clash",
        Date = date,
        DatePrecision = date is null ? null : 1,
        DateText = date is null ? null : "الجمعة",
        Actor1 = Actor("Houthis", 2, "الحوثي"),
        Actor2 = Actor("Military Forces of Yemen", 1, "الجيش"),
        Country = "Yemen",
        Iso2 = "YE",
        Admin1 = "Taizz",
        Admin1Code = "YE-TA",
        Admin2 = "Al Qahirah",
        Location = "Taizz",
        LocationAr = "تعز",
        Latitude = 13.5795,
        Longitude = 44.0209,
        GeoPrecision = 1,
        Fatalities = fatalities,
        Evidence = new EvidenceRecord { Start = 0, End = 40, Text = "اشتباكات في تعز" },
    };

    public static DedupMention Mention(string documentId, EventRecord record, int ordinal = 0, string? publisher = null, string? published = "2024-03-16") =>
        new(DedupMention.MakeKey(documentId, ordinal), documentId, publisher ?? "Outlet " + documentId, "https://example.org/" + documentId,
            published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), record);

    public static DocumentResult Document(string id, string? published, params EventRecord[] events) => new()
    {
        DocId = id,
        Published = published,
        Publisher = "Outlet " + id,
        Url = "https://example.org/" + id,
        Relevant = events.Length > 0,
        RelevanceScore = events.Length > 0 ? 0.9 : 0.1,
        Events = events,
        Text = "نص الخبر " + id,
    };
}
