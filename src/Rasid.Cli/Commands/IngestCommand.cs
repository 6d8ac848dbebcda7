using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Rasid.Cli.Input;
using Rasid.Cli.Storage;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;
using Rasid.Storage;
using Rasid.Storage.Sql;

namespace Rasid.Cli.Commands;

/// <summary>`rasid ingest`: extract documents and store them, their mentions and the merged events in SQLite.</summary>
internal sealed class IngestCommand : ICommand
{
    private static readonly string Usage =
        "usage: rasid ingest [PATH...|-] [--db FILE | --pg CONNECTION] [--reextract] [--published DATE] [--max-chars N] [--extracted] [--batch-size N] [--threads N]\n"
        + "  PATH        files or folders (.txt, .html, .xml, .jsonl), or - for stdin\n"
        + "  --db        database file (default ./rasid.db, created when missing and there is something to store)\n"
        + "  --pg        PostgreSQL connection string instead (or set RASID_PG)\n"
        + "  --reextract extract documents already stored (same id) again and rebuild their events; a document whose\n"
        + "              text changed replaces the stored one. Without PATH, re-extracts every stored document\n"
        + "  --published publication date (YYYY-MM-DD) for documents that carry none of their own\n"
        + InputOptions.MaxCharsHelp[2..] + "\n"
        + "  --extracted the inputs are `rasid extract --with-text` output: store those results as they are\n"
        + "  --batch-size documents per transaction (default 200)\n"
        + "  --threads   documents extracted at once, ahead of the writer (default: one per processor); 1 extracts one after another\n"
        + "A document whose id is stored with a different text is not stored: it is named on stderr, counted, and the exit\n"
        + "code is 2 (pass --reextract to store the new text in its place).";

    public string Name => "ingest";

    public string Summary => "extract documents into a SQLite or PostgreSQL store, merging reports of the same event";

