using System.Globalization;
using Rasid.Records;

namespace Rasid.Storage.Exports;

/// <summary>ACLED's derived columns: disorder type, interaction code, and text forms of Rasid fields.</summary>
public static class AcledFields
{
    /// <summary>The 31 columns of ACLED's CSV, in ACLED's order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>
    /// ACLED's disorder type: Protests and violent demonstrations are "Demonstrations", excessive force against protesters is
    /// "Political violence; Demonstrations", Strategic developments are themselves, everything else (Battles, Explosions/Remote
    /// violence, Violence against civilians, mob violence) is "Political violence".
    /// </summary>
    public static string DisorderType(string eventType, string subEventType) => (eventType, subEventType) switch
    {
        ("Protests", "Excessive force against protesters") => "Political violence; Demonstrations",
        ("Protests", _) => "Demonstrations",
        ("Riots", "Violent demonstration") => "Demonstrations",
        ("Strategic developments", _) => "Strategic developments",
        _ => "Political violence",
    };

    /// <summary>
    /// ACLED's interaction code: the two inter codes, smaller digit first (1 and 2 → 12, 7 and 2 → 27); a sole actor gives
    /// its code times ten (protesters alone → 60); no actor gives null.
    /// </summary>
    public static int? Interaction(int? inter1, int? inter2)
    {
        var a = inter1 is > 0 ? inter1 : null;
        var b = inter2 is > 0 ? inter2 : null;
        return (a, b) switch
        {
            ({ } x, { } y) => (Math.Min(x, y) * 10) + Math.Max(x, y),
            ({ } x, null) => x * 10,
            (null, { } y) => y * 10,
            _ => null,
        };
    }

    /// <summary>Names of associated actors joined with "; " as ACLED writes them.</summary>
    public static string JoinActors(IReadOnlyList<ActorRecord> actors) => string.Join("; ", actors.Select(a => a.Name));

    /// <summary>An invariant-culture number, or empty.</summary>
    public static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>An invariant-culture integer, or empty.</summary>
    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>yyyy-MM-dd in the invariant culture (Gregorian), or empty.</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
