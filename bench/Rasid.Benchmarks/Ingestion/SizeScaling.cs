using System.Diagnostics;
using System.Text;
using Rasid.Ingestion;
using Rasid.Data;
using Rasid.Pipeline;
using static System.FormattableString;

namespace Rasid.Benchmarks.Ingestion;

/// <summary>
/// Issue 13: work per document must grow linearly with its size. Builds one-line documents of 1, 5 and 50 MB (UTF-8) from
/// samples/*.txt joined into one line and repeated, parses each with the default limits and extracts what is accepted;
/// prints the time of each and the ratio to the first. Also a page of 100,000 nested &lt;div&gt;s.
/// </summary>
internal static class SizeScaling
{
    public static int Run(IReadOnlyList<string> args)
    {
        var sizes = args.Count > 0 ? args.Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [1, 5, 50];
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal).ToList();
        if (samples.Count == 0)
        {
            samples = [.. Directory.GetFiles("samples", "*.txt").Order(StringComparer.Ordinal)];
        }

        var unit = string.Join(' ', samples.Select(f => File.ReadAllText(f).Replace('\n', ' ').Replace('\r', ' ')));
        var watch = Stopwatch.StartNew();
        var pipeline = RasidPipeline.Create(DirectoryDataSource.Default());
        Console.WriteLine(Invariant($"load {watch.Elapsed.TotalSeconds:F2} s; one-line documents from samples/ ({Encoding.UTF8.GetByteCount(unit):N0} bytes repeated)"));
        pipeline.Extract(new SourceDocument { Id = "warm", Text = unit });
        double? first = null;
        foreach (var mb in sizes)
        {
            var sb = new StringBuilder();
            while (Encoding.UTF8.GetByteCount(sb.ToString()) < mb * 1024L * 1024L - unit.Length * 2)
            {
                sb.Append(unit).Append(' ');
            }

            var bytes = Encoding.UTF8.GetBytes(sb.ToString());
            Console.WriteLine(Invariant($"{mb,3} MB: {Time(pipeline, $"one{mb}.txt", bytes, ref first)}"));
        }

        var deep = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>نص</p>" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>");
        Console.WriteLine(Invariant($"100,000 nested divs ({deep.Length / 1e6:F1} MB): {Time(pipeline, "deep.html", deep, ref first)}"));
        var limit = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("<div>", 999)) + "<p>نص</p>" + string.Concat(Enumerable.Repeat("</div>", 999)), 100)) + "</body></html>");
        Console.WriteLine(Invariant($"100 x 999 nested divs ({limit.Length / 1e6:F1} MB, just under the limit): {Time(pipeline, "limit.html", limit, ref first)}"));
        return 0;
    }

    private static string Time(RasidPipeline pipeline, string origin, byte[] bytes, ref double? first)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var items = DocumentParser.Parse(origin, bytes, new IngestOptions()).ToList();
        var events = 0;
        foreach (var item in items.Where(i => i.Document is not null))
        {
            events += pipeline.Extract(item.Document!, withText: true).Events.Count;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        first ??= seconds;
        var outcome = items.FirstOrDefault(i => i.Error is not null).Error is { } error ? "refused: " + error.Message : Invariant($"{events} events");
        return Invariant($"{seconds,7:F2} s wall, {cpuSeconds,7:F2} s cpu, {seconds / first.Value,5:F1}x the first; {outcome}");
    }
}
