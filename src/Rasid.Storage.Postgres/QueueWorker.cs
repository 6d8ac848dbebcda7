using System.Data.Common;
using System.Diagnostics;
using Rasid.Ingestion;
using Rasid.Records;

namespace Rasid.Storage.Postgres;

/// <summary>Settings of a queue worker.</summary>
public sealed record WorkerOptions
{
    /// <summary>Name recorded on the rows it leases (host and process id by default).</summary>
    public string Name { get; init; } = Environment.MachineName + ":" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Documents claimed, extracted and stored per transaction.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>How long a claim is held; after it another worker takes the documents over. Must exceed the time of one batch.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Failures after which a document is set aside as poison.</summary>
    public int MaxFailures { get; init; } = 3;

    /// <summary>First retry delay; each further failure doubles it.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause when nothing is claimable.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>End when no document is left to process (none ready, leased or waiting for a retry).</summary>
    public bool ExitWhenEmpty { get; init; }
}

/// <summary>What a worker did.</summary>
/// <param name="Claimed">Documents taken from the queue.</param>
/// <param name="Stored">Documents stored.</param>
/// <param name="Skipped">Documents already stored (by another worker, or the same text under another id).</param>
/// <param name="Failed">Failures recorded (retried later or set aside).</param>
/// <param name="Mentions">Mentions stored.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Extracting">Time spent extracting (in parallel with other workers).</param>
/// <param name="Storing">Time spent in write transactions, waiting for the store's lock included.</param>
public sealed record WorkerSummary(long Claimed, long Stored, long Skipped, long Failed, long Mentions, TimeSpan Elapsed, TimeSpan Extracting, TimeSpan Storing);

/// <summary>
/// One queue worker: claims a batch (<see cref="DocumentQueue.Claim"/>), extracts each document, then stores the batch and
/// marks it done in one transaction (<see cref="PostgresEventStore.WriteClaimed"/>). A document whose extraction or
/// storage fails is retried with backoff and set aside after <see cref="WorkerOptions.MaxFailures"/>; the rest of its
/// batch goes on. Run any number of them, on any number of machines.
/// </summary>
public sealed class QueueWorker
{
    private readonly PostgresEventStore _store;
    private readonly DocumentQueue _queue;
    private readonly Func<SourceDocument, DocumentResult> _extract;
    private readonly string _extractorVersion;
    private readonly WorkerOptions _options;

    /// <summary>Creates a worker.</summary>
    public QueueWorker(PostgresEventStore store, DocumentQueue queue, Func<SourceDocument, DocumentResult> extract, string extractorVersion, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(extract);
        ArgumentNullException.ThrowIfNull(extractorVersion);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _queue = queue;
        _extract = extract;
        _extractorVersion = extractorVersion;
        _options = options;
    }

    /// <summary>Works until <paramref name="cancel"/> fires or, with <see cref="WorkerOptions.ExitWhenEmpty"/>, the queue is drained.</summary>
    public WorkerSummary Run(CancellationToken cancel = default, Action<WorkerSummary>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var extracting = new Stopwatch();
        var storing = new Stopwatch();
        long claimed = 0, stored = 0, skipped = 0, failed = 0, mentions = 0;
        WorkerSummary Summary() => new(claimed, stored, skipped, failed, mentions, clock.Elapsed, extracting.Elapsed, storing.Elapsed);
        while (!cancel.IsCancellationRequested)
        {
            var batch = _queue.Claim(_options.Name, _options.BatchSize, _options.Lease, _options.MaxFailures + 2);
            if (batch.Count == 0)
            {
                if (_options.ExitWhenEmpty && _queue.Counts().Ready == 0)
                {
                    break;
                }

                cancel.WaitHandle.WaitOne(_options.IdleDelay);
                continue;
            }

            claimed += batch.Count;
            var documents = new List<StoredDocument>(batch.Count);
            var ids = new List<long>(batch.Count);
            extracting.Start();
            foreach (var item in batch)
            {
                try
                {
                    var result = _extract(item.Document);
                    documents.Add(new StoredDocument(item.Document, ContentHashing.Sha256Hex(item.Document.Text), result.Text ?? item.Document.Text, _extractorVersion, result));
                    ids.Add(item.QueueId);
                }
#pragma warning disable CA1031 // A document that breaks the extractor is recorded and set aside; the batch goes on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failed++;
                    _queue.Fail(item.QueueId, Describe(ex), _options.MaxFailures, _options.Backoff);
                }
            }

            extracting.Stop();
            storing.Start();
            var results = Store(documents, ids, ref failed);
            storing.Stop();
            foreach (var (outcomes, written) in results)
            {
                for (var i = 0; i < outcomes.Count; i++)
                {
                    if (outcomes[i] == WriteOutcome.Stored)
                    {
                        stored++;
                        mentions += written[i].Result.Events.Count;
                    }
                    else if (outcomes[i] != WriteOutcome.Failed)
                    {
                        skipped++;
                    }
                }
            }

            progress?.Invoke(Summary());
        }

        return Summary();
    }

    /// <summary>
    /// Stores the batch in one transaction; a document the store refuses is rolled back alone and recorded as failed. When
    /// the whole transaction fails, the batch is stored document by document, so one bad document fails alone.
    /// </summary>
    private List<(IReadOnlyList<WriteOutcome> Outcomes, IReadOnlyList<StoredDocument> Written)> Store(List<StoredDocument> documents, List<long> ids, ref long failed)
    {
        var done = new List<(IReadOnlyList<WriteOutcome>, IReadOnlyList<StoredDocument>)>();
        if (documents.Count == 0)
        {
            return done;
        }

        var refused = new List<(StoredDocument Document, Exception Error)>();
        try
        {
            done.Add((_store.WriteClaimed(documents, ids, (d, ex) => refused.Add((d, ex))), documents));
            FailRefused(refused, documents, ids, ref failed);
            return done;
        }
        catch (DbException) when (documents.Count > 1)
        {
            // Fall through: find the document that breaks the transaction.
        }

        for (var i = 0; i < documents.Count; i++)
        {
            try
            {
                refused.Clear();
                done.Add((_store.WriteClaimed([documents[i]], [ids[i]], (d, ex) => refused.Add((d, ex))), [documents[i]]));
                FailRefused(refused, documents, ids, ref failed);
            }
            catch (DbException ex)
            {
                failed++;
                _queue.Fail(ids[i], Describe(ex), _options.MaxFailures, _options.Backoff);
            }
        }

        return done;
    }

    // Recorded after the commit: the refused documents' queue rows were left as they were by the transaction.
    private void FailRefused(List<(StoredDocument Document, Exception Error)> refused, List<StoredDocument> documents, List<long> ids, ref long failed)
    {
        foreach (var (document, error) in refused)
        {
            failed++;
            _queue.Fail(ids[documents.FindIndex(d => ReferenceEquals(d, document))], Describe(error), _options.MaxFailures, _options.Backoff);
        }
    }

    private static string Describe(Exception ex) => ex.GetType().Name + ": " + ex.Message;
}
