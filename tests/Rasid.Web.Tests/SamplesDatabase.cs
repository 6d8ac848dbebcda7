using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Storage.Sqlite;
using Rasid.Storage;

namespace Rasid.Web.Tests;

/// <summary>
/// A SQLite database built once per test run from the five samples (samples/ of the repo) plus a second report of the
/// samples' Ataq clash (TestData/ataq_second_report.txt), which the store merges into that event: 23 events, one with two sources.
/// </summary>
public static class SamplesDatabase
{
    private static readonly Lazy<string> s_path = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The id of the event reported by two documents (the clash in Ataq on 2022-05-11).</summary>
    public const string MergedEventId = "YEM245877324483";

    public static string Path => s_path.Value;

    /// <summary>
    /// The store's own answer for <paramref name="query"/> (SqliteEventStore.QueryEvents, which the CLI uses): expected
    /// values come from here rather than from numbers that change whenever the extractor improves.
    /// </summary>
    public static IReadOnlyList<StoredEvent> StoreEvents(EventQuery? query = null)
    {
        using var store = SqliteEventStore.Open(Path);
        return store.QueryEvents(query ?? new EventQuery());
    }

    /// <summary>A copy of the database in a fresh folder, for tests that write to it.</summary>
    public static string CopyToTemp()
    {
        var folder = Directory.CreateTempSubdirectory("rasid-web-test-").FullName;
        var copy = System.IO.Path.Combine(folder, "rasid.db");
        File.Copy(Path, copy);
        return copy;
    }

    private static string Build()
    {
        var folder = Directory.CreateTempSubdirectory("rasid-web-samples-").FullName;
        var path = System.IO.Path.Combine(folder, "samples.db");
        var pipeline = RasidPipeline.Create(DirectoryDataSource.Default());
        var inputs = new List<IngestInput>();
        var files = Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal)
            .Append(System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "ataq_second_report.txt"));
        foreach (var file in files)
        {
            foreach (var item in DocumentParser.Parse(file, File.ReadAllBytes(file), new IngestOptions()))
            {
                inputs.Add(new IngestInput(item.Document ?? throw new InvalidOperationException(item.Error?.ToString())));
            }
        }

        using (var store = SqliteEventStore.Open(path))
        {
            new EventIngestor(store, d => pipeline.Extract(d, withText: true), "test").Ingest(inputs, reextract: false);
        }

        // The store's WAL is checkpointed on close; copies taken from here on are complete single files.
        return path;
    }
}
