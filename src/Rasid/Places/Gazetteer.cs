using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Places;

/// <summary>One gazetteer entry: a place, an admin unit, a country, or a regional term from aliases.tsv.</summary>
public sealed class GazetteerPlace
{
    internal GazetteerPlace(int id, string nameAr, string nameEn, string featureType, string country, long population,
        double latitude, double longitude, string? admin1Code, string? admin2Code, string? admin3Code)
    {
        Id = id;
        NameAr = nameAr;
        NameEn = nameEn;
        FeatureType = featureType;
        Country = country;
        Population = population;
        Latitude = latitude;
        Longitude = longitude;
        Admin1Code = admin1Code;
        Admin2Code = admin2Code;
        Admin3Code = admin3Code;
    }

    /// <summary>Index of the entry in the gazetteer.</summary>
    public int Id { get; }

    /// <summary>Primary Arabic name (normalised).</summary>
    public string NameAr { get; }

    /// <summary>English / Latin name.</summary>
    public string NameEn { get; }

    /// <summary>country, admin1, admin2, admin3, city, town, village, neighbourhood, other, or region (aliases.tsv).</summary>
    public string FeatureType { get; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; }

    /// <summary>Population when known, else 0.</summary>
    public long Population { get; }

    /// <summary>WGS84 latitude.</summary>
    public double Latitude { get; }

    /// <summary>WGS84 longitude.</summary>
    public double Longitude { get; }

    /// <summary>Gazetteer code of the first-level unit (P-code, HASC, WOF id or ISO), or null.</summary>
    public string? Admin1Code { get; }

    /// <summary>Gazetteer code of the second-level unit, or null.</summary>
    public string? Admin2Code { get; }

    /// <summary>Gazetteer code of the third-level unit, or null.</summary>
    public string? Admin3Code { get; }

    private double _prior = double.NaN;

    /// <summary>Feature prior: larger for places that news more often means (country, province, city before villages).</summary>
    /// <remarks>Computed on first use and kept: scoring asks for it for every candidate of every mention.</remarks>
    internal double Prior => double.IsNaN(_prior) ? _prior = ComputePrior() : _prior;

    private double ComputePrior() => FeatureType switch
    {
        "country" => 3.0,
        "city" => 3.0,
        "admin1" => 2.8,
        "region" => 2.6,
        "admin2" => 2.2,
        "town" => 2.0,
        "admin3" => 1.6,
        "village" => 0.5,
        "neighbourhood" => 0.4,
        _ => 0.3,
    } + (Population > 0 ? Math.Log10(Population) * 0.15 : 0);

    /// <summary>True for feature types that are admin areas (not points).</summary>
    internal bool IsArea => FeatureType is "country" or "admin1" or "admin2" or "admin3" or "region";

    /// <inheritdoc />
    public override string ToString() => $"{NameEn} ({FeatureType}, {Country} {Admin1Code}/{Admin2Code})";
}

/// <summary>An admin unit of admin.tsv: its level, names and (for admin1) ISO 3166-2 code.</summary>
/// <param name="Code">Gazetteer code.</param>
/// <param name="Level">admin1, admin2 or admin3.</param>
/// <param name="Country">ISO2.</param>
/// <param name="NameEn">English name.</param>
/// <param name="NameAr">Arabic name.</param>
/// <param name="Iso">ISO 3166-2 code, or null.</param>
public sealed record AdminUnit(string Code, string Level, string Country, string NameEn, string NameAr, string? Iso);

/// <summary>A cue word around place names (cues.tsv).</summary>
/// <param name="Kind">type, near, part or link.</param>
/// <param name="Value">For type cues the feature type it announces; for others a label.</param>
/// <param name="Keep">True when the cue stays part of the Arabic location (ريف حماة, مخيم اليرموك).</param>
/// <param name="Plural">True for dual and plural cues (منطقتي، قرى), which cover every name joined by و after them.</param>
public sealed record PlaceCue(string Kind, string Value, bool Keep, bool Plural = false);

/// <summary>What a lexicon entry of the gazetteer's matcher is.</summary>
internal enum LexKind : byte
{
    /// <summary>A place name (index into the places).</summary>
    Place,

    /// <summary>A cue word (index into the cue list).</summary>
    Cue,

    /// <summary>A country adjective (index into the adjective list).</summary>
    Adjective,
}

/// <summary>Payload of the gazetteer matcher.</summary>
/// <param name="Kind">Entry kind.</param>
/// <param name="Index">Index into the list of its kind.</param>
internal readonly record struct LexEntry(LexKind Kind, int Index);

