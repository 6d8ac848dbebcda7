using System.Security.Cryptography;
using System.Text;
using Rasid.Evaluation;
using Rasid.Records;

namespace Rasid.Train;

/// <summary>Per-event probabilities of being kept, by document key and event index.</summary>
internal sealed class Probabilities : Dictionary<string, double[]>
{
    public Probabilities()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>Grouped k-fold cross-validation by document, with the real scorer deciding every figure.</summary>
/// <param name="documents">The labelled documents of every set.</param>
/// <param name="folds">How many folds.</param>
/// <param name="fit">Fits a model on labelled events.</param>
internal sealed class CrossValidation(IReadOnlyList<LabelledDocument> documents, int folds, Func<IReadOnlyList<LabelledEvent>, IEventhoodScorer> fit)
{
    /// <summary>Probability thresholds tried (0 keeps every event: the rules alone).</summary>
    private static readonly double[] Thresholds = Enumerable.Range(0, 29).Select(i => i * 0.025).ToArray();

    /// <summary>
    /// The fold of each document: documents sorted by the SHA-256 of "set/doc_id", then dealt round-robin; deterministic
    /// and independent of file order.
    /// </summary>
    public Dictionary<string, int> FoldOf { get; } = documents
        .OrderBy(d => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(d.Key))), StringComparer.Ordinal)
        .Select((d, i) => (d.Key, Fold: i % folds))
        .ToDictionary(x => x.Key, x => x.Fold, StringComparer.Ordinal);

    /// <summary>The outcome of one outer fold.</summary>
    public sealed record FoldResult(int Fold, double Threshold, IEventhoodScorer Model);

    /// <summary>
    /// Runs the outer folds: for each, the threshold is chosen on the training folds alone (by an inner cross-validation
    /// over them, so it is chosen on probabilities of events the model did not see), the model is fitted on all the
    /// training folds and applied to the held-out one. Returns the out-of-fold keep decisions and probabilities.
    /// </summary>
    public (List<FoldResult> Folds, Probabilities OutOfFold, Dictionary<string, double> ThresholdOf) Run()
    {
        var results = new List<FoldResult>();
        var outOfFold = new Probabilities();
        var thresholdOf = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var f = 0; f < folds; f++)
        {
            var training = documents.Where(d => FoldOf[d.Key] != f).ToList();
            var inner = Predict(training, training.Select(d => FoldOf[d.Key]).Distinct().ToList());
            var threshold = BestThreshold(training, inner);
            var model = Fit(training);
            foreach (var d in documents.Where(d => FoldOf[d.Key] == f))
            {
                outOfFold[d.Key] = d.Events.Select(e => model.Score(e.Features)).ToArray();
                thresholdOf[d.Key] = threshold;
            }

            results.Add(new FoldResult(f, threshold, model));
        }

        return (results, outOfFold, thresholdOf);
    }

    /// <summary>Out-of-fold probabilities over <paramref name="training"/>, folding by the given outer folds.</summary>
    private Probabilities Predict(List<LabelledDocument> training, List<int> groups)
    {
        var p = new Probabilities();
        foreach (var g in groups)
        {
            var model = Fit(training.Where(d => FoldOf[d.Key] != g).ToList());
            foreach (var d in training.Where(d => FoldOf[d.Key] == g))
            {
                p[d.Key] = d.Events.Select(e => model.Score(e.Features)).ToArray();
            }
        }

        return p;
    }

    /// <summary>Fits the model on the events of <paramref name="docs"/>.</summary>
    public IEventhoodScorer Fit(IEnumerable<LabelledDocument> docs) => fit(docs.SelectMany(d => d.Events).ToList());

    /// <summary>The threshold that gives the best detection F1 on <paramref name="docs"/> (the lowest among equals).</summary>
    public static double BestThreshold(IReadOnlyList<LabelledDocument> docs, Probabilities p) =>
        Thresholds.Select(t => (t, F1: Detection(docs, d => Keep(p[d.Key], t)).F1)).OrderByDescending(x => x.F1).ThenBy(x => x.t).First().t;

    /// <summary>Keep decisions for the probabilities <paramref name="p"/> at <paramref name="threshold"/>.</summary>
    public static bool[] Keep(double[] p, double threshold) => p.Select(x => x >= threshold).ToArray();

    /// <summary>Detection score of <paramref name="docs"/> by the spec's scorer, keeping the events <paramref name="keep"/> says (all when null).</summary>
    public static PrfScore Detection(IEnumerable<LabelledDocument> docs, Func<LabelledDocument, bool[]>? keep = null)
    {
        var total = default(PrfScore);
        foreach (var set in docs.GroupBy(d => d.Set))
        {
            var predictions = new Dictionary<string, DocumentResult>(StringComparer.Ordinal);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var d in set)
            {
                var k = keep?.Invoke(d);
                predictions[d.Gold.DocId] = d.Result with { Events = d.Result.Events.Where((_, i) => k is null || k[i]).ToList() };
                texts[d.Gold.DocId] = d.Result.Text ?? string.Empty;
            }

            total += EventScorer.Score(set.Select(d => d.Gold).ToList(), predictions, texts).Detection;
        }

        return total;
    }
}
