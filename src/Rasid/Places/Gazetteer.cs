using Rasid.Text;

namespace Rasid.Places;

/// <summary>
/// The gazetteer of data/gazetteer/: places (places.tsv.gz), admin units (admin.tsv), regional aliases,
/// country names and adjectives, cue words and the stop list, with the phrase matchers built over them. Loading and
/// checking the files is in GazetteerLoader.cs.
/// </summary>
public sealed partial class Gazetteer
{
    private readonly List<GazetteerPlace> _places = new(65_536);
    private readonly Dictionary<string, AdminUnit> _admins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountryInfo> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Level, string Code), GazetteerPlace> _adminPlaces = [];
    private readonly Dictionary<string, GazetteerPlace> _countryPlaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _internedLookup;

    private Gazetteer()
    {
        _internedLookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>One matcher for place names, cue words and country adjectives, so each token is looked up once.</summary>
    internal PhraseMatcher<LexEntry> Matcher { get; } = new();

    /// <summary>Place ids of each name group (one matcher phrase per distinct name) by <see cref="LexEntry.Index"/>.</summary>
    private readonly List<int> _groupHead = new(70_000);
    private readonly List<int> _memberPlace = new(100_000);
    private readonly List<int> _memberNext = new(100_000);

    /// <summary>The highest feature prior of each name group, for choosing between clitic readings.</summary>
    internal double GroupWeight(int group)
    {
        var best = 0.0;
        for (var node = _groupHead[group]; node >= 0; node = _memberNext[node])
        {
            best = Math.Max(best, _places[_memberPlace[node]].Prior);
        }

        return best;
    }

    /// <summary>Index of the gazetteer's place names (payload: a name group, see <see cref="AddGroupMembers"/>).</summary>
    internal NameIndex Index { get; } = new(80_000);

    /// <summary>Cue words by <see cref="LexEntry.Index"/>.</summary>
    internal List<PlaceCue> CueList { get; } = [];

    /// <summary>Adjective countries (ISO2) by <see cref="LexEntry.Index"/>.</summary>
    internal List<string> AdjectiveList { get; } = [];

    /// <summary>Context words around place names by kind (context_words.tsv: preposition, destination, origin, landmark ...), normalised.</summary>
    internal Dictionary<string, HashSet<string>> ContextWords { get; } = new(StringComparer.Ordinal);

    /// <summary>The kinds of context_words.tsv the rules use; the loader rejects any other kind and a kind without words.</summary>
    internal static readonly string[] ContextKinds =
    [
        "preposition", "destination", "source", "stretch", "distance", "origin", "landmark", "name_part", "occasion", "metonym",
        "idiom", "link_gap", "anaphor_admin1", "anaphor_admin2", "anaphor_town",
    ];

    /// <summary>The context words of <paramref name="kind"/>, one of <see cref="ContextKinds"/>.</summary>
    internal HashSet<string> Context(string kind) => ContextKinds.Contains(kind, StringComparer.Ordinal)
        ? ContextWords[kind]
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a context-word kind");

    /// <summary>Normalised exact forms never recognised as a place on their own.</summary>
    internal HashSet<string> StopWords { get; } = new(StringComparer.Ordinal);

    /// <summary>All entries (places, admin units, countries, aliases).</summary>
    public IReadOnlyList<GazetteerPlace> Places => _places;

    /// <summary>The admin unit with gazetteer code <paramref name="code"/>, or null.</summary>
    public AdminUnit? Admin(string? code) => code is not null && _admins.TryGetValue(code, out var a) ? a : null;

    private readonly Dictionary<string, string> _theatres = new(StringComparer.Ordinal);

    /// <summary>True when two countries are one theatre of news (countries.tsv, column theatre), or the same country.</summary>
    public bool SameTheatre(string iso2, string? other) =>
        other is not null && (iso2 == other || (_theatres.TryGetValue(iso2, out var a) && _theatres.TryGetValue(other, out var b) && a == b));

    /// <summary>The country with ISO2 <paramref name="iso2"/>, or null.</summary>
    public CountryInfo? CountryOf(string iso2) => _countries.GetValueOrDefault(iso2);

    /// <summary>The gazetteer entry of a country (its centroid), or null.</summary>
    public GazetteerPlace? CountryPlace(string iso2) => _countryPlaces.GetValueOrDefault(iso2);
    /// <summary>Adds the place ids of name group <paramref name="group"/> to <paramref name="into"/> (in load order).</summary>
    internal void AddGroupMembers(int group, List<int> into)
    {
        var start = into.Count;
        for (var node = _groupHead[group]; node >= 0; node = _memberNext[node])
        {
            into.Add(_memberPlace[node]);
        }

        into.Reverse(start, into.Count - start);
    }
}
