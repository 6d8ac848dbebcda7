using System.Diagnostics;
using System.Globalization;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;

namespace Rasid.Benchmarks.Pipeline;

/// <summary>
/// Where a start-up goes (issue 16): in this fresh process, what `rasid extract` does for one short article, timed step
/// by step (the runtime up to Main, <see cref="RasidPipeline.Create"/>, each stage of the first
/// <see cref="RasidPipeline.Extract"/>, the JSON line), with wall and CPU time, page faults (first touches of memory, which
/// cost 10-20 µs each on the measuring machine), JIT-compiled methods and managed allocation; or, with
/// <c>--loaders</c>, each loader of Create once cold and once warm. The figures match the CLI's only when this program is
/// published like it (ReadyToRun, same runtime settings; see bench/README.md).
/// Usage: <c>startup [--loaders] [FILE.txt]</c> (default: the shortest sample).
/// </summary>
public static class StartupSplit
{
    public static int Run(IReadOnlyList<string> args)
    {
        var atMain = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var data = DirectoryDataSource.Default();
        var probe = new Probe();
        Console.WriteLine(Invariant($"{"runtime up to Main",-42} {atMain.TotalMilliseconds,7:F0} ms wall {probe.Totals()}"));
        if (args.Contains("--loaders"))
        {
            Loaders(data);
            return 0;
        }

        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
            ?? Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").MinBy(f => new FileInfo(f).Length)!;
        var pipeline = probe.Step("RasidPipeline.Create", () => RasidPipeline.Create(data));
        var document = new SourceDocument { Id = Path.GetFileNameWithoutExtension(file), Text = File.ReadAllText(file) };
        var timer = new StepTimer(probe);
        var start = Stopwatch.GetTimestamp();
        var result = pipeline.Extract(document, timer: timer);
        Console.WriteLine(Invariant($"{"first Extract, by stage:",-42} {Stopwatch.GetElapsedTime(start).TotalMilliseconds,7:F0} ms wall"));
        foreach (var line in timer.Lines)
        {
            Console.WriteLine(line);
        }

        var json = probe.Step("JSON line", () => RasidJson.ToJsonLine(result));
        probe.Step("second Extract (warm)", () => pipeline.Extract(document));
        Console.WriteLine(Invariant($"{"total since the process started",-42} {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds,7:F0} ms wall {probe.Totals()}; {result.Events.Count} events, {json.Length} chars of JSON"));
        return 0;
    }

    /// <summary>Each loader <see cref="RasidPipeline.Create"/> calls, once cold (so with the JIT of its code, as in a start-up), then once warm.</summary>
    public static void Loaders(IDataSource data)
    {
        var loaders = new (string Name, Func<object> Load)[]
        {
            ("boilerplate (BoilerplateRemover)", () => Rasid.Cleaning.BoilerplateRemover.Load(data)),
            ("actors (ActorDictionary)", () => Rasid.Actors.ActorDictionary.Load(data)),
            ("numbers (NumberRecognizer)", () => Rasid.Numbers.NumberRecognizer.Load(data)),
            ("dates (DateResolver)", () => Rasid.Dates.DateResolver.Load(data)),
            ("places (PlaceResolver: gazetteer)", () => Rasid.Places.PlaceResolver.Load(data)),
            ("events (EventLexicon)", () => Rasid.Events.EventLexicon.Load(data)),
            ("clauses (ClauseSplitter)", () => Rasid.Text.ClauseSplitter.Load(data)),
        };
        Console.WriteLine("start-up split (each loader once, cold: includes its JIT; then once more, warm):");
        var probe = new Probe();
        var total = 0.0;
        foreach (var (name, load) in loaders)
        {
            var start = Stopwatch.GetTimestamp();
            probe.Step("  " + name, load);
            total += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var warm = Stopwatch.GetTimestamp();
            GC.KeepAlive(load());
            Console.WriteLine(Invariant($"  {"(again, warm)",-40} {Stopwatch.GetElapsedTime(warm).TotalMilliseconds,7:F0} ms wall {probe.Delta()}"));
        }

        Console.WriteLine(Invariant($"  {"total (cold)",-40} {total,7:F0} ms wall"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Counters of the process: CPU time, page faults, JIT, allocation; a step prints their change.</summary>
    private sealed class Probe
    {
        private (double Cpu, long Faults, long Methods, double Jit, long Bytes) _last = Now();

        public T Step<T>(string name, Func<T> step)
        {
            var start = Stopwatch.GetTimestamp();
            var value = step();
            Console.WriteLine(Invariant($"{name,-42} {Stopwatch.GetElapsedTime(start).TotalMilliseconds,7:F0} ms wall {Delta()}"));
            return value;
        }

        /// <summary>The change of every counter since the last call.</summary>
        public string Delta()
        {
            var now = Now();
            var (cpu, faults, methods, jit, bytes) = _last;
            _last = now;
            return Invariant($"{now.Cpu - cpu,6:F0} ms CPU {now.Faults - faults,6} faults {now.Methods - methods,5} JIT methods ({now.Jit - jit,4:F0} ms) {(now.Bytes - bytes) / 1e6,5:F1} MB allocated");
        }

        /// <summary>Every counter since the process started.</summary>
        public string Totals()
        {
            var now = Now();
            return Invariant($"{now.Cpu,6:F0} ms CPU {now.Faults,6} faults {now.Methods,5} JIT methods ({now.Jit,4:F0} ms) {now.Bytes / 1e6,5:F1} MB allocated");
        }

        private static (double Cpu, long Faults, long Methods, double Jit, long Bytes) Now() => (
            Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds, MinorFaults(), System.Runtime.JitInfo.GetCompiledMethodCount(),
            System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds, GC.GetTotalAllocatedBytes());

        /// <summary>Minor page faults of this process so far (Linux; 0 elsewhere).</summary>
        private static long MinorFaults()
        {
            try
            {
                var stat = File.ReadAllText("/proc/self/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return long.Parse(fields[7], CultureInfo.InvariantCulture); // field 10 of proc(5), minflt
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }

    /// <summary>Prints each stage of one Extract with the counters' change.</summary>
    private sealed class StepTimer(Probe probe) : IStageTimer
    {
        public List<string> Lines { get; } = [];

        public void Record(string stage, TimeSpan elapsed) =>
            Lines.Add(Invariant($"  {stage,-40} {elapsed.TotalMilliseconds,7:F0} ms wall {probe.Delta()}"));
    }
}
