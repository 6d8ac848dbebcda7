using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rasid.Data;
using Rasid.Places;
using Rasid.Text;

namespace Rasid.Benchmarks.Places;

/// <summary>
/// Gazetteer load time and memory, and place recognition throughput (MB/s of UTF-8 text through
/// <see cref="PlaceResolver.Analyze"/>, text analysis excluded) over the sample articles or the files given.
/// Entry point for Program.cs: <c>PlacesBenchmark.Run(args, Console.Out)</c>.
/// </summary>
public static class PlacesBenchmark
{
    /// <summary>Runs the benchmark; <paramref name="args"/> are optional text files (default: samples/*.txt).</summary>
    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var data = DirectoryDataSource.Default();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cpuLoad = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var resolver = PlaceResolver.Load(data);
        var cold = watch.Elapsed.TotalMilliseconds;
        var coldCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuLoad).TotalMilliseconds;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(resolver);

        var warm = double.MaxValue;
        var warmCpu = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            _ = PlaceResolver.Load(data);
            warm = Math.Min(warm, watch.Elapsed.TotalMilliseconds);
            warmCpu = Math.Min(warmCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        }

        var files = args.Length > 0 ? args : Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt");
        var texts = files.Select(f => AnalyzedText.Analyze(File.ReadAllText(f, Encoding.UTF8))).ToList();
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t.Original));
        var mentions = texts.Sum(t => resolver.Analyze(t, []).Mentions.Count);
        watch.Restart();
        while (watch.Elapsed.TotalSeconds < 2)
        {
            foreach (var t in texts)
            {
                _ = resolver.Analyze(t, []); // warm-up: let the JIT reach its optimised tier
            }
        }

        long processed = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        while (watch.Elapsed.TotalSeconds < 3)
        {
            foreach (var t in texts)
            {
                _ = resolver.Analyze(t, []);
            }

            processed += bytes;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"places: gazetteer {resolver.Gazetteer.Places.Count} entries; load cold {cold:0} ms ({coldCpu:0} ms CPU), warm {warm:0} ms ({warmCpu:0} ms CPU); retained {retained / 1e6:0.0} MB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"places: recognition {processed / 1e6 / seconds:0.0} MB/s wall, {processed / 1e6 / cpuSeconds:0.0} MB/s per CPU second, over {texts.Count} documents ({bytes / 1e3:0} kB UTF-8, {mentions} resolved mentions)"));
        return 0;
    }
}
