using Rasid.Text;


namespace Rasid.Actors;

/// <summary>One actor of the dictionary (a row of data/actors/*.tsv).</summary>
public sealed record ActorEntry
{
    private const string CountryPlaceholder = "{country}";

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

    /// <summary>Arabic aliases as written in the data file, partisan words included, without context markers.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// Aliases that only count when the document's context includes one of the listed ISO2 countries
    /// (written <c>~alias</c> for the entry's own country or <c>alias@YE,SA</c> in the data). Keys are the aliases as in <see cref="Aliases"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AliasContexts { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>
    /// Aliases written with a leading <c>=</c>: their first word must carry the article ال exactly when the alias does
    /// (<c>=القاعدة</c> is Al Qaeda, but "قاعدة العند" is a military base; <c>=حماس</c> is Hamas, "الحماس" is enthusiasm).
    /// </summary>
    public IReadOnlySet<string> ExactArticleAliases { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>First day the entry applies (inclusive), or null.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day the entry applies (inclusive), or null.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>
    /// Id of the generic entry this country-specific entry stands in for once the country is known
    /// (column <c>generic</c>): "الجيش" read in Yemen resolves from "Military Forces of {country}" to this entry.
    /// </summary>
    public string? Specializes { get; init; }

    /// <summary>
    /// Countries besides its own where this entry stands in for <see cref="Specializes"/> (column <c>generic</c> written
    /// "gen.military@PS"): the Israeli army for "الجيش" or "المدفعية" read in Gaza, where no Palestinian army exists.
    /// </summary>
    public IReadOnlyList<string> AlsoStandsInFor { get; init; } = [];

    /// <summary>The free-text note of the data row (sources, caveats).</summary>
    public string? Note { get; init; }

    /// <summary>True when <see cref="Name"/> is a template with "{country}" filled from the event's country.</summary>
    public bool IsGeneric => Name.Contains(CountryPlaceholder, StringComparison.Ordinal);

    /// <summary>
    /// True when the entry names a country's own actor that hints at where a document is set: not generic,
    /// has a <see cref="Country"/>, and is not an external force (inter 8, e.g. US forces abroad).
    /// </summary>
    public bool GivesCountryHint => !IsGeneric && Country is not null && Inter != 8;

    /// <summary>The data file and line the entry came from.</summary>
    public string? Source { get; init; }

    /// <summary>True when <paramref name="date"/> lies within [<see cref="ValidFrom"/>, <see cref="ValidTo"/>] (open ends always match).</summary>
    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || date >= ValidFrom.Value) && (ValidTo is null || date <= ValidTo.Value);

    /// <summary>
    /// The name to output. For generic entries "{country}" is filled with <paramref name="countryName"/>; when the
    /// country is unknown the placeholder is dropped with its wrapping: "Civilians ({country})" → "Civilians",
    /// "Military Forces of {country}" → "Military Forces". Non-generic entries return <see cref="Name"/>.
    /// </summary>
    public string DisplayName(string? countryName)
    {
        if (!IsGeneric)
        {
            return Name;
        }

        if (!string.IsNullOrWhiteSpace(countryName))
        {
            return Name.Replace(CountryPlaceholder, countryName.Trim(), StringComparison.Ordinal);
        }

        var s = Name
            .Replace(" (" + CountryPlaceholder + ")", string.Empty, StringComparison.Ordinal)
            .Replace(" of " + CountryPlaceholder, string.Empty, StringComparison.Ordinal)
            .Replace(CountryPlaceholder + " ", string.Empty, StringComparison.Ordinal)
            .Replace(CountryPlaceholder, string.Empty, StringComparison.Ordinal);
        return s.Trim();
    }
}

/// <summary>An actor alias found in the text.</summary>
/// <param name="Span">Half-open span in the normalised text (without leading proclitics).</param>
/// <param name="FirstToken">First token.</param>
/// <param name="EndToken">One past the last token (exclusive).</param>
/// <param name="Actor">The preferred dictionary entry (first of <see cref="Candidates"/>).</param>
public readonly record struct ActorMention(TextSpan Span, int FirstToken, int EndToken, ActorEntry Actor)
{
    private readonly IReadOnlyList<ActorEntry>? _candidates;

    /// <summary>
    /// Every entry the alias may name, preferred first (entries of the document's context countries before others).
    /// Several when an alias is shared ("الجيش الوطني": Yemen and Libya; validity-split entries); pick with
    /// <see cref="ActorDictionary.Resolve"/>. Defaults to just <see cref="Actor"/>.
    /// </summary>
    public IReadOnlyList<ActorEntry> Candidates
    {
        get => _candidates ?? [Actor];
        init => _candidates = value;
    }

    /// <summary>
    /// Entries the same words name in other countries, through a context-bound alias the text did not enable
    /// ("الجيش الوطني@LY" when the text shows no Libyan word), each with the countries that enable it.
    /// <see cref="ActorDictionary.Resolve"/> takes one when the event's or document's country is among them. Empty by default.
    /// </summary>
    public IReadOnlyList<(ActorEntry Entry, IReadOnlyList<string> Countries)> Conditional { get; init; } = [];

    /// <summary>
    /// <see cref="Candidates"/> that a context-bound alias named, with the countries that alias is bound to
    /// (<c>التحالف@YE,SA</c>): in an event of one of them the entry counts as that country's own reading. Empty by default.
    /// </summary>
    public IReadOnlyList<(ActorEntry Entry, IReadOnlyList<string> Countries)> Bound { get; init; } = [];

    /// <summary>
    /// Whether the words name actors of more than one country in this text's context (<see cref="Candidates"/> of
    /// different countries, e.g. "الجيش الوطني" with Yemeni and Libyan places): such a mention says nothing about the
    /// document's country (<see cref="ActorDictionary.CountryHints"/>).
    /// </summary>
    public bool SharedAcrossCountries { get; init; }
}
