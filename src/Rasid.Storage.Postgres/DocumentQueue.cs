using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Rasid.Ingestion;

namespace Rasid.Storage.Postgres;

/// <summary>A document taken from the queue by a worker.</summary>
/// <param name="QueueId">The queue row.</param>
/// <param name="Document">The input document.</param>
/// <param name="Claims">How many times it has been taken, this time included.</param>
public sealed record ClaimedDocument(long QueueId, SourceDocument Document, int Claims);

/// <summary>A document set aside after failing too often.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="Failures">Failures recorded.</param>
/// <param name="Claims">Times it was taken.</param>
/// <param name="Error">The last error.</param>
public sealed record PoisonDocument(string DocumentId, int Failures, int Claims, string? Error);

/// <summary>Queue row counts by state.</summary>
/// <param name="Ready">Waiting (or leased, or waiting for a retry).</param>
/// <param name="Leased">Of the ready ones: held by a worker right now.</param>
/// <param name="Done">Stored.</param>
/// <param name="Poison">Set aside.</param>
public readonly record struct QueueCounts(long Ready, long Leased, long Done, long Poison);

/// <summary>
/// The document queue in PostgreSQL (table <c>queue</c>): <see cref="Enqueue"/> adds documents, <see cref="Claim"/> gives a
/// worker a batch with <c>FOR UPDATE SKIP LOCKED</c> and a lease, <see cref="Fail"/> schedules a retry with exponential
/// backoff or sets a document aside as poison. Storing a batch and marking it done is one transaction
/// (<see cref="PostgresEventStore.WriteClaimed"/>). Uses its own connection (claims commit at once).
/// </summary>
public sealed class DocumentQueue : IDisposable
{
    private readonly NpgsqlConnection _connection;

