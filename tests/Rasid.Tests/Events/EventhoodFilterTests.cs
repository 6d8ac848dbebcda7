using Rasid.Data;
using Rasid.Events;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;

namespace Rasid.Tests.Events;

/// <summary>The learned eventhood filter (docs/eventhood.md): its weights file, its scorer, and its place at the end of the pipeline.</summary>
public class EventhoodFilterTests
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "TestData", "eventhood");

    private static readonly Lazy<(RasidPipeline Rules, RasidPipeline DropBattles)> s_pipelines = new(() =>
    {
        var data = new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data"));
        return (RasidPipeline.Create(new WithWeights(data, null)),
                RasidPipeline.Create(new WithWeights(data, File.ReadAllText(Path.Combine(TestData, "drop_battles.tsv")))));
    });

    private static EventhoodModel Tiny() => EventhoodModel.Parse(TsvReader.Read(new StringReader(File.ReadAllText(Path.Combine(TestData, "tiny.tsv"))), "tiny.tsv"));

    private static double[] Features(params string[] on)
    {
        var x = new double[EventhoodFeatures.Names.Count];
        foreach (var name in on)
        {
            x[EventhoodFeatures.IndexOf(name)] = 1;
        }

        return x;
    }

    [Fact]
    public void The_score_is_the_sigmoid_of_the_bias_plus_the_weighted_features()
    {
        var model = Tiny();

        Assert.Equal(0.4, model.Threshold);
        Assert.Equal(1 / (1 + Math.Exp(-1)), model.Score(Features("toll")), 12); // -1 + 2
        Assert.Equal(1 / (1 + Math.Exp(4.5)), model.Score(Features("modality_before", "reporting_verb_start", "in_title")), 12); // -1 - 3 - 0.5, in_title has no weight
        Assert.True(model.Score(Features()) < model.Threshold); // sigmoid(-1) = 0.27: an event with none of the cues is dropped
    }

    [Fact]
    public void The_features_against_an_event_are_its_most_negative_contributions_first()
    {
        var against = Tiny().Against(Features("toll", "reporting_verb_start", "modality_before"), 3).ToList();

        Assert.Equal([("modality_before", -3.0), ("reporting_verb_start", -0.5)], against);
    }

    [Theory]
    [InlineData("feature\tweight\n(bias)\t0\n(threshold)\t0.5\nno_such_cue\t1\n", "unknown feature 'no_such_cue'")]
    [InlineData("feature\tweight\n(bias)\t0\n", "no (threshold) row")]
    [InlineData("feature\tweight\n(bias)\t0\n(threshold)\t1.5\n", "a probability in [0, 1]")]
    [InlineData("feature\tweight\n(bias)\tzero\n(threshold)\t0.5\n", "is not a number")]
    public void A_bad_weights_file_is_an_error_that_names_the_problem(string content, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => EventhoodModel.Parse(TsvReader.Read(new StringReader(content), "eventhood.tsv")));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_weights_file_every_event_is_kept_and_its_features_are_explained()
    {
        foreach (var document in Seeds())
        {
            var lines = new List<string>();
            var result = s_pipelines.Value.Rules.Extract(document, trace: lines.Add);

            var eventhood = lines.Where(l => l.StartsWith(EventhoodFilter.TracePrefix, StringComparison.Ordinal)).ToList();
            Assert.Equal(result.Events.Count, eventhood.Count);
            Assert.All(eventhood, l => Assert.Contains(EventhoodFilter.FeaturesMark, l, StringComparison.Ordinal));
            Assert.All(result.Events.Zip(eventhood), p => Assert.Contains($" {p.First.EventType}/{p.First.SubEventType}: kept (no weights", p.Second, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_filter_drops_exactly_the_events_its_weights_score_below_the_threshold_and_says_why()
    {
        var dropped = 0;
        foreach (var document in Seeds())
        {
            var rules = s_pipelines.Value.Rules.Extract(document, withText: true);
            var lines = new List<string>();
            var filtered = s_pipelines.Value.DropBattles.Extract(document, withText: true, trace: lines.Add);

            // Every event but the battles, unchanged and in order; one explained drop per battle
            Assert.Equal(rules.Events.Where(e => e.EventType != EventTypes.Battles).Select(RasidJson.ToJson), filtered.Events.Select(RasidJson.ToJson));
            var drops = lines.Where(l => l.StartsWith(EventhoodFilter.TracePrefix, StringComparison.Ordinal) && l.Contains(": dropped, score ", StringComparison.Ordinal)).ToList();
            Assert.Equal(rules.Events.Count(e => e.EventType == EventTypes.Battles), drops.Count);
            Assert.All(drops, l => Assert.Contains("< 0.5; against: type_battles -20", l, StringComparison.Ordinal));
            dropped += drops.Count;
        }

        Assert.True(dropped > 0, "the seeds have battles, so the test drops something");
    }

    private static IEnumerable<SourceDocument> Seeds() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new SourceDocument { Id = Path.GetFileName(f), Text = File.ReadAllText(f), Published = new DateOnly(2024, 3, 10) });

    /// <summary>The shipped data with the given weights file in place of data/events/eventhood.tsv (none when null).</summary>
    private sealed class WithWeights(IDataSource inner, string? weights) : IDataSource
    {
        public string Description => inner.Description + " (test weights)";

        public bool Exists(string path) => path == EventhoodModel.DataPath ? weights is not null : inner.Exists(path);

        public Stream Open(string path) => path != EventhoodModel.DataPath ? inner.Open(path)
            : weights is null ? throw new FileNotFoundException(path) : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(weights));

        public IReadOnlyList<string> List(string folder, string suffix) => inner.List(folder, suffix);
    }
}
