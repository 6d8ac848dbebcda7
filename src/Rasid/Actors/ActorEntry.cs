using Rasid.Documents;

namespace Rasid.Actors;

/// <summary>One actor of the dictionary (a row of data/actors/*.tsv).</summary>
public sealed record ActorEntry
{
    /// <summary>Stable identifier (slug), unique across the dictionary, e.g. "ye.houthis".</summary>
    public required string Id { get; init; }

    /// <summary>Canonical English name in ACLED's style. Generic actors contain "{country}" (e.g. "Civilians ({country})").</summary>
    public required string Name { get; init; }

    /// <summary>Canonical Arabic name.</summary>
    public required string NameAr { get; init; }

    /// <summary>ACLED inter code: 1 state forces, 2 rebels, 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other.</summary>
    public required int Inter { get; init; }

    /// <summary>ISO 3166-1 alpha-2 of the actor's country, or null for generic/transnational actors.</summary>
    public string? Country { get; init; }

    /// <summary>Arabic aliases, partisan words included.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>First day the entry applies (inclusive), or null.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day the entry applies (inclusive), or null.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>True when <see cref="Name"/> is a template with "{country}" filled from the event's country.</summary>
    public bool IsGeneric => Name.Contains("{country}", StringComparison.Ordinal);

    /// <summary>The data file and line the entry came from.</summary>
    public string? Source { get; init; }
}

/// <summary>An actor alias found in the text.</summary>
/// <param name="Span">Half-open span in the normalised text (without leading proclitics).</param>
/// <param name="FirstToken">First token.</param>
/// <param name="EndToken">One past the last token (exclusive).</param>
/// <param name="Actor">The dictionary entry.</param>
public readonly record struct ActorMention(TextSpan Span, int FirstToken, int EndToken, ActorEntry Actor);