    private DocumentQueue(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Connects (the schema must be current: open a <see cref="PostgresEventStore"/> first).</summary>
    public static DocumentQueue Open(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            return new DocumentQueue(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Adds documents; a document id already queued (in any state) is left as it is. Returns how many were added.</summary>
    public int Enqueue(IEnumerable<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var added = 0;
        using var tx = _connection.BeginTransaction();
        using var cmd = new NpgsqlCommand("INSERT INTO queue(document_id, payload) VALUES (@id, @payload) ON CONFLICT (document_id) DO NOTHING", _connection, tx);
        var id = new NpgsqlParameter<string>("id", string.Empty);
        var payload = new NpgsqlParameter<string>("payload", string.Empty);
        cmd.Parameters.Add(id);
        cmd.Parameters.Add(payload);
        foreach (var doc in documents)
        {
            id.TypedValue = doc.Id;
            payload.TypedValue = JsonSerializer.Serialize(QueuedDocument.From(doc), QueuedDocumentJson.Default.QueuedDocument);
            added += cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return added;
    }

    /// <summary>
    /// Takes up to <paramref name="count"/> ready documents whose retry time has come and whose lease (if any) has run
    /// out, in queue order, skipping rows other workers are taking at the same moment; each gets a lease of
    /// <paramref name="lease"/>. Documents taken <paramref name="maxClaims"/> times without finishing (their workers died)
    /// are set aside as poison first.
    /// </summary>
    public IReadOnlyList<ClaimedDocument> Claim(string worker, int count, TimeSpan lease, int maxClaims)
    {
        ArgumentNullException.ThrowIfNull(worker);
        using (var cmd = new NpgsqlCommand(
            "UPDATE queue SET state = 'poison', leased_by = NULL, lease_until = NULL, "
            + "last_error = 'taken ' || claims || ' times without finishing (the worker died or its lease ran out each time)' "
            + "WHERE state = 'ready' AND claims >= @max AND lease_until < now()", _connection))
        {
            cmd.Parameters.AddWithValue("max", maxClaims);
            cmd.ExecuteNonQuery();
        }

        using var claim = new NpgsqlCommand(
            "UPDATE queue q SET leased_by = @worker, lease_until = now() + @lease, claims = q.claims + 1 "
            + "FROM (SELECT id FROM queue WHERE state = 'ready' AND available_at <= now() AND (lease_until IS NULL OR lease_until < now()) "
            + "ORDER BY id LIMIT @n FOR UPDATE SKIP LOCKED) c WHERE q.id = c.id RETURNING q.id, q.payload, q.claims",
            _connection);
        claim.Parameters.AddWithValue("worker", worker);
        claim.Parameters.AddWithValue("lease", lease);
        claim.Parameters.AddWithValue("n", count);
        var claimed = new List<ClaimedDocument>();
        using (var reader = claim.ExecuteReader())
        {
            while (reader.Read())
            {
                var doc = JsonSerializer.Deserialize(reader.GetString(1), QueuedDocumentJson.Default.QueuedDocument)!.ToSource();
                claimed.Add(new ClaimedDocument(reader.GetInt64(0), doc, reader.GetInt32(2)));
            }
        }

        claimed.Sort((a, b) => a.QueueId.CompareTo(b.QueueId));
        return claimed;
    }

    /// <summary>
    /// Records a failure of <paramref name="queueId"/>: it becomes poison after <paramref name="maxFailures"/> failures,
    /// otherwise it is released and retried after <paramref name="backoff"/> × 2^(failures − 1).
    /// </summary>
    public void Fail(long queueId, string error, int maxFailures, TimeSpan backoff)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var cmd = new NpgsqlCommand(
            "UPDATE queue SET failures = failures + 1, last_error = @error, leased_by = NULL, lease_until = NULL, "
            + "state = CASE WHEN failures + 1 >= @max THEN 'poison' ELSE 'ready' END, "
            + "available_at = now() + @backoff * power(2, failures) WHERE id = @id",
            _connection);
        cmd.Parameters.AddWithValue("error", error);
        cmd.Parameters.AddWithValue("max", maxFailures);
        cmd.Parameters.AddWithValue("backoff", backoff);
        cmd.Parameters.AddWithValue("id", queueId);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Row counts by state.</summary>
    public QueueCounts Counts()
    {
        using var cmd = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE state = 'ready'), count(*) FILTER (WHERE state = 'ready' AND lease_until > now()), "
            + "count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'poison') FROM queue",
            _connection);
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return new QueueCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>The documents set aside, in queue order.</summary>
    public IReadOnlyList<PoisonDocument> Poison()
    {
        using var cmd = new NpgsqlCommand("SELECT document_id, failures, claims, last_error FROM queue WHERE state = 'poison' ORDER BY id", _connection);
        using var reader = cmd.ExecuteReader();
        var list = new List<PoisonDocument>();
        while (reader.Read())
        {
            list.Add(new PoisonDocument(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return list;
    }

    /// <summary>Puts every poison document back in the queue (after the cause is fixed); returns how many.</summary>
    public int RetryPoison()
    {
        using var cmd = new NpgsqlCommand("UPDATE queue SET state = 'ready', failures = 0, claims = 0, available_at = now() WHERE state = 'poison'", _connection);
        return cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>The queued form of a document (explicit, so the payload does not follow internal renames).</summary>
    internal sealed record QueuedDocument(string Id, string Text, string? Title, string? Published, string? Url, string? Publisher, string? Origin)
    {
        public static QueuedDocument From(SourceDocument d) =>
            new(d.Id, d.Text, d.Title, d.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Url, d.Publisher, d.Origin);

        public SourceDocument ToSource() => new()
        {
            Id = Id,
            Text = Text,
            Title = Title,
            Published = Published is null ? null : DateOnly.ParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Url = Url,
            Publisher = Publisher,
            Origin = Origin,
        };
    }
}

/// <summary>The queue payload's JSON (de)serialiser, generated at build time with the default options (no reflection).</summary>
[JsonSerializable(typeof(DocumentQueue.QueuedDocument))]
internal sealed partial class QueuedDocumentJson : JsonSerializerContext;
