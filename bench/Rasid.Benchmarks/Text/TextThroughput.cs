using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rasid.Data;
using Rasid.Dates;
using Rasid.Numbers;
using Rasid.Text;

namespace Rasid.Benchmarks.Text;

/// <summary>
/// Plain single-thread throughput of the text layer in domain units (MB/s of UTF-8 input, documents/s), with the
/// best of several passes after a warm-up pass; then the peak working set of the process.
/// </summary>
public static class TextThroughput
{
    public static int Run(IReadOnlyList<string> paths)
    {
        var docs = BenchCorpus.Load(paths);
        var bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        var chars = docs.Sum(d => (long)d.Text.Length);
        var data = DirectoryDataSource.Default();
        var numbers = NumberRecognizer.Load(data);
        var dates = DateResolver.Load(data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{docs.Count} documents, {bytes / 1e6:F2} MB UTF-8, {chars / 1e6:F2} M chars"));

        var passes = bytes > 5_000_000 ? 3 : 10;
        Report("normalise", docs, bytes, passes, d => ArabicNormalizer.Normalize(d.Text).Length);
        var normalized = docs.Select(d => new BenchDocument(ArabicNormalizer.Normalize(d.Text).Text, d.Published)).ToList();
        Report("tokenise (normalised input)", normalized, bytes, passes, d => ArabicTokenizer.Tokenize(d.Text).Count);
        var tokenized = normalized.Select(d => ArabicTokenizer.Tokenize(d.Text)).ToList();
        var index = 0;
        Report("sentences (tokenised input)", normalized, bytes, passes, d => SentenceSplitter.Split(d.Text, tokenized[index++ % tokenized.Count]).Count);
        Report("normalise+tokenise+sentences", docs, bytes, passes, d => AnalyzedText.Analyze(d.Text).Tokens.Count);
        Report("+ numbers + dates", docs, bytes, passes, d =>
        {
            var a = AnalyzedText.Analyze(d.Text);
            var found = dates.Find(a, d.Published);
            return a.Tokens.Count + numbers.Find(a, found.TokenRanges()).Count + found.Count;
        });

        var counts = docs.Select(d =>
        {
            var a = AnalyzedText.Analyze(d.Text);
            return (Tokens: a.Tokens.Count, Sentences: a.Sentences.Count, Numbers: numbers.Find(a, dates.Find(a, null).TokenRanges()).Count, Dates: dates.Find(a, d.Published).Count);
        }).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"found: {counts.Sum(c => c.Tokens)} tokens, {counts.Sum(c => c.Sentences)} sentences, {counts.Sum(c => c.Numbers)} numbers, {counts.Sum(c => c.Dates)} dates"));
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {process.PeakWorkingSet64 / 1e6:F0} MB"));
        return 0;
    }

    private static void Report(string name, IReadOnlyList<BenchDocument> docs, long bytes, int passes, Func<BenchDocument, int> work)
    {
        long sink = 0;
        foreach (var d in docs)
        {
            sink += work(d); // warm-up pass (JIT, tiering)
        }

        // Wall time suffers when other processes share the cores, so CPU time of this thread is reported too.
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        for (var p = 0; p < passes; p++)
        {
            var cpu = ThreadCpuSeconds();
            var watch = Stopwatch.StartNew();
            foreach (var d in docs)
            {
                sink += work(d);
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, Math.Max(ThreadCpuSeconds() - cpu, 1e-6));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-30} {bytes / 1e6 / best,8:F1} MB/s wall {bytes / 1e6 / bestCpu,8:F1} MB/s cpu {docs.Count / best,10:F0} docs/s  (best of {passes}, {best * 1000:F0} ms/pass, checksum {sink})"));
    }

    private static double ThreadCpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
