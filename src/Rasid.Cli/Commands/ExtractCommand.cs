using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rasid.Cleaning;
using Rasid.Cli.Input;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;
using Rasid.Storage;

namespace Rasid.Cli.Commands;

/// <summary>`rasid extract`: documents in, one JSON object per document out.</summary>
internal sealed class ExtractCommand(TimeSpan? progressInterval = null) : ICommand
{
    private readonly TimeSpan _progressInterval = progressInterval ?? TimeSpan.FromSeconds(2);

    private static readonly string[] s_help =
    [
        "usage: rasid extract [PATH...|-] [-o FILE] [--published DATE] [--max-chars N] [--with-text] [--threads N] [--debug] [--explain] [--progress]",
        string.Empty,
        "Reads documents and writes one JSON object per document (JSON Lines).",
        "PATH is a file or a folder (read recursively: .txt .html .htm .xml .rss .atom .jsonl); '-' or no PATH reads stdin.",
        "A file named explicitly is read whatever its extension (HTML, feed, JSON Lines or text is sniffed).",
        string.Empty,
        "Options:",
        "  -o FILE            write the output to FILE (atomically: nothing is left half-written on failure)",
        "  --published DATE   publication date (YYYY-MM-DD) for documents that carry none of their own",
        InputOptions.MaxCharsHelp,
        InputOptions.ThreadsHelp,
        "  --with-text        include the cleaned text in each output object (evidence offsets point into it)",
        "  --debug            on stderr, show what boilerplate was removed from each document",
        "  --explain          on stderr, show each trigger word found and why it became an event or not, then where each",
        "                     field of each event was read or why it was inferred (docs/field-spans.md)",
        "  --progress         show progress on stderr even when it is redirected",
        "  -h, --help         show this help",
        string.Empty,
        "Exit codes: 0 all inputs read, 1 usage error, 2 some input failed (named on stderr), 3 output could not be written.",
    ];

    public string Name => "extract";

    public string Summary => "extract events from documents (files, folders or - for stdin) as JSON Lines";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var reader = new ArgReader(
            args,
            new HashSet<string>(StringComparer.Ordinal) { "--with-text", "--debug", "--explain", "--progress", "--help", "-h" },
            new HashSet<string>(StringComparer.Ordinal) { "-o", "--output", "--published", "--max-chars", "--threads" });
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            foreach (var line in s_help)
            {
                await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }

        var options = new IngestOptions();
        if (reader.Value("--published") is { } publishedText)
        {
            if (!DateOnly.TryParseExact(publishedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var published))
            {
                throw new UsageException($"--published needs a date as YYYY-MM-DD, not '{publishedText}'");
            }

            options = options with { DefaultPublished = published };
        }

        options = InputOptions.WithLimits(options, reader);
        InputOptions.RefuseTerminalStdin(reader.Positional, console, Name);
        var outputPath = reader.Value("-o") ?? reader.Value("--output");
        if (outputPath is { Length: 0 })
        {
            throw new UsageException("-o needs a file name");
        }

        var data = DirectoryDataSource.Default();
        var pipeline = RasidPipeline.Create(data);
        var debug = reader.Flag("--debug");
        var remover = debug ? BoilerplateRemover.Load(data) : null;
        var withText = reader.Flag("--with-text");
        var showProgress = reader.Flag("--progress") || (ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected);
        var paths = reader.Positional.Count == 0 ? ["-"] : reader.Positional;
        var threads = InputOptions.Threads(reader);

