using System.Globalization;
using System.Text;
using Rasid.Data;
using Rasid.Evaluation;
using Rasid.Events;
using Rasid.Pipeline;
using Rasid.Train;

// The eventhood trainer (docs/eventhood.md). Usage:
//   dotnet run --project tools/Rasid.Train -c Release -- SET_DIR... [--folds 5] [--l1 1] [--l2 1] [--out data/events/eventhood.tsv] [--force] [--dump events.tsv] [--trees] [--label-type]
// Each SET_DIR holds gold/*.json and docs.jsonl (../shared/eval/dev, dev2, dev3). Prints the cross-validation by document
// (rules alone against rules + filter, per fold and per set); with --out, writes the weights fitted on every document,
// but only when the filter beat the rules on the validation folds without lowering any set (or with --force).
var sets = new List<string>();
var (folds, l1, l2, output, force, dump, trees, labelType) = (5, 1f, 1f, (string?)null, false, (string?)null, false, false);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--folds": folds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--l1": l1 = float.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--l2": l2 = float.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--out": output = args[++i]; break;
        case "--force": force = true; break;
        case "--dump": dump = args[++i]; break;
        case "--trees": trees = true; break;
        case "--label-type": labelType = true; break;
        default: sets.Add(args[i]); break;
    }
}

if (sets.Count == 0 || folds < 2)
{
    Console.Error.WriteLine("usage: Rasid.Train SET_DIR... [--folds 5] [--l1 1] [--l2 1] [--out data/events/eventhood.tsv] [--force]");
    return 1;
}

static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
static string Prf(PrfScore s) => $"P {F(s.Precision)} R {F(s.Recall)} F1 {F(s.F1)} (tp {s.TruePositives}, fp {s.FalsePositives}, fn {s.FalseNegatives})";

// The rules' output: every event they keep, with the learned filter's weights hidden from the pipeline.
var pipeline = RasidPipeline.Create(new LabelledSet.WithoutEventhood(DirectoryDataSource.Default()));
var documents = new List<LabelledDocument>();
foreach (var dir in sets)
{
    var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
    var loaded = LabelledSet.Load(name, dir, pipeline);
    var events = loaded.SelectMany(d => d.Events).ToList();
    Console.WriteLine($"{name}: {loaded.Count} documents, {events.Count} events, {events.Count(e => e.Matched)} paired with gold; rules {Prf(CrossValidation.Detection(loaded))}");
    documents.AddRange(loaded);
}

if (dump is not null)
{
    // For a developer's own analysis: one row per event (document key, index, label, features); no text.
    File.WriteAllLines(dump, documents.SelectMany(d => d.Events.Select((e, i) =>
            string.Join('\t', new[] { d.Key, i.ToString(CultureInfo.InvariantCulture), e.Matched ? "1" : "0" }.Concat(e.Features.Select(v => v.ToString(CultureInfo.InvariantCulture))))))
        .Prepend(string.Join('\t', new[] { "doc", "event", "matched" }.Concat(EventhoodFeatures.Names))));
}

