using System.Globalization;
using Rasid.Actors;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Places;
using Rasid.Records;
using Rasid.Text;

namespace Rasid.Tests.Data;

/// <summary>
/// The compiled snapshots of the gazetteer and the actor lexicon (issue 16): they hold exactly what the text files
/// build, and an edit of a TSV file takes effect on the next load with no manual step.
/// </summary>
[Trait("Issue", "16")]
public sealed class CompiledDataTests
{
    private static readonly string s_shipped = Path.Combine(AppContext.BaseDirectory, "data");

    [Fact]
    public void The_gazetteer_snapshot_holds_exactly_what_the_text_files_build()
    {
        // Given the structures the loader builds from the shipped files, and the gazetteer read from their snapshot
        var built = GazetteerBuilder.Parse(new DirectoryDataSource(s_shipped));
        using var folder = new TempData(copy: false);
        var path = folder.File("gazetteer.bin");
        File.WriteAllBytes(path, built.Compile().ToArray(Key));
        var g = Gazetteer.Open(CompiledSnapshot.TryOpen(path, Key)!);

        // Then every place, admin unit, country, name key and name group is there, and nothing else
        Assert.Equal(built.Places.Count, g.Places.Count);
        for (var id = 0; id < built.Places.Count; id++)
        {
            var (a, b) = (built.Places[id], g.Places[id]);
            Assert.Equal(
                (a.Id, a.NameAr, a.NameEn, a.FeatureType, a.Country, a.Population, a.Latitude, a.Longitude, a.Admin1Code, a.Admin2Code, a.Admin3Code),
                (b.Id, b.NameAr, b.NameEn, b.FeatureType, b.Country, b.Population, b.Latitude, b.Longitude, b.Admin1Code, b.Admin2Code, b.Admin3Code));
        }

        Assert.All(built.Admins, a => Assert.Equal(a.Value, g.Admin(a.Key)));
        Assert.Null(g.Admin("no such code"));
        Assert.All(built.Countries, c => Assert.Equal(c.Value, g.CountryOf(c.Key)));
        Assert.All(built.CountryPlaces, c => Assert.Same(g.Places[c.Value.Id], g.CountryPlace(c.Key)));
        Assert.All(built.Countries.Keys, a => Assert.All(built.Countries.Keys, b =>
            Assert.Equal(a == b || (built.Theatres.TryGetValue(a, out var x) && built.Theatres.TryGetValue(b, out var y) && x == y), g.SameTheatre(a, b))));

        var keys = g.Index.Entries().ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        Assert.Equal(built.Index.Keys.OrderBy(k => k.Key, StringComparer.Ordinal), keys.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.All(built.Index.Keys, k => Assert.True(g.Index.TryGetValue(k.Key, out var v) && v == k.Value, k.Key));
        var members = new List<int>();
        for (var group = 0; group < built.GroupCount; group++)
        {
            members.Clear();
            g.AddGroupMembers(group, members);
            Assert.Equal(built.GroupMembers(group), members);
        }

        Assert.Equal(Bytes(w => built.Matcher.Write(w, WriteEntry)), Bytes(w => g.Matcher.Write(w, WriteEntry)));
        Assert.Equal(built.CueList, g.CueList);
        Assert.Equal(built.AdjectiveList, g.AdjectiveList);
        Assert.Equal(built.ContextWords.Keys, g.ContextWords.Keys);
        Assert.All(built.ContextWords, c => Assert.Equal(c.Value, g.ContextWords[c.Key]));
        Assert.Equal(built.StopWords, g.StopWords);
        Assert.Equal(Bytes(built.Transliteration.Write), Bytes(g.Transliteration.Write));
    }

    [Fact]
    public void The_actor_lexicon_snapshot_holds_exactly_what_the_text_files_build()
    {
        // Given the lexicon parsed from the shipped files and the one read back from its snapshot
        var parsed = ActorLexicon.Parse(new DirectoryDataSource(s_shipped));
        var read = ActorLexicon.Open(CompiledSnapshot.FromArray(parsed.Compile().ToArray(Key)));

        // Then the entries, every alias form with its payloads, the country words and names are the same
        Assert.Equal(parsed.Entries.Select(Describe), read.Entries.Select(Describe));
        Assert.Equal(parsed.Aliases.Count, read.Aliases.Count);
        Assert.Equal(Phrases(parsed.Aliases), Phrases(read.Aliases));
        Assert.Equal(Bytes(w => parsed.CountryWords.Write(w, (w, iso) => w.Write(iso))), Bytes(w => read.CountryWords.Write(w, (w, iso) => w.Write(iso))));
        Assert.Equal(parsed.CountryNames, read.CountryNames);

        // and a context-bound alias shares its entry's own list of countries, as after parsing
        Assert.All(read.Aliases.Phrases().SelectMany(p => p.Values).Where(v => v.Contexts is not null),
            v => Assert.Contains(v.Entry!.AliasContexts.Values, c => ReferenceEquals(c, v.Contexts)));
    }

    private static string Describe(ActorEntry e) => string.Join(
        " | ",
        e.Id, e.Name, e.NameAr, e.Inter.ToString(CultureInfo.InvariantCulture), e.Country, string.Join(",", e.Aliases),
        string.Join(";", e.AliasContexts.Select(c => c.Key + "=" + string.Join(",", c.Value))), string.Join(",", e.ExactArticleAliases),
        e.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.Specializes, e.Note, e.Source);

    private static List<string> Phrases(PhraseMatcher<AliasPayload> matcher) =>
        [.. matcher.Phrases()
            .Select(p => p.Words + " -> " + string.Join(" / ", p.Values.Select(v => $"{v.Entry?.Id}:{(v.Contexts is null ? "-" : string.Join(",", v.Contexts))}:{v.Article}")))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void A_load_from_the_snapshot_extracts_what_the_load_that_wrote_it_extracts()
    {
        using var folder = new TempData();
        var data = new DirectoryDataSource(folder.Path);

        // When one pipeline compiles the text files (and writes the snapshots) and a second one maps them
        var first = RasidPipeline.Create(data);
        var written = folder.AgeSnapshots();
        var second = RasidPipeline.Create(data);

        // Then the second one wrote nothing, and both give the same output on every sample
        Assert.Equal(["actors.bin", "gazetteer.bin"], written.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(written, folder.SnapshotTimes());
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt"))
        {
            var document = new SourceDocument { Id = file, Text = File.ReadAllText(file), Published = new DateOnly(2024, 3, 10) };
            Assert.Equal(RasidJson.ToJsonLine(first.Extract(document, withText: true)), RasidJson.ToJsonLine(second.Extract(document, withText: true)));
        }
    }

    [Fact]
    public void An_alias_added_to_an_actor_file_is_found_on_the_next_load()
    {
        // Given a data folder whose snapshot is written
        using var folder = new TempData();
        var data = new DirectoryDataSource(folder.Path);
        const string Sentence = "هاجمت كتيبة النسور الوهمية مواقع في المنطقة";
        Assert.Empty(ActorDictionary.Load(data).Find(AnalyzedText.Analyze(Sentence)));
        var before = folder.AgeSnapshots()["actors.bin"];

        // When a row is added to a shipped actor file
        File.AppendAllText(folder.File("actors/yemen.tsv"), "ye.test_eagles\tEagles Battalion\tكتيبة النسور الوهمية\t3\tYE\tكتيبة النسور الوهمية\t\t\t\ttest row\n");
        var after = ActorDictionary.Load(data);

        // Then the next load finds it, and the snapshot was written again
        Assert.Equal("ye.test_eagles", Assert.Single(after.Find(AnalyzedText.Analyze(Sentence))).Actor.Id);
        Assert.NotEqual(before, folder.SnapshotTimes()["actors.bin"]);
    }

    [Fact]
    public void A_place_added_to_extra_places_is_resolved_on_the_next_load()
    {
        using var folder = new TempData();
        var data = new DirectoryDataSource(folder.Path);
        var text = AnalyzedText.Analyze("قصفت الطائرات قرية الزيتونة الوهمية في محافظة البيضاء");
        Assert.DoesNotContain(PlaceResolver.Load(data).Analyze(text, ["YE"]).Mentions, p => p.Location == "Zaytuna Test");

        File.AppendAllText(folder.File("gazetteer/extra_places.tsv"), "الزيتونة الوهمية\tZaytuna Test\tvillage\tYE\t\t14.1\t45.3\tYE14\t\t\n");

        var place = Assert.Single(PlaceResolver.Load(data).Analyze(text, ["YE"]).Mentions, p => p.Location == "Zaytuna Test");
        Assert.Equal("YE-BA", place.Admin1Code);
    }

    [Fact]
    public void A_broken_edit_is_reported_although_a_snapshot_of_the_old_files_exists()
    {
        using var folder = new TempData();
        var data = new DirectoryDataSource(folder.Path);
        _ = ActorDictionary.Load(data);
        _ = PlaceResolver.Load(data);

        File.AppendAllText(folder.File("actors/yemen.tsv"), "ye.bad\tBad\tسيء\t9\tYE\tسيء جدا\t\t\t\t\n");
        File.AppendAllText(folder.File("gazetteer/context_words.tsv"), "كلمة\tno_such_kind\n");

        Assert.Contains(Assert.Throws<ActorDataException>(() => ActorDictionary.Load(data)).Diagnostics, d => d.Code == ActorDiagnosticCodes.BadInter);
        Assert.Contains("no_such_kind", Assert.Throws<InvalidDataException>(() => PlaceResolver.Load(data)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foreign")] // another key: written for other files or another build
    [InlineData("truncated")] // the right key, but cut short
    [InlineData("empty")]
    public void A_stale_or_damaged_snapshot_is_ignored_and_written_again(string damage)
    {
        using var folder = new TempData();
        var data = new DirectoryDataSource(folder.Path);
        var expected = ActorDictionary.Load(data).Entries.Select(e => e.Id).ToList();
        var path = folder.File(".compiled/actors.bin");
        var good = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "foreign" => [.. good[..4], .. new byte[32], .. good[36..]],
            "truncated" => good[..(good.Length / 2)],
            _ => [],
        });

        Assert.Equal(expected, ActorDictionary.Load(data).Entries.Select(e => e.Id));
        Assert.Equal(good, File.ReadAllBytes(path));
    }

    [Fact]
    public void Every_file_the_loaders_read_is_part_of_the_snapshot_key()
    {
        var data = new RecordingDataSource(new DirectoryDataSource(s_shipped));
        _ = GazetteerBuilder.Parse(data);
        Assert.Subset(GazetteerBuilder.SourceFiles.ToHashSet(StringComparer.Ordinal), data.Read.ToHashSet(StringComparer.Ordinal));

        data.Read.Clear();
        _ = ActorLexicon.Parse(data);
        Assert.Subset(data.List(ActorDictionary.Folder, ".tsv").ToHashSet(StringComparer.Ordinal), data.Read.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void The_key_changes_with_any_byte_of_a_source_file_and_with_a_file_that_appears()
    {
        using var folder = new TempData();
        var data = new DirectoryDataSource(folder.Path);
        var sources = data.List(ActorDictionary.Folder, ".tsv");
        var key = CompiledData.Key(data, "actors", sources);
        Assert.Equal(key, CompiledData.Key(data, "actors", sources));

        var bytes = File.ReadAllBytes(folder.File("actors/gulf.tsv"));
        bytes[^2] ^= 1;
        File.WriteAllBytes(folder.File("actors/gulf.tsv"), bytes);
        var edited = CompiledData.Key(data, "actors", sources);
        File.WriteAllText(folder.File("actors/local.tsv"), string.Empty);

        Assert.NotEqual(key, edited);
        Assert.NotEqual(edited, CompiledData.Key(data, "actors", data.List(ActorDictionary.Folder, ".tsv")));
        Assert.NotEqual(key, CompiledData.Key(data, "gazetteer", sources));
    }

    private static readonly byte[] Key = new byte[CompiledWriter.KeyLength];

    private static byte[] Bytes(Action<CompiledWriter> write)
    {
        var writer = new CompiledWriter();
        write(writer);
        return writer.ToArray(Key);
    }

    private static void WriteEntry(CompiledWriter w, LexEntry entry)
    {
        w.Write((byte)entry.Kind);
        w.Write(entry.Index);
    }

    /// <summary>A temporary copy of the shipped data folder (without snapshots), deleted afterwards.</summary>
    private sealed class TempData : IDisposable
    {
        public TempData(bool copy = true)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rasid-data-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(Path);
            if (!copy)
            {
                return;
            }

            foreach (var file in Directory.EnumerateFiles(s_shipped, "*", SearchOption.AllDirectories))
            {
                var relative = System.IO.Path.GetRelativePath(s_shipped, file);
                if (relative.StartsWith(CompiledData.Folder, StringComparison.Ordinal))
                {
                    continue;
                }

                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(this.File(relative))!);
                System.IO.File.Copy(file, this.File(relative));
            }
        }

        public string Path { get; }

        public string File(string relative) => System.IO.Path.Combine(Path, relative);

        /// <summary>Sets every snapshot's write time to a day long past (so a rewrite shows on any file system); returns the times.</summary>
        public Dictionary<string, DateTime> AgeSnapshots()
        {
            foreach (var file in Directory.EnumerateFiles(File(CompiledData.Folder)))
            {
                System.IO.File.SetLastWriteTimeUtc(file, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            }

            return SnapshotTimes();
        }

        /// <summary>Last write time of each snapshot file.</summary>
        public Dictionary<string, DateTime> SnapshotTimes() =>
            Directory.EnumerateFiles(File(CompiledData.Folder)).ToDictionary(f => System.IO.Path.GetFileName(f), System.IO.File.GetLastWriteTimeUtc, StringComparer.Ordinal);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>A data source that records the files opened through it.</summary>
    private sealed class RecordingDataSource(IDataSource inner) : IDataSource
    {
        public List<string> Read { get; } = [];

        public string Description => inner.Description;

        public bool Exists(string path) => inner.Exists(path);

        public Stream Open(string path)
        {
            lock (Read)
            {
                Read.Add(path);
            }

            return inner.Open(path);
        }

        public IReadOnlyList<string> List(string folder, string suffix) => inner.List(folder, suffix);
    }
}
