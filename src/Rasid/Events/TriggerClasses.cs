namespace Rasid.Events;

/// <summary>
/// The trigger class names the event rules refer to (column class of data/events/trigger_classes.tsv). The lexicon checks
/// at load time that every one of them is a row of that file, so a renamed or misspelt class fails there.
/// </summary>
public static class TriggerClasses
{
    /// <summary>Class "clash".</summary>
    public const string Clash = "clash";

    /// <summary>Class "attack".</summary>
    public const string Attack = "attack";

    /// <summary>Class "kill".</summary>
    public const string Kill = "kill";

    /// <summary>Class "assassination".</summary>
    public const string Assassination = "assassination";

    /// <summary>Class "execution".</summary>
    public const string Execution = "execution";

    /// <summary>Class "air".</summary>
    public const string Air = "air";

    /// <summary>Class "air_agent".</summary>
    public const string AirAgent = "air_agent";

    /// <summary>Class "shelling".</summary>
    public const string Shelling = "shelling";

    /// <summary>Class "bombard".</summary>
    public const string Bombard = "bombard";

    /// <summary>Class "explosive".</summary>
    public const string Explosive = "explosive";

    /// <summary>Class "explosion".</summary>
    public const string Explosion = "explosion";

    /// <summary>Class "suicide".</summary>
    public const string Suicide = "suicide";

    /// <summary>Class "grenade".</summary>
    public const string Grenade = "grenade";

    /// <summary>Class "chemical".</summary>
    public const string Chemical = "chemical";

    /// <summary>Class "abduction".</summary>
    public const string Abduction = "abduction";

    /// <summary>Class "arrest".</summary>
    public const string Arrest = "arrest";

    /// <summary>Class "takeover".</summary>
    public const string Takeover = "takeover";

    /// <summary>Class "liberation".</summary>
    public const string Liberation = "liberation";

    /// <summary>Class "withdrawal".</summary>
    public const string Withdrawal = "withdrawal";

    /// <summary>Class "agreement".</summary>
    public const string Agreement = "agreement";

    /// <summary>Class "release".</summary>
    public const string Release = "release";

    /// <summary>Class "exchange".</summary>
    public const string Exchange = "exchange";

    /// <summary>Class "surrender".</summary>
    public const string Surrender = "surrender";

    /// <summary>Class "protest".</summary>
    public const string Protest = "protest";

    /// <summary>Class "protest_intervention".</summary>
    public const string ProtestIntervention = "protest_intervention";

    /// <summary>Class "riot".</summary>
    public const string Riot = "riot";

    /// <summary>Class "disrupt".</summary>
    public const string Disrupt = "disrupt";

    /// <summary>Class "looting".</summary>
    public const string Looting = "looting";

    /// <summary>Every class name above.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(TriggerClasses)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}
