using System.Data.Common;
using System.Globalization;
using Rasid.Cli.Input;
using Rasid.Cli.Storage;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Storage.Postgres;
using Rasid.Storage.Sql;

namespace Rasid.Cli.Commands;

/// <summary>`rasid enqueue`: put documents in the PostgreSQL queue for `rasid worker`.</summary>
internal sealed class EnqueueCommand : ICommand
{
    public string Name => "enqueue";

    public string Summary => "put documents in the PostgreSQL queue for rasid worker";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--help", "-h" }, new HashSet<string> { "--pg", "--published" });
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync("usage: rasid enqueue PATH...|- [--pg CONNECTION] [--published DATE]   (documents with an id already queued are left as they are)").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var connection = QueueCli.Connection(reader);
        var options = new IngestOptions { DefaultPublished = StoreCli.DateOption(reader, "--published") };
        var paths = reader.Positional.Count == 0 ? ["-"] : reader.Positional;
        var failed = false;
        var read = 0;
        IEnumerable<SourceDocument> Documents()
        {
            foreach (var item in InputCollector.Read(paths, () => console.InputStream ?? Console.OpenStandardInput(), options))
            {
                if (item.Error is { } error)
                {
                    failed = true;
                    console.Error.WriteLine(error.ToString());
                }
                else
                {
                    read++;
                    yield return item.Document!;
                }
            }
        }

        return await QueueCli.RunAsync(console, "enqueue", connection, async (_, queue) =>
        {
            var added = queue.Enqueue(Documents());
            var counts = queue.Counts();
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"enqueued {added} of {read} documents ({read - added} already queued); queue: {counts.Ready} to do, {counts.Done} done, {counts.Poison} poison")).ConfigureAwait(false);
            return failed ? ExitCodes.InputFailed : ExitCodes.Ok;
        }).ConfigureAwait(false);
    }
}

/// <summary>`rasid worker`: claim queued documents, extract and store them, until stopped or (--exit-when-empty) drained.</summary>
internal sealed class WorkerCommand : ICommand
{
    private const string Usage =
        "usage: rasid worker [--pg CONNECTION] [--batch-size N] [--lease SECONDS] [--max-failures N] [--backoff SECONDS] [--exit-when-empty] [--name NAME]\n"
        + "  --batch-size     documents per claim and per transaction (default 50)\n"
        + "  --lease          seconds a claim is held before another worker may take it over (default 300)\n"
        + "  --max-failures   failures after which a document is set aside as poison (default 3; see rasid queue)\n"
        + "  --backoff        seconds before the first retry of a failed document, doubled after each failure (default 10)\n"
        + "  --exit-when-empty  stop when no document is left to do (for batch runs)";

    public string Name => "worker";

    public string Summary => "process the PostgreSQL queue: claim, extract, store (run any number of them)";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--help", "-h", "--exit-when-empty" }, new HashSet<string> { "--pg", "--batch-size", "--lease", "--max-failures", "--backoff", "--name" });
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var defaults = new WorkerOptions();
        var options = defaults with
        {
            Name = reader.Value("--name") ?? defaults.Name,
            BatchSize = QueueCli.Positive(reader, "--batch-size") ?? defaults.BatchSize,
            Lease = QueueCli.Seconds(reader, "--lease") ?? defaults.Lease,
            MaxFailures = QueueCli.Positive(reader, "--max-failures") ?? defaults.MaxFailures,
            Backoff = QueueCli.Seconds(reader, "--backoff") ?? defaults.Backoff,
            ExitWhenEmpty = reader.Flag("--exit-when-empty"),
        };
        var connection = QueueCli.Connection(reader);
        using var cancel = new CancellationTokenSource();
        void Stop(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            cancel.Cancel();
        }

        Console.CancelKeyPress += Stop;
        try
        {
            return await QueueCli.RunAsync(console, "worker", connection, async (store, queue) =>
            {
                var pipeline = RasidPipeline.Create(DirectoryDataSource.Default());
                var worker = new QueueWorker(store, queue, d => pipeline.Extract(d, withText: true), IngestCommand.ExtractorVersion, options);
                var summary = worker.Run(cancel.Token, p => console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"worker {options.Name}: {p.Claimed} claimed, {p.Stored} stored, {p.Skipped} already stored, {p.Failed} failed, {(p.Elapsed.TotalSeconds > 0 ? p.Claimed / p.Elapsed.TotalSeconds : 0):F0} docs/s")));
                await console.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"worker {options.Name}: {summary.Claimed} claimed, {summary.Stored} stored ({summary.Mentions} mentions), {summary.Skipped} already stored, {summary.Failed} failed in {summary.Elapsed.TotalSeconds:F1} s "
                    + $"(extracting {summary.Extracting.TotalSeconds:F1} s, storing {summary.Storing.TotalSeconds:F1} s)")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= Stop;
        }
    }
}

/// <summary>`rasid queue`: the queue's counts and the poison documents with their errors.</summary>
internal sealed class QueueCommand : ICommand
{
    public string Name => "queue";

    public string Summary => "show the PostgreSQL queue and the documents set aside (poison) with their errors";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--help", "-h", "--retry-poison" }, new HashSet<string> { "--pg" });
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync("usage: rasid queue [--pg CONNECTION] [--retry-poison]   (--retry-poison puts the poison documents back in the queue)").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        return await QueueCli.RunAsync(console, "queue", QueueCli.Connection(reader), async (_, queue) =>
        {
            if (reader.Flag("--retry-poison"))
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{queue.RetryPoison()} poison documents queued again")).ConfigureAwait(false);
            }

            var c = queue.Counts();
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"queue: {c.Ready} to do ({c.Leased} leased now), {c.Done} done, {c.Poison} poison")).ConfigureAwait(false);
            foreach (var p in queue.Poison())
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"poison\t{p.DocumentId}\t{p.Failures} failures, {p.Claims} claims\t{p.Error}")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false);
    }
}

/// <summary>Option parsing and error handling shared by the queue verbs.</summary>
internal static class QueueCli
{
    public static string Connection(ArgReader reader) =>
        reader.Value("--pg") ?? (Environment.GetEnvironmentVariable(StoreCli.PostgresVariable) is { Length: > 0 } env ? env
            : throw new UsageException($"the queue lives in PostgreSQL: give --pg CONNECTION or set {StoreCli.PostgresVariable}"));

    public static int? Positive(ArgReader reader, string name) => reader.Value(name) is { } v
        ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException($"{name} needs a positive number")
        : null;

    public static TimeSpan? Seconds(ArgReader reader, string name) => Positive(reader, name) is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>Opens the store (schema up to date) and the queue, runs <paramref name="work"/>; storage failures exit 3.</summary>
    public static async Task<int> RunAsync(CliConsole console, string verb, string connection, Func<PostgresEventStore, DocumentQueue, Task<int>> work)
    {
        var location = new StoreLocation(connection, null);
        try
        {
            using var store = PostgresEventStore.Open(connection);
            using var queue = DocumentQueue.Open(connection);
            return await work(store, queue).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or StoreException)
        {
            await console.Error.WriteLineAsync(StoreCli.StorageError(verb, location, ex)).ConfigureAwait(false);
            return ExitCodes.Storage;
        }
    }
}