        string? tempPath = null;
        TextWriter output = console.Out;
        if (outputPath is not null)
        {
            try
            {
                var full = Path.GetFullPath(outputPath);
                if (AtomicFile.IsDevice(full))
                {
                    // "-o /dev/null": written in place; renaming a file over it would replace the device.
                    output = new StreamWriter(new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false)) { NewLine = "\n" };
                }
                else
                {
                    tempPath = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                    output = new StreamWriter(tempPath, false, new UTF8Encoding(false)) { NewLine = "\n" };
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await console.Error.WriteLineAsync($"rasid extract: cannot write {outputPath}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Storage;
            }
        }

        var failed = false;
        var count = 0;
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        try
        {
            var explain = reader.Flag("--explain");
            var outcomes = OrderedParallel.Map(
                InputCollector.Read(paths, () => OpenStdin(console), options, console.Error.WriteLine),
                item => Process(item, pipeline, remover, withText, explain),
                threads);
            // Synchronous writes: the loop stays on this thread, which also reads the input and waits for each result in
            // turn. An awaited write that completes later moves the loop to a pool thread, where that wait blocks one of the
            // threads the extraction needs (on two cores: one extraction thread left).
            foreach (var outcome in outcomes)
            {
                failed |= outcome.Failed;
                foreach (var line in outcome.Messages)
                {
                    console.Error.WriteLine(line);
                }

                if (outcome.Json is null)
                {
                    continue;
                }

                output.WriteLine(outcome.Json);
                count++;
                if (showProgress && clock.Elapsed - lastProgress >= _progressInterval)
                {
                    lastProgress = clock.Elapsed;
                    var rate = count / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rasid extract: {count} documents, {rate:F1} docs/s"));
                }
            }

            if (tempPath is not null)
            {
                await output.FlushAsync().ConfigureAwait(false);
                await output.DisposeAsync().ConfigureAwait(false);
                File.Move(tempPath, Path.GetFullPath(outputPath!), overwrite: true);
                tempPath = null;
            }
        }
        catch (Exception ex) when (tempPath is not null && ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"rasid extract: cannot write {outputPath}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Storage;
        }
        finally
        {
            if (tempPath is not null)
            {
                await output.DisposeAsync().ConfigureAwait(false);
                TryDelete(tempPath);
            }
        }

        if (showProgress && count > 0 && clock.Elapsed >= _progressInterval)
        {
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rasid extract: done, {count} documents in {clock.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
        }

        return failed ? ExitCodes.InputFailed : ExitCodes.Ok;
    }

    private static Stream OpenStdin(CliConsole console)
    {
        if (console.InputStream is { } stream)
        {
            return stream;
        }

        if (ReferenceEquals(console.In, Console.In))
        {
            // Raw bytes, so the parser can detect the encoding itself.
            return Console.OpenStandardInput();
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(console.In.ReadToEnd()));
    }

    /// <summary>
    /// What one input item gives: its stderr lines (error, warning, --debug, --explain, extraction failure, in that order)
    /// and its JSON line. Runs on a worker thread; the caller writes the outcomes in input order.
    /// </summary>
    private static ItemOutcome Process(IngestItem item, RasidPipeline pipeline, BoilerplateRemover? remover, bool withText, bool explain)
    {
        if (item.Error is { } error)
        {
            return new ItemOutcome([error.ToString()], null, Failed: true);
        }

        var messages = new List<string>();
        if (item.Warning is { } warning)
        {
            messages.Add("warning: " + warning);
        }

        var document = item.Document!;
        if (remover is not null)
        {
            DebugLines(document, remover, messages);
        }

        try
        {
            var trace = explain ? new List<string>() : null;
            var result = pipeline.Extract(document, withText, trace is null ? null : trace.Add);
            foreach (var line in trace ?? [])
            {
                messages.Add($"explain: {document.Id}: {line}");
            }

            return new ItemOutcome(messages, RasidJson.ToJsonLine(result), Failed: false);
        }
#pragma warning disable CA1031 // One bad document must not stop the batch; it is reported and counted as failed input.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            messages.Add($"{document.Origin ?? document.Id}: extraction failed: {ex.Message}");
            return new ItemOutcome(messages, null, Failed: true);
        }
    }

    private static void DebugLines(SourceDocument document, BoilerplateRemover remover, List<string> messages)
    {
        var cleaned = remover.Clean(document.Text, document.Title);
        if (cleaned.Removed.Count == 0)
        {
            messages.Add($"debug: {document.Id}: no boilerplate removed");
            return;
        }

        foreach (var block in cleaned.Removed)
        {
            var removed = document.Text[block.Start..block.End].Replace('\n', ' ').Replace('\r', ' ').Trim();
            if (removed.Length > 60)
            {
                removed = removed[..60] + "…";
            }

            messages.Add($"debug: {document.Id}: removed {block.Reason} [{block.Start}..{block.End}): {removed}");
        }
    }

    /// <summary>One input item's stderr lines and JSON line (null when it gives none).</summary>
    private sealed record ItemOutcome(IReadOnlyList<string> Messages, string? Json, bool Failed);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temp file is better than masking the original error.
        }
    }
}
