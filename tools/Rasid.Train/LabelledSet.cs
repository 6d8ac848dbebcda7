using Rasid.Data;
using Rasid.Evaluation;
using Rasid.Events;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;

namespace Rasid.Train;

/// <summary>One output event of the rules, its eventhood features and whether the scorer paired it with a gold event.</summary>
/// <param name="Features">In <see cref="EventhoodFeatures.Names"/> order.</param>
/// <param name="Matched">True when the spec's pairing gives it a gold event (optional ones included).</param>
/// <param name="SameTypeInGold">True when the gold of its document has an event of its type (wherever it is).</param>
internal sealed record LabelledEvent(double[] Features, bool Matched, bool SameTypeInGold);

/// <summary>One gold document: the rules' output without the filter, each event's features, and the gold.</summary>
/// <param name="Set">The gold set's name (dev, dev2, dev3 ...).</param>
/// <param name="Gold">The gold file.</param>
/// <param name="Result">The pipeline's output with every event the rules keep.</param>
/// <param name="Events">Features and label of each event of <paramref name="Result"/>, in order.</param>
internal sealed record LabelledDocument(string Set, GoldDocument Gold, DocumentResult Result, List<LabelledEvent> Events)
{
    /// <summary>Set and document id: unique across sets.</summary>
    public string Key => Set + "/" + Gold.DocId;
}

/// <summary>Runs the pipeline (without the learned filter) over gold sets and labels every output event with the real scorer's pairing.</summary>
internal static class LabelledSet
{
    /// <summary>
    /// Loads gold set <paramref name="name"/> from <paramref name="folder"/> (gold/*.json and docs.jsonl, as under
    /// ../shared/eval/dev3) and labels the output of <paramref name="pipeline"/>.
    /// </summary>
    public static List<LabelledDocument> Load(string name, string folder, RasidPipeline pipeline)
    {
        var gold = Directory.EnumerateFiles(Path.Combine(folder, "gold"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => GoldDocument.Parse(File.ReadAllText(f)))
            .ToDictionary(g => g.DocId, StringComparer.Ordinal);
        var docsPath = Path.Combine(folder, "docs.jsonl");
        var result = new List<LabelledDocument>();
        foreach (var item in DocumentParser.Parse(docsPath, File.ReadAllBytes(docsPath), new IngestOptions()))
        {
            if (item.Document is not { } document || !gold.TryGetValue(document.Id, out var g))
            {
                continue;
            }

            var lines = new List<string>();
            var extracted = pipeline.Extract(document, withText: true, trace: line =>
            {
                if (line.StartsWith(EventhoodFilter.TracePrefix, StringComparison.Ordinal))
                {
                    lines.Add(line);
                }
            });
            if (lines.Count != extracted.Events.Count)
            {
                throw new InvalidOperationException($"{name}/{document.Id}: {lines.Count} eventhood lines for {extracted.Events.Count} events (is a weights file still loaded?)");
            }

            var report = EventScorer.Score([g], new Dictionary<string, DocumentResult> { [g.DocId] = extracted });
            var matched = report.Pairs.Where(p => p.Gold is not null && p.Predicted is not null).Select(p => p.Predicted!).ToHashSet(ReferenceEqualityComparer.Instance);
            var events = extracted.Events.Select((e, i) => new LabelledEvent(ParseFeatures(lines[i]), matched.Contains(e), g.Events.Any(x => x.EventType == e.EventType))).ToList();
            result.Add(new LabelledDocument(name, g, extracted, events));
        }

        var missing = gold.Keys.Except(result.Select(d => d.Gold.DocId), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{folder}: gold files without a document in docs.jsonl: {string.Join(", ", missing)}");
        }

        return result;
    }

    /// <summary>The feature vector of one `eventhood:` trace line ("... | features: toll=1 in_title=1").</summary>
    internal static double[] ParseFeatures(string line)
    {
        var at = line.IndexOf(EventhoodFilter.FeaturesMark, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new FormatException("no feature list in: " + line);
        }

        var x = new double[EventhoodFeatures.Names.Count];
        foreach (var pair in line[(at + EventhoodFilter.FeaturesMark.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var index = EventhoodFeatures.IndexOf(pair[..eq]);
            x[index >= 0 ? index : throw new FormatException("unknown feature in: " + line)] =
                double.Parse(pair[(eq + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }

        return x;
    }

    /// <summary>Hides the weights file from the pipeline, so that it outputs every event the rules keep.</summary>
    internal sealed class WithoutEventhood(IDataSource inner) : IDataSource
    {
        public string Description => inner.Description + " (without " + EventhoodModel.DataPath + ")";

        public bool Exists(string path) => path != EventhoodModel.DataPath && inner.Exists(path);

        public Stream Open(string path) => path == EventhoodModel.DataPath ? throw new FileNotFoundException(path) : inner.Open(path);

        public IReadOnlyList<string> List(string folder, string suffix) => inner.List(folder, suffix).Where(p => p != EventhoodModel.DataPath).ToList();
    }
}
