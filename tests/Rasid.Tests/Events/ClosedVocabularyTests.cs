using Rasid.Data;
using Rasid.Dedup;
using Rasid.Events;
using Rasid.Records;
using Rasid.Tests.Cleaning;

namespace Rasid.Tests.Events;

/// <summary>Closed vocabularies are checked when the data loads: a typo fails there, not as a rule that silently never fires.</summary>
public class ClosedVocabularyTests
{
    private static readonly string s_dataRoot = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>The shipped data/events/ files, some replaced.</summary>
    private static MemoryDataSource EventsWith(params (string Path, string Text)[] replacements)
    {
        var files = Directory.EnumerateFiles(Path.Combine(s_dataRoot, "events"), "*.tsv")
            .ToDictionary(f => "events/" + Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        foreach (var (path, text) in replacements)
        {
            files[path] = text;
        }

        return new MemoryDataSource(files);
    }

    [Fact]
    public void The_shipped_event_data_loads()
    {
        var lexicon = EventLexicon.Load(new DirectoryDataSource(s_dataRoot));
        Assert.All(Enum.GetValues<CueSet>(), set => Assert.NotEmpty(lexicon.Cues(set)));
    }

    [Fact]
    public void An_unknown_cue_set_name_fails_at_load_with_its_line()
    {
        var original = File.ReadAllText(Path.Combine(s_dataRoot, "events", "cue_words.tsv"));
        var error = Assert.Throws<InvalidDataException>(() => EventLexicon.Load(EventsWith(("events/cue_words.tsv", original.TrimEnd('\n') + "\nspeeker_verb\tقال\ttypo\n"))));
        Assert.Contains("cue_words.tsv:", error.Message, StringComparison.Ordinal);
        Assert.Contains("speeker_verb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cue_set_the_rules_use_without_words_fails_at_load()
    {
        var original = File.ReadAllLines(Path.Combine(s_dataRoot, "events", "cue_words.tsv"));
        var without = string.Join("\n", original.Where(l => !l.StartsWith("vehicle\t", StringComparison.Ordinal))) + "\n";
        var error = Assert.Throws<InvalidDataException>(() => EventLexicon.Load(EventsWith(("events/cue_words.tsv", without))));
        Assert.Contains("'vehicle' has no words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trigger_class_the_rules_use_missing_from_the_data_fails_at_load()
    {
        var original = File.ReadAllLines(Path.Combine(s_dataRoot, "events", "trigger_classes.tsv"));
        var renamed = string.Join("\n", original.Select(l => l.StartsWith("air_agent\t", StringComparison.Ordinal) ? "airagent" + l["air_agent".Length..] : l)) + "\n";
        var triggers = File.ReadAllText(Path.Combine(s_dataRoot, "events", "triggers.tsv")).Replace("\tair_agent", "\tairagent", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => EventLexicon.Load(EventsWith(("events/trigger_classes.tsv", renamed), ("events/triggers.tsv", triggers))));
        Assert.Contains("'air_agent'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_in_document_and_cross_document_merges_share_one_type_hierarchy()
    {
        Assert.Same(EventTypes.Hierarchy, EventMerger.TypeOrder);
        for (var i = 0; i < EventTypes.Hierarchy.Count; i++)
        {
            Assert.Equal(i, EventTypes.Rank(EventTypes.Hierarchy[i]));
            Assert.Equal(i, EventMerger.TypeRank(EventTypes.Hierarchy[i]));
        }

        Assert.Equal(EventMerger.TypeRank("no such type"), EventTypes.Rank("no such type"));
    }
}