// --trees: boosted trees instead of the linear model, to compare in the cross-validation (never exported).
// --label-type: learn "the gold has an event of this type" (eventhood without the place) instead of "the scorer paired it".
IReadOnlyList<LabelledEvent> Labels(IReadOnlyList<LabelledEvent> events) => labelType ? events.Select(e => e with { Matched = e.SameTypeInGold }).ToList() : events;
var cv = new CrossValidation(documents, folds, events => trees ? LinearTrainer.FitTrees(Labels(events)) : LinearTrainer.Fit(Labels(events), l1, l2));
Console.WriteLine();
Console.WriteLine($"folds (SHA-256 of set/doc_id, dealt round-robin): {string.Join("; ", Enumerable.Range(0, folds).Select(f => $"{f}: " + string.Join(" ", documents.GroupBy(d => d.Set).Select(g => $"{g.Key} {g.Count(d => cv.FoldOf[d.Key] == f)}"))))}");
foreach (var d in documents.OrderBy(d => cv.FoldOf[d.Key]).ThenBy(d => d.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  fold {cv.FoldOf[d.Key]}  {d.Key}");
}

var (foldResults, outOfFold, thresholdOf) = cv.Run();
bool[] Filtered(LabelledDocument d) => CrossValidation.Keep(outOfFold[d.Key], thresholdOf[d.Key]);

Console.WriteLine();
Console.WriteLine("fold  threshold  dropped  rules F1 -> filter F1 (all sets)   dev3 rules -> filter");
var gains = new List<double>();
foreach (var r in foldResults)
{
    var inFold = documents.Where(d => cv.FoldOf[d.Key] == r.Fold).ToList();
    var (rules, model) = (CrossValidation.Detection(inFold), CrossValidation.Detection(inFold, Filtered));
    var dev3 = inFold.Where(d => d.Set == "dev3").ToList();
    var dropped = inFold.Sum(d => Filtered(d).Count(k => !k));
    gains.Add(model.F1 - rules.F1);
    Console.WriteLine($"{r.Fold,4}  {F(r.Threshold),9}  {dropped,7}  {F(rules.F1)} -> {F(model.F1)} ({(model.F1 - rules.F1 >= 0 ? "+" : string.Empty)}{F(model.F1 - rules.F1)})     "
                      + (dev3.Count == 0 ? "-" : $"{F(CrossValidation.Detection(dev3).F1)} -> {F(CrossValidation.Detection(dev3, Filtered).F1)}"));
}

var mean = gains.Average();
var sd = Math.Sqrt(gains.Sum(g => (g - mean) * (g - mean)) / Math.Max(1, gains.Count - 1));
Console.WriteLine($"per-fold F1 change: mean {F(mean)}, standard deviation {F(sd)}, {gains.Count(g => g > 0)} of {gains.Count} folds better, {gains.Count(g => g < 0)} worse");

var scored = documents.SelectMany(d => d.Events.Select((e, i) => (e.Matched, P: outOfFold[d.Key][i]))).ToList();
var (positives, negatives) = (scored.Where(x => x.Matched).ToList(), scored.Where(x => !x.Matched).ToList());
var auc = positives.Sum(p => negatives.Sum(n => p.P > n.P ? 1.0 : p.P == n.P ? 0.5 : 0)) / Math.Max(1, positives.Count * negatives.Count);
Console.WriteLine($"out-of-fold ranking: AUC {F(auc)} ({positives.Count} paired events, {negatives.Count} unpaired); "
                  + $"unpaired among the 10% lowest-scored: {scored.OrderBy(x => x.P).Take(scored.Count / 10).Count(x => !x.Matched)} of {scored.Count / 10}");

Console.WriteLine();
Console.WriteLine("pooled out-of-fold decisions, per set:");
var beats = true;
var summary = new StringBuilder();
foreach (var set in documents.GroupBy(d => d.Set).Select(g => g.ToList()).Append(documents))
{
    var name = set.Count == documents.Count ? "all" : set[0].Set;
    var (rules, model) = (CrossValidation.Detection(set), CrossValidation.Detection(set, Filtered));
    Console.WriteLine($"  {name,-5} rules  {Prf(rules)}");
    Console.WriteLine($"  {name,-5} filter {Prf(model)}");
    beats &= name == "all" ? model.F1 >= rules.F1 + MinimumGain : model.F1 >= rules.F1;
    summary.Append(CultureInfo.InvariantCulture, $"{name} {F(rules.F1)} -> {F(model.F1)}; ");
}

// The shipped model: fitted on every document; its threshold is the one the pooled out-of-fold probabilities favour.
var finalThreshold = CrossValidation.BestThreshold(documents, outOfFold);
var final = LinearTrainer.Fit(Labels(documents.SelectMany(d => d.Events).ToList()), l1, l2);
Console.WriteLine();
Console.WriteLine($"model on all {documents.Count} documents (threshold {F(finalThreshold)}, chosen on the out-of-fold probabilities):");
Console.WriteLine($"  {EventhoodModel.BiasName,-28} {final.Bias,8:0.000}");
foreach (var (name, w) in EventhoodFeatures.Names.Zip(final.Weights).OrderByDescending(x => Math.Abs(x.Second)))
{
    Console.WriteLine($"  {name,-28} {w,8:0.000}");
}

Console.WriteLine();
// A win must be clear of the noise of ~200 events: a point of F1 over all sets, no set lower, more folds better than worse.
beats &= gains.Count(g => g > 0) > gains.Count(g => g < 0);
Console.WriteLine(beats ? $"verdict: the filter beats the rules on the validation folds (by at least {MinimumGain} F1 over all sets, no set lower, more folds better than worse)"
                        : $"verdict: the filter does NOT beat the rules on the validation folds (it needs at least +{MinimumGain} F1 over all sets, no set lower, more folds better than worse)");
if (output is null)
{
    return 0;
}

if (trees || (!beats && !force))
{
    // Only the linear model is exported; a model that does not win is not written (the pipeline then keeps every event).
    Console.WriteLine($"{output} not written (use --force to write it anyway)");
    return 2;
}

var tsv = new StringBuilder();
tsv.AppendLine("# Eventhood filter (docs/eventhood.md): logistic-regression weights over the features of src/Rasid/Events/Eventhood/EventhoodFeatures.cs.");
tsv.AppendLine("# An output event is dropped when sigmoid((bias) + sum of weight x feature) < (threshold). Generated: do not edit by hand, retrain:");
tsv.AppendLine("#   dotnet run --project tools/Rasid.Train -c Release -- ../shared/eval/dev ../shared/eval/dev2 ../shared/eval/dev3 --out data/events/eventhood.tsv");
tsv.AppendLine(CultureInfo.InvariantCulture, $"# Trained on {documents.Count} documents ({string.Join(", ", documents.GroupBy(d => d.Set).Select(g => $"{g.Key} {g.Count()}"))}), {documents.Sum(d => d.Events.Count)} events; L-BFGS logistic regression (Microsoft.ML), L1 {l1}, L2 {l2}.");
tsv.AppendLine(CultureInfo.InvariantCulture, $"# {folds}-fold cross-validation by document, detection F1 rules -> filter: {summary.ToString().TrimEnd(' ', ';')}.");
tsv.AppendLine("feature\tweight");
tsv.AppendLine(CultureInfo.InvariantCulture, $"{EventhoodModel.BiasName}\t{final.Bias.ToString("R", CultureInfo.InvariantCulture)}");
tsv.AppendLine(CultureInfo.InvariantCulture, $"{EventhoodModel.ThresholdName}\t{finalThreshold.ToString("R", CultureInfo.InvariantCulture)}");
foreach (var (name, w) in EventhoodFeatures.Names.Zip(final.Weights))
{
    tsv.AppendLine(CultureInfo.InvariantCulture, $"{name}\t{w.ToString("R", CultureInfo.InvariantCulture)}");
}

File.WriteAllText(output, tsv.ToString());
Console.WriteLine($"wrote {output}");
return 0;

/// <summary>Constants of the trainer.</summary>
internal static partial class Program
{
    /// <summary>The smallest gain in pooled detection F1 (all sets) that counts as beating the rules.</summary>
    private const double MinimumGain = 0.01;
}
