using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Places;

public sealed partial class Gazetteer
{
    /// <summary>
    /// Loads every gazetteer file from <paramref name="data"/> (folder gazetteer/): maps its compiled snapshot while
    /// the files and the code are unchanged, else reads and checks the files and writes the snapshot (<see cref="CompiledData"/>).
    /// </summary>
    public static Gazetteer Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return CompiledData.Load(data, "gazetteer", GazetteerBuilder.SourceFiles, () => GazetteerBuilder.Parse(data).Compile(), Open);
    }
}

/// <summary>
/// The gazetteer's loader: reads and checks every file of data/gazetteer/ and builds the name index and phrase matcher,
/// which <see cref="Compile"/> writes as the <see cref="Gazetteer"/>'s snapshot. places.tsv.gz (60,000+ rows) is read
/// by a tuned two-stage path (a pool thread inflates and parses rows while this thread indexes names).
/// </summary>
internal sealed partial class GazetteerBuilder
{
    private readonly List<GazetteerPlace> _places = new(65_536);
    private readonly Dictionary<string, AdminUnit> _admins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountryInfo> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Level, string Code), GazetteerPlace> _adminPlaces = [];
    private readonly Dictionary<string, GazetteerPlace> _countryPlaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _theatres = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _internedLookup;

    /// <summary>Place ids of each name group (one index key per distinct name) as linked lists in three flat lists.</summary>
    private readonly List<int> _groupHead = new(70_000);
    private readonly List<int> _memberPlace = new(100_000);
    private readonly List<int> _memberNext = new(100_000);

    private GazetteerBuilder()
    {
        _internedLookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every place, by id (what <see cref="Gazetteer.Places"/> serves).</summary>
    internal IReadOnlyList<GazetteerPlace> Places => _places;

    /// <summary>Admin units by code.</summary>
    internal IReadOnlyDictionary<string, AdminUnit> Admins => _admins;

    /// <summary>Countries by ISO2.</summary>
    internal IReadOnlyDictionary<string, CountryInfo> Countries => _countries;

    /// <summary>Theatres by ISO2.</summary>
    internal IReadOnlyDictionary<string, string> Theatres => _theatres;

    /// <summary>The entry of each country, by ISO2.</summary>
    internal IReadOnlyDictionary<string, GazetteerPlace> CountryPlaces => _countryPlaces;

    /// <summary>Number of name groups.</summary>
    internal int GroupCount => _groupHead.Count;

    /// <summary>The place ids of name group <paramref name="group"/>, in load order (as <see cref="Gazetteer.AddGroupMembers"/> gives them).</summary>
    internal List<int> GroupMembers(int group)
    {
        var ids = new List<int>();
        for (var node = _groupHead[group]; node >= 0; node = _memberNext[node])
        {
            ids.Add(_memberPlace[node]);
        }

        ids.Reverse();
        return ids;
    }

    internal PhraseMatcher<LexEntry> Matcher { get; } = new();

    internal NameIndexBuilder Index { get; } = new(80_000);

    internal List<PlaceCue> CueList { get; } = [];

    internal List<string> AdjectiveList { get; } = [];

    internal Dictionary<string, HashSet<string>> ContextWords { get; } = new(StringComparer.Ordinal);

    internal HashSet<string> StopWords { get; } = new(StringComparer.Ordinal);

    internal Transliteration Transliteration { get; private set; } = Transliteration.Empty;

    /// <summary>Reads and checks every gazetteer file: the text path of <see cref="Gazetteer.Load"/>.</summary>
    internal static GazetteerBuilder Parse(IDataSource data)
    {
        var g = new GazetteerBuilder();

        // The admin units depend on nothing else and nothing else reads them while loading: they are parsed on a
        // pool thread while the places load.
        var adminFiles = ReadAdminFiles(data);
        var admins = Task.Run(() => g.LoadAdmins(adminFiles));
        g.LoadCountries(data);
        g.LoadStopWords(data);
        g.LoadPlaces(data);
        g.LoadExtraPlaces(data);
        g.LoadAliases(data);
        g.LoadCues(data);
        g.LoadContextWords(data);
        g.Transliteration = Transliteration.Load(data);
        admins.GetAwaiter().GetResult();
        g.CheckFeatureTypes();
        return g;
    }

    /// <summary>The text of admin.tsv and extra_admins.tsv, read on the calling thread (the data source need not be thread-safe).</summary>
    private static List<(string Path, string Text)> ReadAdminFiles(IDataSource data)
    {
        var files = new List<(string Path, string Text)>(2);
        foreach (var path in (ReadOnlySpan<string>)["gazetteer/admin.tsv", "gazetteer/extra_admins.tsv"])
        {
            if (files.Count > 0 && !data.Exists(path))
            {
                continue;
            }

            using var reader = new StreamReader(data.Open(path), Encoding.UTF8);
            files.Add((path, reader.ReadToEnd()));
        }

        return files;
    }

    private void LoadAdmins(List<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            foreach (var row in TsvReader.Read(new StringReader(text), path))
            {
                var unit = new AdminUnit(row["code"], row["level"], row["country"], row["name_en"], row["name_ar"], row.Optional("iso3166_2"));
                _admins[unit.Code] = unit;
            }
        }
    }

    private void LoadCountries(IDataSource data)
    {
        foreach (var row in TsvReader.Read(data, "gazetteer/countries.tsv"))
        {
            var iso = row["iso2"];
            _countries[iso] = new CountryInfo(iso, row["name_en"]);
            if (row.Optional("theatre") is { } theatre)
            {
                _theatres[iso] = theatre;
            }

            foreach (var adjective in row.List("adjectives"))
            {
                AddPhrase(adjective, new LexEntry(LexKind.Adjective, AdjectiveList.Count));
                AdjectiveList.Add(iso);
            }
        }
    }

    private void LoadStopWords(IDataSource data)
    {
        using var reader = new StreamReader(data.Open("gazetteer/stopwords.txt"), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                StopWords.Add(ArabicNormalizer.NormalizeKey(word));
            }
        }
    }

    /// <summary>
    /// Loads places.tsv.gz in two stages that overlap: a pool thread inflates and decodes the file, cuts it into
    /// rows and makes each row's <see cref="GazetteerPlace"/> (<see cref="ReadPlaceRows"/>); this thread indexes the
    /// names in file order (<see cref="IndexPlace"/>). They hand over blocks of whole lines.
    /// </summary>
    private void LoadPlaces(IDataSource data)
    {
        var stream = data.Open("gazetteer/places.tsv.gz"); // opened here: the data source need not be thread-safe
        using var blocks = new BlockingCollection<PlaceBlock>(boundedCapacity: 8);
        var spare = new ConcurrentQueue<PlaceBlock>();
        using var cancel = new CancellationTokenSource();
        var firstId = _places.Count;
        var reading = Task.Run(() => ReadPlaceRows(stream, firstId, blocks, spare, cancel.Token));
        var done = false;
        try
        {
            foreach (var block in blocks.GetConsumingEnumerable(cancel.Token))
            {
                var chars = block.Chars.AsSpan();
                for (var i = 0; i < block.Places.Count; i++)
                {
                    IndexPlace(block.Places[i], chars[block.Names[i]]);
                }

                block.Places.Clear();
                block.Names.Clear();
                spare.Enqueue(block);
            }

            done = true;
        }
        finally
        {
            if (!done)
            {
                cancel.Cancel();
                try
                {
                    reading.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // the reader was cancelled or failed too; the indexing error is the one thrown
                }
            }
        }

        reading.GetAwaiter().GetResult(); // the reader's error, if any
    }

    /// <summary>A block of whole lines of places.tsv and the places made from them, with each one's names cell.</summary>
    private sealed class PlaceBlock
    {
        /// <summary>32K characters (64 KB): below the large object heap threshold.</summary>
        public char[] Chars = new char[1 << 15];

        public readonly List<GazetteerPlace> Places = new(512);

        public readonly List<Range> Names = new(512);
    }

    private void ReadPlaceRows(Stream file, int firstId, BlockingCollection<PlaceBlock> blocks, ConcurrentQueue<PlaceBlock> spare, CancellationToken cancel)
    {
        try
        {
            using var stream = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new StreamReader(stream, Encoding.UTF8, false, 1 << 16);
            var id = firstId;
            var header = true; // names_ar name_en feature_type country population lat lon admin1 admin2 admin3
            var block = new PlaceBlock();
            var filled = 0;
            while (true)
            {
                var read = reader.Read(block.Chars, filled, block.Chars.Length - filled);
                filled += read;
                var end = read == 0 ? filled : block.Chars.AsSpan(0, filled).LastIndexOf('\n') + 1;
                if (end == 0 && read > 0)
                {
                    if (filled == block.Chars.Length)
                    {
                        Array.Resize(ref block.Chars, block.Chars.Length * 2); // a line longer than the block
                    }

                    continue;
                }

                // Whole lines go to the indexer; the incomplete last line starts the next block.
                var next = spare.TryDequeue(out var reused) ? reused : new PlaceBlock();
                if (next.Chars.Length < filled - end)
                {
                    next.Chars = new char[block.Chars.Length];
                }

                block.Chars.AsSpan(end, filled - end).CopyTo(next.Chars);
                var start = 0;
                while (start < end)
                {
                    var newline = block.Chars.AsSpan(start, end - start).IndexOf('\n');
                    var length = newline < 0 ? end - start : newline;
                    var line = block.Chars.AsSpan(start, length);
                    if (header)
                    {
                        header = false;
                    }
                    else if (MakePlace(line.EndsWith('\r') ? line[..^1] : line, id) is { } place)
                    {
                        id++;
                        block.Places.Add(place);
                        var names = line.IndexOf('\t'); // MakePlace found at least ten cells
                        block.Names.Add(new Range(start, start + names));
                    }

                    start += length + 1;
                }

                blocks.Add(block, cancel);
                if (read == 0)
                {
                    break;
                }

                filled -= end;
                block = next;
            }
        }
        finally
        {
            blocks.CompleteAdding();
        }
    }

    /// <summary>The place of one row of places.tsv with id <paramref name="id"/>, or null for a row with fewer than ten cells.</summary>
    private GazetteerPlace? MakePlace(ReadOnlySpan<char> row, int id)
    {
        Span<Range> cells = stackalloc Range[11];
        if (TsvSpans.SplitTabs(row, cells) < 10)
        {
            return null;
        }

        var namesCell = row[cells[0]];
        var bar = namesCell.IndexOf('|');
        var population = row[cells[4]];
        return new GazetteerPlace(
            id, (bar < 0 ? namesCell : namesCell[..bar]).ToString(), row[cells[1]].ToString(), Intern(row[cells[2]])!, Intern(row[cells[3]])!,
            population.IsEmpty ? 0 : long.Parse(population, CultureInfo.InvariantCulture),
            TsvSpans.ParseDouble(row[cells[5]]), TsvSpans.ParseDouble(row[cells[6]]),
            Intern(row[cells[7]]), Intern(row[cells[8]]), Intern(row[cells[9]]));
    }

    /// <summary>Adds a place of places.tsv and indexes its names (<paramref name="namesCell"/>: '|'-separated, the first is <see cref="GazetteerPlace.NameAr"/>).</summary>
    private void IndexPlace(GazetteerPlace place, ReadOnlySpan<char> namesCell)
    {
        _places.Add(place);
        var bar = namesCell.IndexOf('|');
        AddToGroup(place.NameAr, place);
        while (bar >= 0)
        {
            namesCell = namesCell[(bar + 1)..];
            bar = namesCell.IndexOf('|');
            AddToGroup(bar < 0 ? namesCell : namesCell[..bar], place);
        }

        RegisterUnit(place);
    }

    /// <summary>A country or admin-unit place is the place of its unit: aliases (aliases.tsv) point to it by code.</summary>
    private void RegisterUnit(GazetteerPlace place)
    {
        switch (place.FeatureType)
        {
            case "country":
                _countryPlaces.TryAdd(place.Country, place);
                break;
            case "admin1" when place.Admin1Code is not null:
                _adminPlaces.TryAdd(("admin1", place.Admin1Code), place);
                break;
            case "admin2" when place.Admin2Code is not null:
                _adminPlaces.TryAdd(("admin2", place.Admin2Code), place);
                break;
            case "admin3" when place.Admin3Code is not null:
                _adminPlaces.TryAdd(("admin3", place.Admin3Code), place);
                break;
            default:
                break;
        }
    }

    private void LoadExtraPlaces(IDataSource data)
    {
        if (!data.Exists("gazetteer/extra_places.tsv"))
        {
            return;
        }

        foreach (var row in TsvReader.Read(data, "gazetteer/extra_places.tsv"))
        {
            var names = row.List("names_ar");
            var place = new GazetteerPlace(
                _places.Count, ArabicNormalizer.NormalizeKey(names[0]), row["name_en"], Intern(row["feature_type"]), Intern(row["country"]),
                row["population"].Length == 0 ? 0 : long.Parse(row["population"], CultureInfo.InvariantCulture),
                TsvSpans.ParseDouble(row["lat"]), TsvSpans.ParseDouble(row["lon"]), row.Optional("admin1"), row.Optional("admin2"), row.Optional("admin3"));
            _places.Add(place);
            RegisterUnit(place);

            foreach (var name in names)
            {
                AddToGroup(ArabicNormalizer.NormalizeKey(name), place);
            }
        }

    }

    private void AddToGroup(string name, GazetteerPlace place) => AddToGroup(name, place, name);

    private void AddToGroup(ReadOnlySpan<char> name, GazetteerPlace place, string? nameString = null)
    {
        var group = Index.GetOrAdd(name, _groupHead.Count, nameString);
        if (group < 0)
        {
            return;
        }

        if (group == _groupHead.Count)
        {
            _groupHead.Add(-1);
        }

        // Each group is a linked list of membership nodes in two flat lists (no list object per name).
        for (var node = _groupHead[group]; node >= 0; node = _memberNext[node])
        {
            if (_memberPlace[node] == place.Id)
            {
                return; // two variants of one place that share a key
            }
        }

        _memberPlace.Add(place.Id);
        _memberNext.Add(_groupHead[group]);
        _groupHead[group] = _memberPlace.Count - 1;
    }

    private void AddPhrase(string phrase, LexEntry entry, bool normalized = false)
    {
        var key = normalized ? phrase : ArabicNormalizer.NormalizeKey(phrase);
        if (!Matcher.Add(key, entry))
        {
            return;
        }

        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var firstKey = CliticSegmenter.ArticleFreeKey(space < 0 ? key : key[..space]);
        Index.MarkFirstKey(firstKey);
    }

    private void LoadAliases(IDataSource data)
    {
        foreach (var row in TsvReader.Read(data, "gazetteer/aliases.tsv"))
        {
            var level = row["target_level"];
            var targets = row.List("target_codes")
                .Select(code => _adminPlaces.GetValueOrDefault((level, code)))
                .OfType<GazetteerPlace>()
                .ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            var a1 = targets.Select(t => t.Admin1Code).Distinct(StringComparer.Ordinal).ToList();
            var a2 = targets.Select(t => t.Admin2Code).Distinct(StringComparer.Ordinal).ToList();
            var place = new GazetteerPlace(
                _places.Count, ArabicNormalizer.NormalizeKey(row["alias_ar"]), targets.Count == 1 ? targets[0].NameEn : row["alias_ar"],
                "region", row["country"], 0,
                targets.Average(t => t.Latitude), targets.Average(t => t.Longitude),
                a1[0], a2.Count == 1 && level != "admin1" ? a2[0] : null, null);
            _places.Add(place);
            AddPhrase(row["alias_ar"], new LexEntry(LexKind.Place, place.Id));
        }

        foreach (var row in TsvReader.Read(data, "gazetteer/countries.tsv"))
        {
            if (!_countryPlaces.TryGetValue(row["iso2"], out var country))
            {
                continue;
            }

            foreach (var name in row.List("names"))
            {
                AddPhrase(name, new LexEntry(LexKind.Place, country.Id));
            }
        }
    }

    private void LoadContextWords(IDataSource data)
    {
        foreach (var row in TsvReader.Read(data, "gazetteer/context_words.tsv"))
        {
            var kind = row["kind"];
            if (!Gazetteer.ContextKinds.Contains(kind, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{row.Location}: unknown kind '{kind}' (known: {string.Join(", ", Gazetteer.ContextKinds)})");
            }

            if (!ContextWords.TryGetValue(kind, out var set))
            {
                ContextWords[kind] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(ArabicNormalizer.NormalizeKey(row["word"]));
        }

        foreach (var kind in Gazetteer.ContextKinds)
        {
            if (!ContextWords.ContainsKey(kind))
            {
                throw new InvalidDataException($"gazetteer/context_words.tsv: kind '{kind}' has no words");
            }
        }
    }

    private void LoadCues(IDataSource data)
    {
        foreach (var row in TsvReader.Read(data, "gazetteer/cues.tsv"))
        {
            AddPhrase(row["cue"], new LexEntry(LexKind.Cue, CueList.Count));
            CueList.Add(new PlaceCue(row["kind"], row["value"], row["keep"] == "1", row["plural"] == "1"));
        }
    }

    private string? Intern(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return null;
        }

        var lookup = _internedLookup;
        if (lookup.TryGetValue(s, out var known))
        {
            return known;
        }

        var str = s.ToString();
        _interned[str] = str;
        return str;
    }

    private string Intern(string s) => Intern(s.AsSpan())!;

    /// <summary>Every place's feature type is one of <see cref="FeatureTypes"/> (the rules compare against those names).</summary>
    private void CheckFeatureTypes()
    {
        foreach (var place in _places)
        {
            if (!FeatureTypes.All.Contains(place.FeatureType))
            {
                throw new InvalidDataException(
                    $"gazetteer/: place {place.Id} '{place.NameEn}' ({place.Country}) has feature type '{place.FeatureType}', not one of {string.Join(", ", FeatureTypes.All)}");
            }
        }
    }
}
