using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Rasid.Cli.Input;
using Rasid.Cli.Storage;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Storage;
using Rasid.Storage.Sql;

namespace Rasid.Cli.Commands;

/// <summary>`rasid ingest`: extract documents and store them, their mentions and the merged events in SQLite.</summary>
internal sealed class IngestCommand : ICommand
{
    private const string Usage =
        "usage: rasid ingest [PATH...|-] [--db FILE | --pg CONNECTION] [--reextract] [--published DATE] [--extracted] [--batch-size N]\n"
        + "  PATH        files or folders (.txt, .html, .xml, .jsonl), or - for stdin\n"
        + "  --db        database file (default ./rasid.db, created when missing)\n"
        + "  --pg        PostgreSQL connection string instead (or set RASID_PG)\n"
        + "  --reextract extract documents already stored (same id) again and rebuild their events;\n"
        + "              without PATH, re-extracts every stored document from its stored text\n"
        + "  --extracted the inputs are `rasid extract --with-text` output: store those results as they are\n"
        + "  --batch-size documents per transaction (default 200)";

    public string Name => "ingest";

    public string Summary => "extract documents into a SQLite or PostgreSQL store, merging reports of the same event";

    public static string ExtractorVersion { get; } =
        "rasid/" + (typeof(RasidPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--reextract", "--extracted", "--help", "-h" }, new HashSet<string> { "--db", "--pg", "--published", "--batch-size" });
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var batchSize = reader.Value("--batch-size") is { } b
            ? int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException("--batch-size needs a positive number")
            : 200;
        var options = new IngestOptions { DefaultPublished = StoreCli.DateOption(reader, "--published") };
        var reextract = reader.Flag("--reextract");
        var fromStore = reextract && reader.Positional.Count == 0;
        var paths = reader.Positional.Count == 0 ? ["-"] : reader.Positional;
        var failed = false;
        var database = StoreCli.Location(reader);
        try
        {
            using var store = database.Open();
            var pipeline = RasidPipeline.Create(DirectoryDataSource.Default());
            var ingestor = new EventIngestor(store, d => pipeline.Extract(d, withText: true), ExtractorVersion, batchSize);
            Stream? stdinStream = null;
            Stream Stdin() => stdinStream ??= console.InputStream ?? Console.OpenStandardInput();

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

                foreach (var item in InputCollector.Read(paths, Stdin, options))
                {
                    if (item.Error is { } error)
                    {
                        failed = true;
                        console.Error.WriteLine(error.ToString());
                    }
                    else
                    {
                        yield return new IngestInput(item.Document!);
                    }
                }
            }

            var total = fromStore ? store.Counts().Documents : IngestProgressReporter.Estimate(paths);
            var summary = IngestProgressReporter.Run(console, total, progress => ingestor.Ingest(Inputs(), reextract, progress));
            var counts = store.Counts();
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"ingested {summary.Seen} documents in {summary.Elapsed.TotalSeconds:F1} s ({(summary.Elapsed.TotalSeconds > 0 ? summary.Seen / summary.Elapsed.TotalSeconds : 0):F0} docs/s): "
                + $"{summary.Stored} new, {summary.Reextracted} re-extracted, {summary.SkippedSameId} skipped (id stored), {summary.SkippedSameContent} skipped (same text); "
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
