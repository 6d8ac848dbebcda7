using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Rasid.Dedup;
using Rasid.Ingestion;
using Rasid.Records;
using Rasid.Storage.Sqlite;
using Rasid.Storage;
using static Rasid.Tests.Dedup.Events;

namespace Rasid.Tests.Storage;

/// <summary>A temporary folder for one test's database files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rasid-store-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}

internal static class StoreTestSupport
{
    /// <summary>Ingests pre-built results through the real ingest loop.</summary>
    public static IngestSummary Ingest(IEventStore store, IEnumerable<DocumentResult> results, bool reextract = false, int batchSize = 2)
    {
        var ingestor = new EventIngestor(store, _ => throw new InvalidOperationException("already extracted"), "test/1", batchSize);
        return ingestor.Ingest(results.Select(r => new IngestInput(ToSource(r), r)), reextract);
    }

    public static SourceDocument ToSource(DocumentResult r) => new()
    {
        Id = r.DocId,
        Text = r.Text ?? string.Empty,
        Publisher = r.Publisher,
        Url = r.Url,
        Title = r.Title,
        Published = r.Published is null ? null : DateOnly.ParseExact(r.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The logical contents of a database as text: every table, ordered by stable keys, without row ids and timestamps
    /// (which legitimately differ between runs).
    /// </summary>
    public static string Dump(string databasePath)
    {
        var sb = new StringBuilder();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        Append(connection, sb, "SELECT * FROM documents ORDER BY id", []);
        Append(connection, sb, "SELECT * FROM mentions ORDER BY mention_key", ["id"]);
        Append(connection, sb, "SELECT * FROM events ORDER BY event_key", ["id", "updated_at"]);
        Append(connection, sb, "SELECT e.event_key, m.mention_key, es.document_id, es.publisher, es.url, es.fatalities, es.injured, es.captured, es.released "
            + "FROM event_sources es JOIN events e ON e.id = es.event_id JOIN mentions m ON m.id = es.mention_id ORDER BY m.mention_key", []);
        return sb.ToString();
    }

    public static long Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Invariants that hold after every committed batch: nothing half-written.</summary>
    public static void AssertConsistent(string databasePath)
    {
        // Every document has exactly the mentions it announces.
        Assert.Equal(0, Scalar(databasePath, "SELECT COUNT(*) FROM documents d WHERE d.mention_count <> (SELECT COUNT(*) FROM mentions m WHERE m.document_id = d.id)"));
        // Every mention belongs to exactly one event.
        Assert.Equal(0, Scalar(databasePath, "SELECT COUNT(*) FROM mentions m WHERE (SELECT COUNT(*) FROM event_sources es WHERE es.mention_id = m.id) <> 1"));
        // Every event has the sources it counts, and at least one.
        Assert.Equal(0, Scalar(databasePath, "SELECT COUNT(*) FROM events e WHERE e.source_count < 1 OR e.source_count <> (SELECT COUNT(*) FROM event_sources es WHERE es.event_id = e.id)"));
    }

    private static void Append(SqliteConnection connection, StringBuilder sb, string sql, string[] skip)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        sb.AppendLine(sql);
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (skip.Contains(reader.GetName(i)))
                {
                    continue;
                }

                sb.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\t');
            }

            sb.AppendLine();
        }
    }

    public static SqliteEventStore Open(string path) => SqliteEventStore.Open(path);

    /// <summary>Seeded pseudo-random reports over few places, days and actors, so that many can merge in more than one way.</summary>
    public static List<DocumentResult> RandomReports(int count, int seed)
    {
        var random = new Random(seed);
        var admin1 = new[] { "YE-TA", "YE-HD", "YE-MA" };
        var actors = new[] { "Houthis", "Military Forces of Yemen", "AQAP: Al Qaeda in the Arabian Peninsula", EventMerger.UnidentifiedActor };
        var documents = new List<DocumentResult>();
        for (var i = 0; i < count; i++)
        {
            var day = new DateOnly(2024, 3, 1).AddDays(random.Next(12));
            var events = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Clash(random.Next(0, 20), random.Next(5) == 0 ? null : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) with
            {
                EventType = random.Next(4) == 0 ? "Explosions/Remote violence" : "Battles",
                Admin1Code = admin1[random.Next(admin1.Length)],
                Admin2 = "District " + random.Next(3).ToString(CultureInfo.InvariantCulture),
                Latitude = 13.5 + (random.Next(3) * 0.2),
                Actor1 = Actor(actors[random.Next(actors.Length)], 2),
                Actor2 = random.Next(2) == 0 ? null : Actor(actors[random.Next(actors.Length)], 1),
            }).ToArray();
            documents.Add(Document("d" + i.ToString("D3", CultureInfo.InvariantCulture), day.AddDays(random.Next(3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), events));
        }

        return documents;
    }

}