    public static string ExtractorVersion { get; } =
        "rasid/" + (typeof(RasidPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--reextract", "--extracted", "--help", "-h" }, new HashSet<string> { "--db", "--pg", "--published", "--batch-size", "--max-chars", "--threads" });
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var batchSize = reader.Value("--batch-size") is { } b
            ? int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException("--batch-size needs a positive number")
            : 200;
        var options = InputOptions.WithLimits(new IngestOptions { DefaultPublished = StoreCli.DateOption(reader, "--published") }, reader);
        var threads = InputOptions.Threads(reader);
        var reextract = reader.Flag("--reextract");
        var fromStore = reextract && reader.Positional.Count == 0;
        if (!fromStore)
        {
            InputOptions.RefuseTerminalStdin(reader.Positional, console, Name);
        }

        var paths = reader.Positional.Count == 0 ? ["-"] : reader.Positional;
        var failed = false;
        var database = StoreCli.Location(reader);
        if (fromStore && !database.Exists)
        {
            await console.Error.WriteLineAsync($"rasid ingest: no database at {database} to re-extract").ConfigureAwait(false);
            return ExitCodes.Storage;
        }

        Stream? stdinStream = null;
        Stream Stdin() => stdinStream ??= console.InputStream ?? Console.OpenStandardInput();

        IEnumerable<IngestInput> ReadInputs()
        {
            if (reader.Flag("--extracted"))
            {
                foreach (var (input, error) in ExtractedReader.Read(paths, Stdin()))
                {
                    if (error is not null)
                    {
                        failed = true;
                        console.Error.WriteLine(error.ToString());
                    }
                    else
                    {
                        yield return input!;
                    }
                }

                yield break;
            }

            foreach (var item in InputCollector.Read(paths, Stdin, options, console.Error.WriteLine))
            {
                if (item.Error is { } error)
                {
                    failed = true;
                    console.Error.WriteLine(error.ToString());
                    continue;
                }

                if (item.Warning is { } warning)
                {
                    console.Error.WriteLine("warning: " + warning);
                }

                yield return new IngestInput(item.Document!);
            }
        }

        // The database is created only once there is a document to store: a wrong path or an empty folder leaves no file behind.
        using var files = fromStore ? null : ReadInputs().GetEnumerator();
        if (files is not null && !files.MoveNext())
        {
            await console.Error.WriteLineAsync("rasid ingest: no document to ingest" + (database.Exists ? string.Empty : $"; {database} not created")).ConfigureAwait(false);
            return ExitCodes.InputFailed;
        }

        try
        {
            using var store = database.Open();
            // Results given with --extracted are stored as they are: the language data is not loaded for them.
            var pipeline = reader.Flag("--extracted") && !fromStore ? null : RasidPipeline.Create(DirectoryDataSource.Default());
            var ingestor = new EventIngestor(store, Extract, ExtractorVersion, batchSize, threads);

            // One document the extractor fails on must not end the batch: it is named on stderr (exit 2) and stored
            // without events, so `rasid ingest --reextract` can try it again once the extractor is mended.
            DocumentResult Extract(SourceDocument document)
            {
                try
                {
                    return pipeline!.Extract(document, withText: true);
                }
#pragma warning disable CA1031 // Reported and counted as failed input, like a parse error.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    lock (console)
                    {
                        failed = true;
                        console.Error.WriteLine($"{document.Origin ?? document.Id}: extraction failed, stored without events: {ex.Message}");
                    }

                    return new DocumentResult { DocId = document.Id, Events = [], Text = document.Text };
                }
            }
            var identity = new DocumentIdentityCheck(store, reextract);

            IEnumerable<IngestInput> Inputs()
            {
                if (fromStore)
                {
                    foreach (var id in store.DocumentIds())
                    {
                        if (store.ReadDocument(id) is { } stored)
                        {
                            yield return new IngestInput(stored.Document, null, stored.ContentHash);
                        }
                    }

                    yield break;
                }

                IEnumerable<IngestInput> Rest()
                {
                    do
                    {
                        yield return files!.Current;
                    }
                    while (files!.MoveNext());
                }

                foreach (var input in identity.Filter(Rest(), (input, why) =>
                {
                    failed = true;
                    console.Error.WriteLine($"{input.Document.Origin ?? input.Document.Id}: {why}");
                }))
                {
                    yield return input;
                }
            }

            var total = fromStore ? store.Counts().Documents : IngestProgressReporter.Estimate(paths);
            // A document the store refuses is named (exit 2) and the rest of its batch is stored.
            void NotStored(IngestInput input, string message)
            {
                failed = true;
                console.Error.WriteLine($"{input.Document.Origin ?? input.Document.Id}: not stored: {message}");
            }

            var summary = IngestProgressReporter.Run(console, total, progress => ingestor.Ingest(Inputs(), reextract, progress, NotStored));
            var counts = store.Counts();
            var refused = (identity.Refused > 0
                ? string.Create(CultureInfo.InvariantCulture, $", {identity.Refused} refused (id stored or read earlier with another text; see stderr)")
                : string.Empty) + (summary.Failed > 0
                ? string.Create(CultureInfo.InvariantCulture, $", {summary.Failed} not stored (refused by the store; see stderr)")
                : string.Empty);
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"ingested {summary.Seen} documents in {summary.Elapsed.TotalSeconds:F1} s ({(summary.Elapsed.TotalSeconds > 0 ? summary.Seen / summary.Elapsed.TotalSeconds : 0):F0} docs/s): "
                + $"{summary.Stored} new, {summary.Reextracted} re-extracted, {summary.SkippedSameId} skipped (id stored), {summary.SkippedSameContent} skipped (same text)"
                + $"{refused}; "
                + $"{summary.Mentions} mentions. {database}: {counts.Documents} documents, {counts.Mentions} mentions, {counts.Events} events")).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or StoreException)
        {
            await console.Error.WriteLineAsync(StoreCli.StorageError("ingest", database, ex)).ConfigureAwait(false);
            return ExitCodes.Storage;
        }

        return failed ? ExitCodes.InputFailed : ExitCodes.Ok;
    }
}
