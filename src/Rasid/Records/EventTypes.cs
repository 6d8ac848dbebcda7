namespace Rasid.Records;

/// <summary>
/// ACLED's event-type names and the one hierarchy between them: an event coded from several kinds of violence takes
/// the highest type. Used by the in-document merge (Events) and the cross-document merge (Dedup).
/// </summary>
public static class EventTypes
{
    /// <summary>Battles.</summary>
    public const string Battles = "Battles";

    /// <summary>Protests.</summary>
    public const string Protests = "Protests";

    /// <summary>Riots.</summary>
    public const string Riots = "Riots";

    /// <summary>Explosions/Remote violence.</summary>
    public const string RemoteViolence = "Explosions/Remote violence";

    /// <summary>Violence against civilians.</summary>
    public const string ViolenceAgainstCivilians = "Violence against civilians";

    /// <summary>Strategic developments.</summary>
    public const string StrategicDevelopments = "Strategic developments";

    /// <summary>The event types from highest to lowest.</summary>
    public static IReadOnlyList<string> Hierarchy { get; } =
        [Battles, RemoteViolence, ViolenceAgainstCivilians, Protests, Riots, StrategicDevelopments];

    /// <summary>Rank of <paramref name="eventType"/> in <see cref="Hierarchy"/> (0 is highest); unknown types rank last.</summary>
    public static int Rank(string eventType) => eventType switch
    {
        Battles => 0,
        RemoteViolence => 1,
        ViolenceAgainstCivilians => 2,
        Protests => 3,
        Riots => 4,
        StrategicDevelopments => 5,
        _ => 6,
    };
}
