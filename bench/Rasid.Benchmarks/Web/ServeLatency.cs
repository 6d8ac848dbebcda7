using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;
using Rasid.Storage.Sqlite;
using Rasid.Storage;
using Rasid.Web;

namespace Rasid.Benchmarks.Web;

/// <summary>
/// `serve`: p50/p95 latency of GET /api/events and /api/stats over HTTP (real Kestrel on loopback, one client) on a large
/// synthetic database. The database is built once: the samples are extracted, then their documents are written again and
/// again under new ids with their events moved to other days (over ten years) and other coordinates (±1° around the
/// original place), until the store holds the requested number of merged events. Text, actors, types and provinces are
/// the samples'; only dates, coordinates and counts vary, so few copies merge.
/// </summary>
internal static class ServeLatency
{
    private static readonly (string Name, string Path)[] s_requests =
    [
        ("events: no filter, page 1 of 100", "/api/events"),
        ("events: country + type", "/api/events?country=YE&type=Battles"),
        ("events: date range + min fatalities", "/api/events?from=2019-01-01&to=2019-12-31&min_fatalities=5"),
        ("events: bbox", "/api/events?bbox=43,12,46,15"),
        ("events: text search (Arabic)", "/api/events?q=%D8%A7%D8%B4%D8%AA%D8%A8%D8%A7%D9%83%D8%A7%D8%AA"),
        ("events: actor", "/api/events?actor=houthi"),
        ("events: sort by fatalities, page 50", "/api/events?sort=-fatalities&page=50"),
        ("events: 5000 for the map", "/api/events?page_size=5000&country=YE&from=2020-01-01&to=2020-12-31"),
        ("stats: no filter", "/api/stats"),
        ("stats: country + type", "/api/stats?country=YE&type=Battles"),
        ("stats: text search", "/api/stats?q=%D8%A7%D8%B4%D8%AA%D8%A8%D8%A7%D9%83%D8%A7%D8%AA"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var events = 100_000;
        var database = Path.Combine(Path.GetTempPath(), "rasid-serve-bench.db");
        var iterations = 200;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--events":
                    events = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--db":
                    database = args[++i];
                    break;
                case "--iterations":
                    iterations = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: serve [--events N] [--db FILE] [--iterations N]");
                    return 1;
            }
        }

        if (!File.Exists(database))
        {
            Build(database, events);
        }

        using (var store = SqliteEventStore.Open(database))
        {
            var counts = store.Counts();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database {database}: {counts.Documents:N0} documents, {counts.Mentions:N0} mentions, {counts.Events:N0} events, {new FileInfo(database).Length / 1e6:F0} MB"));
        }

        var read = Stopwatch.StartNew();
        var rows = new SqliteEventReader(database).ReadSummaries().Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SqliteEventReader.ReadSummaries: {rows:N0} rows in {read.Elapsed.TotalMilliseconds:F0} ms"));

