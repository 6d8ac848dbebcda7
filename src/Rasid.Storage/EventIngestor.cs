using System.Diagnostics;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;

namespace Rasid.Storage;

/// <summary>One input to ingest: a document and, optionally, its extraction done elsewhere (e.g. `rasid extract --with-text` output).</summary>
/// <param name="Document">The document.</param>
/// <param name="Extracted">The extraction when already done; null to run the extractor.</param>
/// <param name="ContentHash">The content hash when known (re-extraction from the store keeps the stored one); null to hash the text.</param>
public sealed record IngestInput(SourceDocument Document, DocumentResult? Extracted = null, string? ContentHash = null);

/// <summary>Progress after a committed batch.</summary>
/// <param name="Seen">Documents read so far (stored, skipped or re-extracted).</param>
/// <param name="Stored">Documents written so far.</param>
/// <param name="Skipped">Documents skipped as already stored.</param>
/// <param name="Elapsed">Time since the start.</param>
public readonly record struct IngestProgress(long Seen, long Stored, long Skipped, TimeSpan Elapsed)
{
    /// <summary>Documents read per second.</summary>
    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? Seen / Elapsed.TotalSeconds : 0;
}

/// <summary>What an ingest run did.</summary>
/// <param name="Seen">Documents read.</param>
/// <param name="Stored">New documents written.</param>
/// <param name="Reextracted">Stored documents extracted again and replaced.</param>
/// <param name="SkippedSameId">Skipped: id already stored.</param>
/// <param name="SkippedSameContent">Skipped: same text already stored under another id.</param>
/// <param name="Mentions">Mentions written.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record IngestSummary(long Seen, long Stored, long Reextracted, long SkippedSameId, long SkippedSameContent, long Mentions, TimeSpan Elapsed);

/// <summary>
/// The ingest loop: skips documents already stored (same id or same content hash), extracts the rest, and writes them in
/// batches, each batch one transaction in the store, so a crash loses at most the batch in flight and a re-run resumes.
/// </summary>
public sealed class EventIngestor
{
    private readonly IEventStore _store;
    private readonly Func<SourceDocument, DocumentResult> _extract;
    private readonly string _extractorVersion;
    private readonly int _batchSize;
    private readonly int _threads;

    /// <summary>Creates an ingestor writing to <paramref name="store"/>.</summary>
    /// <param name="store">Where documents go.</param>
    /// <param name="extract">The extractor; must return the cleaned text in <see cref="DocumentResult.Text"/> (withText) or the input text is stored.</param>
    /// <param name="extractorVersion">Recorded with each document.</param>
    /// <param name="batchSize">Documents per transaction (at least 1).</param>
    /// <param name="threads">Documents of a batch extracted at once (at least 1); <paramref name="extract"/> must then be thread-safe.</param>
    public EventIngestor(IEventStore store, Func<SourceDocument, DocumentResult> extract, string extractorVersion, int batchSize = 200, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = threads;
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(extract);
        ArgumentNullException.ThrowIfNull(extractorVersion);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _store = store;
        _extract = extract;
        _extractorVersion = extractorVersion;
        _batchSize = batchSize;
    }

    /// <summary>Ingests <paramref name="inputs"/> in order; with <paramref name="reextract"/>, documents whose id is stored are extracted again and replaced.</summary>
    public IngestSummary Ingest(IEnumerable<IngestInput> inputs, bool reextract, Action<IngestProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var clock = Stopwatch.StartNew();
        long seen = 0, stored = 0, reextracted = 0, sameId = 0, sameContent = 0, mentions = 0;
        var batch = new List<StoredDocument>(_batchSize);
        var toStore = new List<(IngestInput Input, string Hash, bool Replace)>(_batchSize);
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        var batchHashes = new HashSet<string>(StringComparer.Ordinal);

        void Flush()
        {
            // The batch's documents are extracted together, on several threads when asked, in input order.
            var results = OrderedParallel.Map(toStore, p => p.Input.Extracted ?? _extract(p.Input.Document), _threads);
            foreach (var (pending, result) in toStore.Zip(results))
            {
                var doc = pending.Input.Document;
                batch.Add(new StoredDocument(doc, pending.Hash, result.Text ?? doc.Text, _extractorVersion, result, Replace: pending.Replace));
            }

            toStore.Clear();
            if (batch.Count > 0)
            {
                // The store decides inside its transaction: another writer may have stored some of these meanwhile.
                var outcomes = _store.WriteBatch(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    switch (outcomes[i])
                    {
                        case WriteOutcome.Stored:
                            stored++;
                            mentions += batch[i].Result.Events.Count;
                            break;
                        case WriteOutcome.Replaced:
                            reextracted++;
                            mentions += batch[i].Result.Events.Count;
                            break;
                        case WriteOutcome.SkippedSameId:
                            sameId++;
                            break;
                        default:
                            sameContent++;
                            break;
                    }
                }

                batch.Clear();
                batchIds.Clear();
                batchHashes.Clear();
            }

            progress?.Invoke(new IngestProgress(seen, stored + reextracted, sameId + sameContent, clock.Elapsed));
        }

        foreach (var input in inputs)
        {
            seen++;
            var doc = input.Document;
            var hash = input.ContentHash ?? ContentHashing.Sha256Hex(doc.Text);
            var status = batchIds.Contains(doc.Id) ? DocumentStatus.SameId
                : batchHashes.Contains(hash) ? DocumentStatus.SameContent
                : _store.GetStatus(doc.Id, hash);
            var inBatch = batchIds.Contains(doc.Id);
            if (status == DocumentStatus.SameContent || (status == DocumentStatus.SameId && (!reextract || inBatch)))
            {
                if (status == DocumentStatus.SameId)
                {
                    sameId++;
                }
                else
                {
                    sameContent++;
                }

                continue;
            }

            toStore.Add((input, hash, status == DocumentStatus.SameId));
            batchIds.Add(doc.Id);
            batchHashes.Add(hash);
            if (toStore.Count >= _batchSize)
            {
                Flush();
            }
        }

        Flush();
        return new IngestSummary(seen, stored, reextracted, sameId, sameContent, mentions, clock.Elapsed);
    }
}
