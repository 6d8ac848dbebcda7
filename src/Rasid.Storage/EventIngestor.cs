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
/// <param name="Failed">Documents the store refused (each told to the ingest's failure callback); the others were written.</param>
public sealed record IngestSummary(long Seen, long Stored, long Reextracted, long SkippedSameId, long SkippedSameContent, long Mentions, TimeSpan Elapsed, long Failed = 0);

/// <summary>
/// The ingest loop: skips documents already stored (same id or same content hash), extracts the rest, and writes them in
/// batches, each batch one transaction in the store, so a crash loses at most the batch in flight and a re-run resumes.
/// Extraction runs ahead of the writer on the worker threads, so that the store's work on one batch overlaps the
/// extraction of the next; the reading, the look-ups and the writes stay on the calling thread (the store is not
/// thread-safe).
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
    /// <param name="threads">Documents extracted at once (at least 1); <paramref name="extract"/> must then be thread-safe.</param>
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
    /// <param name="inputs">The documents, read once, in order.</param>
    /// <param name="reextract">Extract documents whose id is stored again and replace them.</param>
    /// <param name="progress">Told after each committed batch.</param>
    /// <param name="failed">Told of each document the store refused, with the store's message; the rest of its batch is stored.</param>
    public IngestSummary Ingest(IEnumerable<IngestInput> inputs, bool reextract, Action<IngestProgress>? progress = null, Action<IngestInput, string>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var clock = Stopwatch.StartNew();
        long seen = 0, stored = 0, reextracted = 0, sameId = 0, sameContent = 0, refused = 0, mentions = 0;
        // Ids and hashes of the documents read but not yet committed: a later document with either is skipped, as it would
        // be once the first is stored.
        var unwrittenIds = new HashSet<string>(StringComparer.Ordinal);
        var unwrittenHashes = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<(IngestInput Input, StoredDocument Document)>(_batchSize);

        IEnumerable<(IngestInput Input, string Hash, bool Replace)> ToExtract()
        {
            foreach (var input in inputs)
            {
                seen++;
                var doc = input.Document;
                var hash = input.ContentHash ?? ContentHashing.Sha256Hex(doc.Text);
                var unwritten = unwrittenIds.Contains(doc.Id);
                var status = unwritten ? DocumentStatus.SameId
                    : unwrittenHashes.Contains(hash) ? DocumentStatus.SameContent
                    : _store.GetStatus(doc.Id, hash);
                if (status == DocumentStatus.SameContent || (status == DocumentStatus.SameId && (!reextract || unwritten)))
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

                unwrittenIds.Add(doc.Id);
                unwrittenHashes.Add(hash);
                yield return (input, hash, status == DocumentStatus.SameId);
            }
        }

        (IngestInput, StoredDocument) Extract((IngestInput Input, string Hash, bool Replace) p)
        {
            var doc = p.Input.Document;
            var result = p.Input.Extracted ?? _extract(doc);
            var stored = new StoredDocument(doc, p.Hash, result.Text ?? doc.Text, _extractorVersion, result, Replace: p.Replace);
            // The mention rows (records as JSON) are made here, on the extraction thread, not by the writer.
            _ = stored.Mentions;
            return (p.Input, stored);
        }

        void Write()
        {
            if (batch.Count > 0)
            {
                // The store decides inside its transaction: another writer may have stored some of these meanwhile.
                var documents = batch.ConvertAll(b => b.Document);
                var outcomes = _store.WriteBatch(documents, (document, error) =>
                    failed?.Invoke(batch[documents.FindIndex(d => ReferenceEquals(d, document))].Input, error.Message));
                for (var i = 0; i < batch.Count; i++)
                {
                    switch (outcomes[i])
                    {
                        case WriteOutcome.Stored:
                            stored++;
                            mentions += documents[i].Result.Events.Count;
                            break;
                        case WriteOutcome.Replaced:
                            reextracted++;
                            mentions += documents[i].Result.Events.Count;
                            break;
                        case WriteOutcome.SkippedSameId:
                            sameId++;
                            break;
                        case WriteOutcome.SkippedSameContent:
                            sameContent++;
                            break;
                        default:
                            refused++;
                            break;
                    }

                    unwrittenIds.Remove(documents[i].Source.Id);
                    unwrittenHashes.Remove(documents[i].ContentHash);
                }

                batch.Clear();
            }

            progress?.Invoke(new IngestProgress(seen, stored + reextracted, sameId + sameContent, clock.Elapsed));
        }

        // Up to a batch and a window per thread run ahead of the writer: the next batch is being extracted while one is written.
        foreach (var item in OrderedParallel.Map(ToExtract(), Extract, _threads, _batchSize + (_threads * OrderedParallel.WindowPerThread)))
        {
            batch.Add(item);
            if (batch.Count >= _batchSize)
            {
                Write();
            }
        }

        Write();
        return new IngestSummary(seen, stored, reextracted, sameId, sameContent, mentions, clock.Elapsed, refused);
    }
}
