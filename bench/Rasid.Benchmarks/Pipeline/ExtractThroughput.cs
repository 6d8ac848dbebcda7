using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;

namespace Rasid.Benchmarks.Pipeline;

/// <summary>
/// Whole-extraction throughput on one thread: <see cref="RasidPipeline.Create"/> load time, then
/// <see cref="RasidPipeline.Extract"/> over every document in documents/s and MB/s (UTF-8 input), events found,
/// the slowest documents and peak working set; then the per-stage time split reported by Extract's stage timer.
/// Usage: <c>extract [--passes N] [--top N] [CORPUS.jsonl|FILE.txt ...]</c> (default: samples/).
/// </summary>
public static class ExtractThroughput
{
    public static int Run(IReadOnlyList<string> args)
    {
        var passes = 0;
        var top = 5;
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--passes" && i + 1 < args.Count)
            {
                passes = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--top" && i + 1 < args.Count)
            {
                top = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                paths.Add(args[i]);
            }
        }

        var data = DirectoryDataSource.Default();
        StartupSplit.Loaders(data);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loadCpu = CpuSeconds();
        var watch = Stopwatch.StartNew();
        var pipeline = RasidPipeline.Create(data);
        var load = watch.Elapsed.TotalSeconds;
        loadCpu = CpuSeconds() - loadCpu;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(Invariant($"load: RasidPipeline.Create {load * 1000:F0} ms wall, {loadCpu * 1000:F0} ms CPU; retained {retained / 1e6:F0} MB"));

        var docs = Load(paths);
        var bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text) + (d.Title is null ? 0 : Encoding.UTF8.GetByteCount(d.Title)));
        var chars = docs.Sum(d => (long)d.Text.Length);
        Console.WriteLine(Invariant($"input: {docs.Count} documents, {bytes / 1e6:F2} MB UTF-8, {chars / 1e6:F2} M chars"));
        if (docs.Count == 0)
        {
            return 1;
        }

        if (passes <= 0)
        {
            passes = bytes > 2_000_000 ? 2 : 5;
        }

        // Warm-up pass (JIT, tiering), which also counts what is found.
        var events = 0;
        var relevant = 0;
        foreach (var d in docs)
        {
            var r = pipeline.Extract(d);
            events += r.Events.Count;
            relevant += r.Relevant ? 1 : 0;
        }

        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        var allocated = long.MaxValue;
        var collections = int.MaxValue;
        var perDocument = new double[docs.Count];
        var times = new double[docs.Count];
        for (var p = 0; p < passes; p++)
        {
            var cpu = CpuSeconds();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var collectionsBefore = GC.CollectionCount(0);
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < docs.Count; i++)
            {
                var t = Stopwatch.GetTimestamp();
                _ = pipeline.Extract(docs[i]);
                times[i] = Stopwatch.GetElapsedTime(t).TotalSeconds;
            }

            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            bestCpu = Math.Min(bestCpu, CpuSeconds() - cpu);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
            collections = Math.Min(collections, GC.CollectionCount(0) - collectionsBefore);
            if (elapsed < best)
            {
                best = elapsed;
                Array.Copy(times, perDocument, times.Length);
            }
        }

        Console.WriteLine(Invariant(
            $"extract: {docs.Count / best,8:F0} docs/s wall {docs.Count / bestCpu,8:F0} docs/s cpu   {bytes / 1e6 / best,6:F2} MB/s wall {bytes / 1e6 / bestCpu,6:F2} MB/s cpu  (best of {passes}, {best:F2} s/pass)"));
        Console.WriteLine(Invariant($"allocated: {allocated / 1e6:F0} MB per pass, {allocated / 1e3 / docs.Count:F0} KB per document; {collections} gen-0 collections per pass"));
        Console.WriteLine(Invariant($"found: {events} events in {relevant} relevant documents ({100.0 * relevant / docs.Count:F1}%)"));
        var sorted = perDocument.Order().ToArray();
        Console.WriteLine(Invariant(
            $"per document: median {sorted[sorted.Length / 2] * 1000:F2} ms, p99 {sorted[(int)(sorted.Length * 0.99)] * 1000:F1} ms, max {sorted[^1] * 1000:F0} ms; slowest {Math.Min(top, docs.Count)} take {100 * sorted[^Math.Min(top, docs.Count)..].Sum() / best:F0}% of the pass"));
        foreach (var i in Enumerable.Range(0, docs.Count).OrderByDescending(i => perDocument[i]).Take(top))
        {
            var d = docs[i];
            Console.WriteLine(Invariant($"  {perDocument[i] * 1000,8:F0} ms  {d.Id}  {d.Text.Length} chars, longest line {LongestLine(d.Text)} chars"));
        }

        StageProfile(pipeline, docs);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(Invariant($"peak working set: {process.PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }

    /// <summary>One more pass of <see cref="RasidPipeline.Extract"/> with its stage timer, adding up each stage's time.</summary>
    private static void StageProfile(RasidPipeline pipeline, IReadOnlyList<SourceDocument> docs)
    {
        var timer = new StageTotals();
        long sink = 0;
        foreach (var document in docs)
        {
            timer.Start();
            sink += pipeline.Extract(document, timer: timer).Events.Count;
        }

        var total = timer.Totals.Values.Sum(t => t.Ticks);
        Console.WriteLine(Invariant($"stages (one pass, {TimeSpan.FromTicks(total).TotalSeconds:F2} s, {sink} events; time, share, managed allocation):"));
        foreach (var (stage, time) in timer.Totals)
        {
            Console.WriteLine(Invariant($"  {stage,-40} {time.TotalMilliseconds,8:F0} ms {100.0 * time.Ticks / total,5:F1}% {timer.Allocated[stage] / 1e6,7:F1} MB"));
        }
    }

    /// <summary>Adds up the time and the managed allocation of each stage (this thread's), in the order the stages first report.</summary>
    private sealed class StageTotals : IStageTimer
    {
        private long _allocated;

        public OrderedDictionary<string, TimeSpan> Totals { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Allocated { get; } = new(StringComparer.Ordinal);

        /// <summary>Call right before each Extract: the first stage's allocation counts from here.</summary>
        public void Start() => _allocated = GC.GetAllocatedBytesForCurrentThread();

        public void Record(string stage, TimeSpan elapsed)
        {
            var now = GC.GetAllocatedBytesForCurrentThread();
            Allocated[stage] = Allocated.GetValueOrDefault(stage) + now - _allocated;
            Totals[stage] = Totals.GetValueOrDefault(stage) + elapsed;
            _allocated = GC.GetAllocatedBytesForCurrentThread();
        }
    }

    /// <summary>Reads id, text, title and published from JSON Lines files, or whole .txt files; default: samples/*.txt.</summary>
    private static List<SourceDocument> Load(IReadOnlyList<string> paths)
    {
        var files = paths.Count > 0
            ? paths
            : Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal).ToList();
        var docs = new List<SourceDocument>();
        foreach (var file in files)
        {
            if (!file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                docs.Add(new SourceDocument { Id = Path.GetFileNameWithoutExtension(file), Text = File.ReadAllText(file) });
                continue;
            }

            var line = 0;
            foreach (var json in File.ReadLines(file))
            {
                line++;
                if (string.IsNullOrWhiteSpace(json))
                {
                    continue;
                }

                using var parsed = JsonDocument.Parse(json);
                var root = parsed.RootElement;
                if (String(root, "text") is not { } text)
                {
                    continue;
                }

                DateOnly? published = String(root, "published") is { Length: >= 10 } p
                    && DateOnly.TryParseExact(p[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
                docs.Add(new SourceDocument
                {
                    Id = String(root, "id") ?? Invariant($"{Path.GetFileName(file)}:{line}"),
                    Text = text,
                    Title = String(root, "title"),
                    Published = published,
                });
            }
        }

        return docs;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int LongestLine(string text)
    {
        var longest = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                longest = Math.Max(longest, i - start);
                start = i + 1;
            }
        }

        return longest;
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
