using Microsoft.Data.Sqlite;
using Rasid.Dedup;
using Rasid.Ingestion;
using Rasid.Records;
using Rasid.Storage.Sql;

namespace Rasid.Storage.Sqlite;

/// <summary>
/// One merged event as a flat row for listing, filtering and statistics (what the web index keeps in memory): the
/// columns of the <c>events</c> table plus the fields of its merged record that queries need, and the evidence texts of
/// its members for text search.
/// </summary>
/// <param name="RowId">The <c>events.id</c> of the row (changes when an event is rebuilt; use <paramref name="EventIdCnty"/> outside).</param>
/// <param name="EventIdCnty">ACLED-style id, stable across rebuilds of the same event.</param>
/// <param name="EventDate">The event date (resolved, else the earliest publication), ISO yyyy-MM-dd; null when neither.</param>
/// <param name="Record">The merged event record (representative fields).</param>
/// <param name="Actors">Every actor name of the event and its members, English and Arabic.</param>
/// <param name="SourceCount">Number of merged mentions.</param>
/// <param name="EvidenceTexts">The evidence sentence of each member mention.</param>
/// <param name="UpdatedAt">Unix seconds of the last change.</param>
public sealed record EventSummaryRow(
    long RowId,
    string EventIdCnty,
    string? EventDate,
    EventRecord Record,
    IReadOnlyList<string> Actors,
    int SourceCount,
    IReadOnlyList<string> EvidenceTexts,
    long UpdatedAt);

/// <summary>
/// Read-only queries over a Rasid SQLite database for the web host: every event as a flat row, one event with its members
/// and source documents, and a change counter. Each call opens its own pooled connection in read-only mode, so readers never
/// block the single writer (<see cref="SqliteEventStore"/>, WAL journal) and may run on many threads at once. The merge
/// logic is the store's: an event read here is the same <see cref="StoredEvent"/> that <c>SqliteEventStore.QueryEvents</c>
/// returns.
/// </summary>
public sealed class SqliteEventReader
{
    private readonly string _connectionString;
    private readonly DedupOptions _dedup;

    /// <summary>Creates a reader of the database at <paramref name="path"/> (which must exist).</summary>
    /// <param name="path">The database file written by <see cref="SqliteEventStore"/>.</param>
    /// <param name="dedup">Merge thresholds used to rebuild merged events (defaults when null); must match the writer's.</param>
    public SqliteEventReader(string path, DedupOptions? dedup = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
        _dedup = dedup ?? DedupOptions.Default;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// A value that changes whenever a transaction commits to the database: the size and write time of the database file
    /// and of its WAL journal (every commit appends to the journal; a checkpoint rewrites the file). Costs two file-system
    /// lookups and no query, so callers may check it on every request to know when to reload.
    /// </summary>
    public string ChangeToken()
    {
        static string Stamp(string file)
        {
            var info = new FileInfo(file);
            return info.Exists ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Length}@{info.LastWriteTimeUtc.Ticks}") : "-";
        }

        return Stamp(Path) + "|" + Stamp(Path + "-wal");
    }

    /// <summary>Every merged event as a flat row, in row order. Reads the whole table: meant for an in-memory index.</summary>
    public IReadOnlyList<EventSummaryRow> ReadSummaries()
    {
        using var connection = OpenConnection();
        var evidence = new Dictionary<long, List<string>>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT es.event_id, json_extract(m.record_json, '$.evidence.text') FROM event_sources es "
                + "JOIN mentions m ON m.id = es.mention_id ORDER BY es.event_id";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(1))
                {
                    continue;
                }