/// <summary>A country (countries.tsv) with its English name.</summary>
/// <param name="Iso2">ISO 3166-1 alpha-2.</param>
/// <param name="NameEn">English name.</param>
public sealed record CountryInfo(string Iso2, string NameEn);

/// <summary>
/// The gazetteer of data/gazetteer/: places (places.tsv.gz), admin units (admin.tsv), regional aliases,
/// country names and adjectives, cue words and the stop list, with the phrase matchers built over them.
/// </summary>
public sealed class Gazetteer
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

    /// <summary>The context words of <paramref name="kind"/> (empty when the file lists none).</summary>
    internal HashSet<string> Context(string kind) => ContextWords.TryGetValue(kind, out var set) ? set : [];

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

    /// <summary>Loads every gazetteer file from <paramref name="data"/> (folder gazetteer/).</summary>
    public static Gazetteer Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var g = new Gazetteer();

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
        admins.GetAwaiter().GetResult();
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per load: no point in a slow first tier
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private GazetteerPlace? MakePlace(ReadOnlySpan<char> row, int id)
    {
        Span<Range> cells = stackalloc Range[11];
        if (SplitTabs(row, cells) < 10)
        {
            return null;
        }

        var namesCell = row[cells[0]];
        var bar = namesCell.IndexOf('|');
        var population = row[cells[4]];
        return new GazetteerPlace(
            id, (bar < 0 ? namesCell : namesCell[..bar]).ToString(), row[cells[1]].ToString(), Intern(row[cells[2]])!, Intern(row[cells[3]])!,
            population.IsEmpty ? 0 : long.Parse(population, CultureInfo.InvariantCulture),
            ParseDouble(row[cells[5]]), ParseDouble(row[cells[6]]),
            Intern(row[cells[7]]), Intern(row[cells[8]]), Intern(row[cells[9]]));
    }

    /// <summary>Adds a place of places.tsv and indexes its names (<paramref name="namesCell"/>: '|'-separated, the first is <see cref="GazetteerPlace.NameAr"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                ParseDouble(row["lat"]), ParseDouble(row["lon"]), row.Optional("admin1"), row.Optional("admin2"), row.Optional("admin3"));
            _places.Add(place);
            if (place.FeatureType == "country")
            {
                _countryPlaces.TryAdd(place.Country, place);
            }

            foreach (var name in names)
            {
                AddToGroup(ArabicNormalizer.NormalizeKey(name), place);
            }
        }

    }

    private void AddToGroup(string name, GazetteerPlace place) => AddToGroup(name, place, name);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            if (!ContextWords.TryGetValue(kind, out var set))
            {
                ContextWords[kind] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(ArabicNormalizer.NormalizeKey(row["word"]));
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

    /// <summary>
    /// Splits <paramref name="row"/> at tabs into <paramref name="cells"/> like
    /// <see cref="MemoryExtensions.Split(ReadOnlySpan{char}, Span{Range}, char, StringSplitOptions)"/>: the last cell
    /// takes the rest of the row when there are more tabs than cells. Returns the number of cells written.
    /// </summary>
    private static int SplitTabs(ReadOnlySpan<char> row, Span<Range> cells)
    {
        var count = 0;
        var start = 0;
        while (count < cells.Length - 1)
        {
            var tab = row[start..].IndexOf('\t');
            if (tab < 0)
            {
                break;
            }

            cells[count++] = new Range(start, start + tab);
            start += tab + 1;
        }

        cells[count++] = new Range(start, row.Length);
        return count;
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

    private static readonly double[] s_powersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// Parses a coordinate. Plain decimals ("-12.3456") take a fast path: an integer of at most 15 digits divided by
    /// an exact power of ten is one correctly rounded IEEE division, so the result is the same double that
    /// <see cref="double.Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider)"/> returns. Anything else goes to double.Parse.
    /// </summary>
    private static double ParseDouble(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return 0;
        }

        var negative = s[0] == '-';
        long mantissa = 0;
        var digits = 0;
        var decimals = -1;
        for (var i = negative ? 1 : 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (c - '0');
                digits++;
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (c == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                digits = 0; // not a plain decimal
                break;
            }
        }

        if (digits == 0 || digits > 15)
        {
            return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        var value = decimals > 0 ? mantissa / s_powersOfTen[decimals] : mantissa;
        return negative ? -value : value;
    }
}
