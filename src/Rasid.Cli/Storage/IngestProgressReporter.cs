using System.Diagnostics;
using System.Globalization;
using Rasid.Storage;
using Spectre.Console;

namespace Rasid.Cli.Storage;

/// <summary>
/// Shows ingest progress: a Spectre.Console bar (documents/s, ETA) on stderr when it is a terminal, otherwise a plain line
/// on stderr after a committed batch, at most about once a second.
/// </summary>
internal static class IngestProgressReporter
{
    public static bool IsInteractive(CliConsole console) =>
        ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;

    public static IngestSummary Run(CliConsole console, long? total, Func<Action<IngestProgress>, IngestSummary> ingest)
    {
        if (!IsInteractive(console))
        {
            var clock = Stopwatch.StartNew();
            TimeSpan? last = null;
            return ingest(p =>
            {
                if (last is { } previous && clock.Elapsed - previous < TimeSpan.FromSeconds(1))
                {
                    return;
                }

                last = clock.Elapsed;
                var of = total is { } t ? string.Create(CultureInfo.InvariantCulture, $"/{t}") : string.Empty;
                console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"ingest: {p.Seen}{of} documents read, {p.Stored} written, {p.Skipped} skipped, {p.DocumentsPerSecond:F0} docs/s"));
            });
        }

        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IngestSummary? summary = null;
        ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingest", maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                summary = ingest(p =>
                {
                    task.Value = Math.Min(task.MaxValue, p.Seen);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"ingest {p.Seen} docs, {p.DocumentsPerSecond:F0}/s");
                });
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    /// <summary>Counts documents ahead for the ETA: lines of .jsonl files, one per other file; null for stdin.</summary>
    public static long? Estimate(IReadOnlyList<string> paths)
    {
        long total = 0;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                return null;
            }

            // Folders contribute only the files the collector reads (a README beside the data is skipped there too).
            var files = Directory.Exists(path)
                ? Input.InputCollector.FolderFiles(path, Rasid.Ingestion.DocumentParser.IsSupportedExtension).Select(f => f.File)
                : File.Exists(path) ? [path] : [];
            foreach (var file in files)
            {
                total += file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? CountLines(file) : 1;
            }
        }

        return total;
    }

    private static long CountLines(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var buffer = new byte[1 << 16];
            long lines = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            return lines;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
