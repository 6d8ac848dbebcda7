using System.Runtime.InteropServices;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Places;

/// <summary>
/// The gazetteer's compiled snapshot (<see cref="CompiledData"/>). What <see cref="GazetteerBuilder"/> built from the
/// text files is written as it is: the places and admin units as arrays of records, the name index and the admin codes
/// as <see cref="FrozenStringMap"/>s, the name groups as three int arrays, and the small lists (countries, cue words,
/// context and stop words, the matcher of cues, adjectives and aliases, transliteration) in the sequential stream.
/// </summary>
internal sealed partial class GazetteerBuilder
{
    /// <summary>Every file <see cref="Parse"/> reads: the key of the snapshot.</summary>
    internal static readonly IReadOnlyList<string> SourceFiles =
    [
        "gazetteer/admin.tsv", "gazetteer/extra_admins.tsv", "gazetteer/countries.tsv", "gazetteer/stopwords.txt",
        "gazetteer/places.tsv.gz", "gazetteer/extra_places.tsv", "gazetteer/aliases.tsv", "gazetteer/cues.tsv",
        "gazetteer/context_words.tsv", Transliteration.Path,
    ];

    /// <summary>Writes everything the gazetteer needs (the order <see cref="Gazetteer.Open"/> reads).</summary>
    internal CompiledWriter Compile()
    {
        var w = new CompiledWriter();
        var places = new PlaceRecord[_places.Count];
        for (var i = 0; i < places.Length; i++)
        {
            var p = _places[i];
            if (p.Id != i)
            {
                throw new InvalidOperationException($"place {i} has id {p.Id}");
            }

            places[i] = new PlaceRecord(
                w.StringId(p.NameAr), w.StringId(p.NameEn), w.StringId(p.FeatureType), w.StringId(p.Country),
                w.StringId(p.Admin1Code), w.StringId(p.Admin2Code), w.StringId(p.Admin3Code), 0, p.Population, p.Latitude, p.Longitude);
        }

        w.Write(w.AddSection<PlaceRecord>(places));

        var admins = new AdminRecord[_admins.Count];
        var adminCodes = new Dictionary<string, int>(_admins.Count, StringComparer.Ordinal);
        foreach (var (code, unit) in _admins)
        {
            admins[adminCodes.Count] = new AdminRecord(
                w.StringId(unit.Code), w.StringId(unit.Level), w.StringId(unit.Country), w.StringId(unit.NameEn), w.StringId(unit.NameAr), w.StringId(unit.Iso));
            adminCodes.Add(code, adminCodes.Count);
        }

        w.Write(w.AddSection<AdminRecord>(admins));
        w.Write(FrozenStringMap.Write(w, adminCodes));

        w.Write(_countries.Count);
        foreach (var (iso, country) in _countries)
        {
            w.Write(iso);
            w.Write(country.Iso2);
            w.Write(country.NameEn);
        }

        w.Write(_theatres.Count);
        foreach (var (iso, theatre) in _theatres)
        {
            w.Write(iso);
            w.Write(theatre);
        }

        w.Write(_countryPlaces.Count);
        foreach (var (iso, place) in _countryPlaces)
        {
            w.Write(iso);
            w.Write(place.Id);
        }

        Matcher.Write(w, static (w, entry) =>
        {
            w.Write((byte)entry.Kind);
            w.Write(entry.Index);
        });
        w.Write(w.AddSection<int>(CollectionsMarshal.AsSpan(_groupHead)));
        w.Write(w.AddSection<int>(CollectionsMarshal.AsSpan(_memberPlace)));
        w.Write(w.AddSection<int>(CollectionsMarshal.AsSpan(_memberNext)));
        var (keys, filter) = Index.Write(w);
        w.Write(keys);
        w.Write(filter);

        w.Write(CueList.Count);
        foreach (var cue in CueList)
        {
            w.Write(cue.Kind);
            w.Write(cue.Value);
            w.Write(cue.Keep);
            w.Write(cue.Plural);
        }

        w.Write(AdjectiveList);
        w.Write(ContextWords.Count);
        foreach (var (kind, words) in ContextWords)
        {
            w.Write(kind);
            w.Write(words);
        }

        w.Write(StopWords);
        Transliteration.Write(w);
        return w;
    }
}

public sealed partial class Gazetteer
{
    /// <summary>The gazetteer of a snapshot <see cref="GazetteerBuilder.Compile"/> wrote.</summary>
    internal static Gazetteer Open(CompiledSnapshot snapshot)
    {
        var reader = snapshot.Reader();
        var gazetteer = new Gazetteer(snapshot, reader);
        reader.ExpectEnd();
        return gazetteer;
    }

    private Gazetteer(CompiledSnapshot snapshot, CompiledReader r)
    {
        _snapshot = snapshot;
        _placeSection = r.ReadInt32();
        var places = snapshot.Section<PlaceRecord>(_placeSection).Length;
        Places = new PlaceList(this, places);
        _placeChunks = new GazetteerPlace?[]?[(places >> ChunkBits) + 1];
        _adminSection = r.ReadInt32();
        _adminUnits = new AdminUnit?[snapshot.Section<AdminRecord>(_adminSection).Length];
        _adminCodes = new FrozenStringMap(snapshot, r.ReadInt32());

        for (var i = r.ReadCount(); i > 0; i--)
        {
            _countries.Add(r.ReadRequiredString(), new CountryInfo(r.ReadRequiredString(), r.ReadRequiredString()));
        }

        for (var i = r.ReadCount(); i > 0; i--)
        {
            _theatres.Add(r.ReadRequiredString(), r.ReadRequiredString());
        }

        for (var i = r.ReadCount(); i > 0; i--)
        {
            var iso = r.ReadRequiredString();
            var id = r.ReadInt32();
            _countryPlaces.Add(iso, (uint)id < (uint)places ? id : throw new InvalidDataException($"no place {id}"));
        }

        Matcher = PhraseMatcher<LexEntry>.Read(r, static r => new LexEntry((LexKind)r.ReadByte(), r.ReadInt32()));
        _groupHeadSection = r.ReadInt32();
        _memberPlaceSection = r.ReadInt32();
        _memberNextSection = r.ReadInt32();
        if (snapshot.Section<int>(_memberPlaceSection).Length != snapshot.Section<int>(_memberNextSection).Length)
        {
            throw new InvalidDataException("the name groups' member lists differ in length");
        }

        Index = new NameIndex(snapshot, r.ReadInt32(), r.ReadInt32());

        for (var i = r.ReadCount(); i > 0; i--)
        {
            CueList.Add(new PlaceCue(r.ReadRequiredString(), r.ReadRequiredString(), r.ReadBoolean(), r.ReadBoolean()));
        }

        AdjectiveList.AddRange(r.ReadStringList());
        for (var i = r.ReadCount(); i > 0; i--)
        {
            var kind = r.ReadRequiredString();
            ContextWords.Add(kind, new HashSet<string>(r.ReadStringList(), StringComparer.Ordinal));
        }

        StopWords.UnionWith(r.ReadStringList());
        Transliteration = Transliteration.Read(r);
    }
}

/// <summary>A place of the snapshot: ids of its strings in the pool (-1 for none), population and coordinates.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct PlaceRecord(
    int NameAr, int NameEn, int FeatureType, int Country, int Admin1, int Admin2, int Admin3, int Reserved,
    long Population, double Latitude, double Longitude);

/// <summary>An admin unit of the snapshot: ids of its strings in the pool (-1 for none).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct AdminRecord(int Code, int Level, int Country, int NameEn, int NameAr, int Iso);