                var id = reader.GetInt64(0);
                if (!evidence.TryGetValue(id, out var list))
                {
                    evidence[id] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        var rows = new List<EventSummaryRow>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id, event_id_cnty, event_date, actors, source_count, record_json, updated_at FROM events ORDER BY id";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var record = RasidJson.ReadEventRecord(reader.GetString(5))
                    ?? throw new InvalidDataException($"event {id}: empty record_json");
                var actors = reader.GetString(3).Split('|', StringSplitOptions.RemoveEmptyEntries);
                rows.Add(new EventSummaryRow(
                    id,
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    record,
                    actors,
                    reader.GetInt32(4),
                    evidence.TryGetValue(id, out var texts) ? texts : [],
                    reader.GetInt64(6)));
            }
        }

        return rows;
    }

    /// <summary>The event with this ACLED-style id, merged from its members as the store merges it; null when unknown.</summary>
    public StoredEvent? ReadEvent(string eventIdCnty)
    {
        ArgumentNullException.ThrowIfNull(eventIdCnty);
        using var connection = OpenConnection();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM events WHERE event_id_cnty = $id ORDER BY id LIMIT 1";
        cmd.Parameters.AddWithValue("$id", eventIdCnty);
        return cmd.ExecuteScalar() is long rowId ? ReadEvents(connection, [rowId]).FirstOrDefault() : null;
    }

    /// <summary>
    /// The events with these row ids, in the order given, each merged from its members. Lazy: rows are read while the caller
    /// enumerates (a streamed export holds one event at a time), on one connection that lives as long as the enumeration.
    /// </summary>
    public IEnumerable<StoredEvent> ReadEvents(IEnumerable<long> rowIds)
    {
        ArgumentNullException.ThrowIfNull(rowIds);
        using var connection = OpenConnection();
        foreach (var stored in ReadEvents(connection, rowIds))
        {
            yield return stored;
        }
    }

    /// <summary>The stored documents with these ids (cleaned text, title, publisher, url, publication date); unknown ids are left out.</summary>
    public IReadOnlyDictionary<string, SourceDocument> ReadDocuments(IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        using var connection = OpenConnection();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {DocumentRows.Columns} FROM documents WHERE id = $id";
        var idParameter = cmd.Parameters.Add("$id", SqliteType.Text);
        var documents = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var id in documentIds.Distinct(StringComparer.Ordinal))
        {
            idParameter.Value = id;
            using var reader = cmd.ExecuteReader();
            if (reader.Read())
            {
                documents[id] = DocumentRows.Read(reader);
            }
        }

        return documents;
    }

    private IEnumerable<StoredEvent> ReadEvents(SqliteConnection connection, IEnumerable<long> rowIds)
    {
        using var eventCmd = connection.CreateCommand();
        eventCmd.CommandText = "SELECT event_id_cnty, event_date, updated_at FROM events WHERE id = $e";
        var eventId = eventCmd.Parameters.Add("$e", SqliteType.Integer);
        using var memberCmd = connection.CreateCommand();
        memberCmd.CommandText = "SELECT m.mention_key, m.document_id, d.publisher, d.url, d.published, m.record_json FROM event_sources es "
            + "JOIN mentions m ON m.id = es.mention_id JOIN documents d ON d.id = m.document_id WHERE es.event_id = $e ORDER BY m.mention_key";
        var memberEventId = memberCmd.Parameters.Add("$e", SqliteType.Integer);
        foreach (var rowId in rowIds)
        {
            eventId.Value = rowId;
            string idCnty;
            string? date;
            long updatedAt;
            using (var reader = eventCmd.ExecuteReader())
            {
                if (!reader.Read())
                {
                    continue;
                }

                idCnty = reader.GetString(0);
                date = NullableString(reader, 1);
                updatedAt = reader.GetInt64(2);
            }

            memberEventId.Value = rowId;
            var members = new List<DedupMention>();
            using (var reader = memberCmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    var record = RasidJson.ReadEventRecord(reader.GetString(5))
                        ?? throw new InvalidDataException($"mention {reader.GetString(0)}: empty record_json");
                    members.Add(new DedupMention(
                        reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), EventMerger.ParseDate(NullableString(reader, 4)), record));
                }
            }

            if (members.Count > 0)
            {
                yield return new StoredEvent(idCnty, EventMerger.ParseDate(date), updatedAt, EventMerger.Merge(members, _dedup), members);
            }
        }
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA busy_timeout=5000;";
            cmd.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
