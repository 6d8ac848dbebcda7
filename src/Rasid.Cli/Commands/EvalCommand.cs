using System.Globalization;
using System.Text.Json;
using Rasid.Data;
using Rasid.Evaluation;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;

namespace Rasid.Cli.Commands;

/// <summary>`rasid eval`: scores extraction against gold files as docs/event-schema.md specifies.</summary>
internal sealed class EvalCommand : ICommand
{
    private const string Usage = "usage: rasid eval GOLD_DIR (--docs DOCS.jsonl | --pred PRED.jsonl) [--details]";

    public string Name => "eval";

    public string Summary => "score extracted events against gold files (detection/strict F1, per-field accuracy)";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--help", "-h", "--details" }, new HashSet<string> { "--docs", "--pred" });
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (reader.Positional.Count != 1 || (reader.Value("--docs") is null) == (reader.Value("--pred") is null))
        {
            throw new UsageException("give one GOLD_DIR and exactly one of --docs or --pred. " + Usage);
        }

        var goldDir = reader.Positional[0];
        if (Directory.Exists(Path.Combine(goldDir, "gold")))
        {
            goldDir = Path.Combine(goldDir, "gold");
        }

        if (!Directory.Exists(goldDir))
        {
            await console.Error.WriteLineAsync($"{goldDir}: no such directory").ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }

        var failed = false;
        var gold = new List<GoldDocument>();
        foreach (var file in Directory.EnumerateFiles(goldDir, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                gold.Add(GoldDocument.Parse(await File.ReadAllTextAsync(file).ConfigureAwait(false)));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                failed = true;
                await console.Error.WriteLineAsync($"{file}: not a valid gold file: {ex.Message}").ConfigureAwait(false);
            }
        }

        var predictions = new Dictionary<string, DocumentResult>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.Value("--docs") is { } docsPath)
        {
            var pipeline = RasidPipeline.Create(DirectoryDataSource.Default());
            var bytes = await File.ReadAllBytesAsync(docsPath).ConfigureAwait(false);
            foreach (var item in DocumentParser.Parse(docsPath, bytes, new IngestOptions()))
            {
                if (item.Error is { } error)
                {
                    failed = true;
                    await console.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
                    continue;
                }

                var result = pipeline.Extract(item.Document!, withText: true);
                predictions[result.DocId] = result;
                texts[result.DocId] = result.Text ?? string.Empty;
            }
        }
        else
        {
            var path = reader.Value("--pred")!;
            var lineNumber = 0;
            foreach (var line in await File.ReadAllLinesAsync(path).ConfigureAwait(false))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    var result = RasidJson.ReadDocumentResult(line);
                    if (result is not null)
                    {
                        predictions[result.DocId] = result;
                    }
                }
                catch (JsonException ex)
                {
                    failed = true;
                    await console.Error.WriteLineAsync($"{path}:{lineNumber}: not a valid result line: {ex.Message}").ConfigureAwait(false);
                }
            }
        }

        var report = EventScorer.Score(gold, predictions, texts);
        await WriteReportAsync(console.Out, report, reader.Flag("--details")).ConfigureAwait(false);
        return failed ? ExitCodes.InputFailed : ExitCodes.Ok;
    }

    private static async Task WriteReportAsync(TextWriter o, EvaluationReport report, bool details)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var d = report.Detection;
        var s = report.Strict;
        await o.WriteLineAsync($"detection  P {F(d.Precision)}  R {F(d.Recall)}  F1 {F(d.F1)}   (tp {d.TruePositives}, fp {d.FalsePositives}, fn {d.FalseNegatives})").ConfigureAwait(false);
        await o.WriteLineAsync($"strict     P {F(s.Precision)}  R {F(s.Recall)}  F1 {F(s.F1)}   (tp {s.TruePositives}, fp {s.FalsePositives}, fn {s.FalseNegatives})").ConfigureAwait(false);
        await o.WriteLineAsync("field accuracy on pairs:").ConfigureAwait(false);
        foreach (var (name, f) in report.Fields)
        {
            await o.WriteLineAsync($"  {name,-15} {f.Correct,3}/{f.Total,-3} {EventScorer.Percent(f.Accuracy)}").ConfigureAwait(false);
        }

        await o.WriteLineAsync("per document (tp/fp/fn):").ConfigureAwait(false);
        foreach (var (doc, p) in report.PerDocument)
        {
            await o.WriteLineAsync($"  {doc,-45} {p.TruePositives}/{p.FalsePositives}/{p.FalseNegatives}").ConfigureAwait(false);
        }

        await o.WriteLineAsync("misses and false positives:").ConfigureAwait(false);
        foreach (var pair in report.Pairs)
        {
            if (pair.Predicted is null && pair.Gold is { Optional: false } g)
            {
                await o.WriteLineAsync($"  MISS {pair.DocId}: {g.EventType} / {string.Join('|', g.SubEventTypes)} {g.Admin1Code} [{string.Join('|', g.LocationAr)}] «{g.Evidence}»").ConfigureAwait(false);
            }
            else if (pair.Gold is null && pair.Predicted is { } e)
            {
                await o.WriteLineAsync($"  FP   {pair.DocId}: {e.EventType} / {e.SubEventType} {e.Admin1Code} [{e.LocationAr}] trigger «{e.Trigger}» a1={e.Actor1?.Name} a2={e.Actor2?.Name} «{Clip(e.Evidence.Text)}»").ConfigureAwait(false);
            }
            else if (details && pair.Gold is { } pg && pair.Predicted is { } pe)
            {
                await o.WriteLineAsync($"  PAIR {pair.DocId}: {pe.EventType} / {pe.SubEventType} (gold {string.Join('|', pg.SubEventTypes)}) {pe.Admin1Code} [{pe.LocationAr} vs {string.Join('|', pg.LocationAr)}] a1={pe.Actor1?.Name} a2={pe.Actor2?.Name} k={pe.Fatalities}/{pg.Fatalities} i={pe.Injured}/{pg.Injured} c={pe.Captured}/{pg.Captured} r={pe.Released}/{pg.Released} d={pe.Date}/{pg.Date}").ConfigureAwait(false);
            }
        }
    }

    private static string Clip(string? s) => s is null ? string.Empty : s.Length <= 90 ? s : s[..90] + "…";
}