        {
            // In process, without HTTP: the index's own cost per call (CPU time of this thread).
            var catalog = new Rasid.Web.Events.EventCatalog(Path.GetFullPath(database));
            var load = Stopwatch.StartNew();
            _ = catalog.Events.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EventCatalog first load: {load.Elapsed.TotalMilliseconds:F0} ms"));
            var filters = new (string Name, Rasid.Web.Events.EventFilter Filter)[]
            {
                ("query: no filter", new()),
                ("query: country+type", new() { Countries = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "YE" }, Types = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Battles" } }),
                ("query: text", new() { Text = Rasid.Web.Events.EventFilter.Fold("اشتباكات") }),
                ("query: sort fatalities", new() { Sort = Rasid.Web.Events.EventSortKey.Fatalities }),
            };
            foreach (var (name, filter) in filters)
            {
                var t = Stopwatch.StartNew();
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                for (var n = 0; n < 20; n++)
                {
                    _ = catalog.Query(filter);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {t.Elapsed.TotalMilliseconds / 20:F1} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / 20:F1} ms CPU"));
                t.Restart();
                cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                for (var n = 0; n < 20; n++)
                {
                    _ = catalog.Stats(filter);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stats: {t.Elapsed.TotalMilliseconds / 20:F1} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / 20:F1} ms CPU"));
            }
        }

        var app = RasidServer.Build(["--Rasid:Database=" + database, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var clock = Stopwatch.StartNew();
            (await http.GetAsync("/api/info")).EnsureSuccessStatusCode();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first request (loads the in-memory index): {clock.Elapsed.TotalMilliseconds:F0} ms; working set {Environment.WorkingSet / 1e6:F0} MB"));
            Console.WriteLine();
            Console.WriteLine($"| request | total | p50 ms | p95 ms | max ms | CPU ms/request | GCs gen0 / gen2 |");
            Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (name, path) in s_requests)
            {
                for (var w = 0; w < 10; w++)
                {
                    (await http.GetAsync(path)).EnsureSuccessStatusCode();
                }

                var times = new List<double>(iterations);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
                long bytes = 0;
                string total = "";
                for (var n = 0; n < iterations; n++)
                {
                    var start = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync(path);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    response.EnsureSuccessStatusCode();
                    bytes = body.Length;
                    if (n == 0)
                    {
                        using var json = System.Text.Json.JsonDocument.Parse(body);
                        total = json.RootElement.GetProperty("total").GetInt32().ToString("N0", CultureInfo.InvariantCulture);
                    }
                }

                var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / iterations;
                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} ({bytes / 1024.0:F0} KB) | {total} | {Percentile(times, 0.50):F1} | {Percentile(times, 0.95):F1} | {times[^1]:F1} | {cpuPerRequest:F1} | {GC.CollectionCount(0) - gen0} / {GC.CollectionCount(2) - gen2} |"));
            }
        }
        finally
        {
            await app.StopAsync();
        }

        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void Build(string database, int events)
    {
        var clock = Stopwatch.StartNew();
        var pipeline = RasidPipeline.Create(DirectoryDataSource.Default());
        var templates = new List<(SourceDocument Document, DocumentResult Result)>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var item in DocumentParser.Parse(file, File.ReadAllBytes(file), new IngestOptions()))
            {
                var result = pipeline.Extract(item.Document!, withText: true);
                if (result.Events.Count > 0)
                {
                    templates.Add((item.Document!, result));
                }
            }
        }

        var random = new Random(14);
        var firstDay = new DateOnly(2013, 1, 1).DayNumber;
        using var store = SqliteEventStore.Open(database);
        var copy = 0;
        while (store.Counts().Events < events)
        {
            var batch = new List<StoredDocument>(500);
            for (var b = 0; b < 500; b++, copy++)
            {
                var (document, result) = templates[copy % templates.Count];
                var day = DateOnly.FromDayNumber(firstDay + random.Next(3650));
                var text = result.Text + "\n" + copy.ToString(CultureInfo.InvariantCulture);
                var moved = result.Events.Select(e => e with
                {
                    Date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DatePrecision = 1,
                    Latitude = e.Latitude is { } lat ? Math.Round(lat + ((random.NextDouble() * 2) - 1), 4) : null,
                    Longitude = e.Longitude is { } lon ? Math.Round(lon + ((random.NextDouble() * 2) - 1), 4) : null,
                    Admin2 = null,
                    Location = null,
                    Fatalities = e.Fatalities is null ? null : random.Next(0, 30),
                }).ToList();
                var source = document with { Id = $"synthetic-{copy:D7}", Text = text, Published = day };
                batch.Add(new StoredDocument(source, ContentHashing.Sha256Hex(text), text, "bench", result with { DocId = source.Id, Text = text, Events = moved }));
            }

            store.WriteBatch(batch);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {database} from {copy:N0} synthetic documents in {clock.Elapsed.TotalSeconds:F0} s"));
    }
}
