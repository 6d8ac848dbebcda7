using System.Diagnostics;
using Rasid.Ingestion;
using Rasid.Data;
using Rasid.Pipeline;
using Rasid.Tests.Fuzzing;
using static System.FormattableString;

namespace Rasid.Benchmarks.Ingestion;

/// <summary>
/// Issue 13: the long fuzz run. N inputs (default 100,000) from the seeded <see cref="InputFuzzer"/> the test suite uses
/// (huge lines up to MAXLINE characters, default 20,000, so that 100,000 inputs take minutes, not hours) through parsing and extraction; prints every finding and a summary per kind.
/// Exit code 1 when anything was found.
/// </summary>
internal static class FuzzRun
{
    public static int Run(IReadOnlyList<string> args)
    {
        var count = args.Count > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var seed = args.Count > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 13;
        var pipeline = RasidPipeline.Create(DirectoryDataSource.Default());
        var maxLine = args.Count > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var fuzzer = new InputFuzzer(seed, maxLine);
        var options = new IngestOptions();
        var kinds = new SortedDictionary<string, (int Count, double Seconds, double Max)>(StringComparer.Ordinal);
        var findings = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var input = fuzzer.Next();
            var start = Stopwatch.GetTimestamp();
            var problem = InputFuzzer.Check(input, pipeline, options);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var (n, total, max) = kinds.GetValueOrDefault(input.Kind);
            kinds[input.Kind] = (n + 1, total + seconds, Math.Max(max, seconds));
            if (problem is not null)
            {
                findings++;
                Console.WriteLine(Invariant($"input {i} ({input.Kind}, {input.Origin}, {input.Bytes.Length} bytes): {problem}"));
            }

            if ((i + 1) % 10_000 == 0)
            {
                Console.Error.WriteLine(Invariant($"{i + 1} inputs, {findings} findings, {watch.Elapsed.TotalMinutes:F1} min"));
            }
        }

        Console.WriteLine(Invariant($"{count:N0} inputs (seed {seed}) in {watch.Elapsed.TotalMinutes:F1} min: {findings} findings"));
        foreach (var (kind, (n, total, max)) in kinds)
        {
            Console.WriteLine(Invariant($"  {kind,-14} {n,7:N0} inputs, mean {total / n * 1000,8:F2} ms, max {max * 1000,9:F0} ms"));
        }

        return findings == 0 ? 0 : 1;
    }
}
