using System.Collections;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Places;

/// <summary>
/// The gazetteer of data/gazetteer/: places (places.tsv.gz), admin units (admin.tsv), regional aliases,
/// country names and adjectives, cue words and the stop list, with the phrase matchers built over them. Reading and
/// checking the files is in GazetteerLoader.cs (<see cref="GazetteerBuilder"/>); the result is a compiled snapshot
/// (Gazetteer.Compiled.cs) that this class reads in place: the 60,000 places, the admin units and the name index
/// are looked up where they lie in the mapped file, and a place or unit becomes an object when first asked for.
/// Safe to share across threads.
/// </summary>
public sealed partial class Gazetteer
{
    private readonly CompiledSnapshot _snapshot;
    private readonly int _placeSection;
    private readonly int _adminSection;
    private readonly FrozenStringMap _adminCodes;
    private readonly int _groupHeadSection;
    private readonly int _memberPlaceSection;
    private readonly int _memberNextSection;
    private readonly GazetteerPlace?[]?[] _placeChunks;
    private readonly AdminUnit?[] _adminUnits;
    private readonly Dictionary<string, CountryInfo> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _theatres = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countryPlaces = new(StringComparer.Ordinal);

    /// <summary>Places are made in chunks of this many, when one of them is first asked for.</summary>
    private const int ChunkBits = 10;

    /// <summary>One matcher for place names, cue words and country adjectives, so each token is looked up once.</summary>
    internal PhraseMatcher<LexEntry> Matcher { get; }

    /// <summary>The highest feature prior of each name group, for choosing between clitic readings.</summary>
    internal double GroupWeight(int group)
    {
        var best = 0.0;
        var next = _snapshot.Section<int>(_memberNextSection);
        var place = _snapshot.Section<int>(_memberPlaceSection);
        for (var node = _snapshot.Section<int>(_groupHeadSection)[group]; node >= 0; node = next[node])
        {
            best = Math.Max(best, Place(place[node]).Prior);
        }

        return best;
    }

    /// <summary>Index of the gazetteer's place names (payload: a name group, see <see cref="AddGroupMembers"/>).</summary>
    internal NameIndex Index { get; }

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

    /// <summary>All entries (places, admin units, countries, aliases), by <see cref="GazetteerPlace.Id"/>.</summary>
    public IReadOnlyList<GazetteerPlace> Places { get; }

    /// <summary>The admin unit with gazetteer code <paramref name="code"/>, or null.</summary>
    public AdminUnit? Admin(string? code) => code is not null && _adminCodes.TryGetValue(code, out var index) ? AdminAt(index) : null;

    /// <summary>True when two countries are one theatre of news (countries.tsv, column theatre), or the same country.</summary>
    public bool SameTheatre(string iso2, string? other) =>
        other is not null && (iso2 == other || (_theatres.TryGetValue(iso2, out var a) && _theatres.TryGetValue(other, out var b) && a == b));

    /// <summary>The country with ISO2 <paramref name="iso2"/>, or null.</summary>
    public CountryInfo? CountryOf(string iso2) => _countries.GetValueOrDefault(iso2);

    /// <summary>The gazetteer entry of a country (its centroid), or null.</summary>
    public GazetteerPlace? CountryPlace(string iso2) => _countryPlaces.TryGetValue(iso2, out var id) ? Place(id) : null;

    /// <summary>Adds the place ids of name group <paramref name="group"/> to <paramref name="into"/> (in load order).</summary>
    internal void AddGroupMembers(int group, List<int> into)
    {
        var start = into.Count;
        var next = _snapshot.Section<int>(_memberNextSection);
        var place = _snapshot.Section<int>(_memberPlaceSection);
        for (var node = _snapshot.Section<int>(_groupHeadSection)[group]; node >= 0; node = next[node])
        {
            into.Add(place[node]);
        }

        into.Reverse(start, into.Count - start);
    }

    /// <summary>The place with id <paramref name="id"/>, made from its record when first asked for (one object per place).</summary>
    private GazetteerPlace Place(int id)
    {
        var chunk = Volatile.Read(ref _placeChunks[id >> ChunkBits]);
        if (chunk is null)
        {
            var size = Math.Min(1 << ChunkBits, Places.Count - (id & ~((1 << ChunkBits) - 1)));
            chunk = Interlocked.CompareExchange(ref _placeChunks[id >> ChunkBits], new GazetteerPlace?[size], null) ?? _placeChunks[id >> ChunkBits]!;
        }

        ref var slot = ref chunk[id & ((1 << ChunkBits) - 1)];
        var place = Volatile.Read(ref slot);
        if (place is not null)
        {
            return place;
        }

        var r = _snapshot.Section<PlaceRecord>(_placeSection)[id];
        var made = new GazetteerPlace(
            id, Text(r.NameAr), Text(r.NameEn), Text(r.FeatureType), Text(r.Country), r.Population, r.Latitude, r.Longitude,
            _snapshot.String(r.Admin1), _snapshot.String(r.Admin2), _snapshot.String(r.Admin3));
        return Interlocked.CompareExchange(ref slot, made, null) ?? made;
    }

    private AdminUnit AdminAt(int index)
    {
        ref var slot = ref _adminUnits[index];
        var unit = Volatile.Read(ref slot);
        if (unit is not null)
        {
            return unit;
        }

        var r = _snapshot.Section<AdminRecord>(_adminSection)[index];
        var made = new AdminUnit(Text(r.Code), Text(r.Level), Text(r.Country), Text(r.NameEn), Text(r.NameAr), _snapshot.String(r.Iso));
        return Interlocked.CompareExchange(ref slot, made, null) ?? made;
    }

    private string Text(int id) => _snapshot.String(id) ?? throw new InvalidDataException("a required gazetteer string is null");

    /// <summary>The places by id, each made when first asked for.</summary>
    private sealed class PlaceList(Gazetteer gazetteer, int count) : IReadOnlyList<GazetteerPlace>
    {
        public int Count => count;

        public GazetteerPlace this[int index] => (uint)index < (uint)count
            ? gazetteer.Place(index)
            : throw new ArgumentOutOfRangeException(nameof(index), index, "no such place");

        public IEnumerator<GazetteerPlace> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return gazetteer.Place(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
