using Rasid.Actors;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Tests.Actors;

public sealed partial class ActorDictionaryTests
{
    private static readonly string s_brokenRoot = Path.Combine(AppContext.BaseDirectory, "TestData", "actors", "broken");

    [Fact]
    public void Broken_data_fails_once_listing_every_problem_with_its_code()
    {
        var error = Assert.Throws<ActorDataException>(() => ActorDictionary.Load(new DirectoryDataSource(s_brokenRoot)));

        var codes = error.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["RSD1001", "RSD1002", "RSD1003", "RSD1004", "RSD1005", "RSD1006", "RSD1007", "RSD1008", "RSD1009", "RSD1010", "RSD1011", "RSD1012", "RSD1013", "RSD1020"],
            codes);
    }

    [Theory]
    // Row diagnostics point at file:line (line 1 is a comment, line 2 the header).
    [InlineData("RSD1003", "actors/bad.tsv:4")]
    [InlineData("RSD1004", "actors/bad.tsv:5")]
    [InlineData("RSD1006", "actors/bad.tsv:7")]
    [InlineData("RSD1008", "actors/bad.tsv:10")]
    // A header problem names the file only.
    [InlineData("RSD1001", "actors/nocolumns.tsv")]
    [InlineData("RSD1020", "actors/variants.tsv:3")]
    public void Diagnostics_carry_the_file_and_line(string code, string location)
    {
        var error = Assert.Throws<ActorDataException>(() => ActorDictionary.Load(new DirectoryDataSource(s_brokenRoot)));

        Assert.Equal(location, Assert.Single(error.Diagnostics, d => d.Code == code).Location);
        Assert.Contains(location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_file_in_the_actor_folder_extends_the_dictionary()
    {
        // Given: the shipped data plus a user's local.tsv, in a temporary data folder.
        var root = Path.Combine(Path.GetTempPath(), "rasid-actors-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "actors");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "actors"), "*.tsv"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            File.WriteAllLines(Path.Combine(folder, "local.tsv"), [
                "id\tname\tname_ar\tinter\tcountry\taliases\tvalid_from\tvalid_to\tnote",
                "local.falcons\tFalcons Brigade\tلواء الصقور الوهمي\t3\tYE\tلواء الصقور الوهمي|مقاتلي الصقور الوهمي\t\t\ta local militia",
            ]);
            const string Sentence = "هاجم لواء الصقور الوهمي مواقع الحوثيين";

            // When
            var dictionary = ActorDictionary.Load(new DirectoryDataSource(root));
            var mentions = dictionary.Find(AnalyzedText.Analyze(Sentence));

            // Then: the new actor is found (with its variant-expanded aliases) and the shipped ones still are.
            Assert.Equal("local.falcons", mentions[0].Actor.Id);
            Assert.Equal("actors/local.tsv:2", mentions[0].Actor.Source);
            Assert.StartsWith("ye.houthis", mentions[1].Actor.Id, StringComparison.Ordinal);
            Assert.Equal(Shipped.Entries.Count + 1, dictionary.Entries.Count);
            Assert.DoesNotContain(Shipped.Find(AnalyzedText.Analyze(Sentence)), m => m.Actor.Id == "local.falcons");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Every_shipped_entry_has_a_valid_name_and_an_arabic_name()
    {
        Assert.All(Shipped.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.NameAr), e.Id);
            Assert.InRange(e.Inter, 1, 8);
            Assert.True(e.IsGeneric ? e.Country is null : true, e.Id);
        });
        Assert.All(Shipped.Entries.Where(e => e.Specializes is not null), e => Assert.True(Shipped.Get(e.Specializes!)!.IsGeneric, e.Id));
    }

    [Fact]
    public void Every_alias_of_every_shipped_entry_is_found_in_a_sentence_of_its_own()
    {
        // Each alias, placed in a sentence with its context country named, must come back as a mention of its entry
        // (or of a longer/overlapping alias's entry sharing the same words): catches typos and shadowing stop phrases.
        var failures = new List<string>();
        foreach (var entry in Shipped.Entries)
        {
            foreach (var alias in entry.Aliases)
            {
                var context = entry.AliasContexts.GetValueOrDefault(alias) ?? (entry.Country is null ? [] : [entry.Country]);
                var mentions = Shipped.Find(AnalyzedText.Analyze("قال المصدر إن " + alias + " هاجم الموقع"), context.ToList());
                if (!mentions.Any(m => m.Candidates.Contains(entry)))
                {
                    failures.Add($"{entry.Id}: {alias}");
                }
            }
        }

        Assert.Empty(failures);
    }
}
