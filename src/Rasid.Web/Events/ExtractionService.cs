using System.Reflection;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;
using Rasid.Storage.Sqlite;
using Rasid.Storage;

namespace Rasid.Web.Events;

/// <summary>
/// The extractor (loaded from data/ on first use, then shared: the pipeline is thread-safe) and the single writer of the
/// database for POST /api/documents. Writes are serialised: SQLite takes one writer, and the store is not thread-safe.
/// </summary>
internal sealed class ExtractionService(EventCatalog catalog) : IDisposable
{
    private readonly Lazy<RasidPipeline> _pipeline = new(() => RasidPipeline.Create(DirectoryDataSource.Default()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>The version recorded with documents stored over HTTP (the same form as `rasid ingest` records).</summary>
    public static string ExtractorVersion { get; } =
        "rasid/" + (typeof(RasidPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    /// <summary>Extracts events from <paramref name="document"/>, keeping the cleaned text; nothing is stored.</summary>
    public DocumentResult Extract(SourceDocument document) => _pipeline.Value.Extract(document, withText: true);

    /// <summary>Extracts and stores <paramref name="documents"/> (skipping ids or texts already stored), then refreshes the catalog.</summary>
    public async Task<IngestSummary> IngestAsync(IReadOnlyList<SourceDocument> documents, CancellationToken cancellation)
    {
        await _writer.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            using var store = SqliteEventStore.Open(catalog.DatabasePath);
            var ingestor = new EventIngestor(store, Extract, ExtractorVersion);
            return ingestor.Ingest(documents.Select(d => new IngestInput(d)), reextract: false);
        }
        finally
        {
            catalog.Invalidate();
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();
}
