using System.Data.Common;
using Npgsql;
using Rasid.Dedup;
using Rasid.Storage.Sql;

namespace Rasid.Storage.Postgres;

/// <summary>
/// PostgreSQL event store (Npgsql) with the same tables and SQL as the SQLite store (<see cref="SqlEventStore"/>). Each
/// write transaction first takes a transaction-scoped advisory lock of the schema, so the candidate lookup, merge and writes
/// of one batch run alone while extraction, the expensive part, runs in parallel in any number of processes. Unique keys
/// (document id, content hash, mention key, one event per mention) make a document stored at most once even when two
/// workers hold it.
/// </summary>
public sealed class PostgresEventStore : SqlEventStore
{
    // First half of the advisory lock key ("RS"); the second is a hash of the schema, so stores in other schemas do not wait.
    private const int LockClass = 0x5253;

    private PostgresEventStore(NpgsqlConnection connection, DedupOptions? dedup, TimeProvider? time)
        : base(connection, dedup, time)
    {
    }

    /// <summary>The schema steps of PostgreSQL databases (embedded <c>Schema/NNN_*.sql</c>).</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
        SchemaMigrator.FromResources(typeof(PostgresEventStore).Assembly, "Rasid.Storage.Postgres.Schema");

    /// <summary>Connects with <paramref name="connectionString"/> (Npgsql syntax) and brings the schema up to date.</summary>
    /// <param name="connectionString">e.g. <c>Host=localhost;Port=5432;Username=rasid;Password=...;Database=rasid</c>.</param>
    /// <param name="dedup">Merge thresholds (defaults when null).</param>
    /// <param name="time">Clock for event timestamps (system clock when null).</param>
    /// <param name="migrations">Schema steps (<see cref="Migrations"/> when null; tests pass others).</param>
    /// <exception cref="StoreException">The database is newer than this program.</exception>
    public static PostgresEventStore Open(string connectionString, DedupOptions? dedup = null, TimeProvider? time = null, IReadOnlyList<SchemaMigration>? migrations = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            var store = new PostgresEventStore(connection, dedup, time);
            SchemaMigrator.Apply(connection, migrations ?? Migrations, store.BeginWrite, Describe(connection));
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes a batch claimed from the queue and marks its queue entries done in the same transaction: either both happen
    /// or neither, so a document is never stored twice nor dropped, whatever happens to the worker. A document the store
    /// refuses (<see cref="WriteOutcome.Failed"/>, told to <paramref name="failed"/>) is not marked done.
    /// </summary>
    /// <param name="batch">The documents.</param>
    /// <param name="queueIds">The queue entry of each document, in the same order.</param>
    /// <param name="failed">Told of each document the store refused, with its error; may be null.</param>
    public IReadOnlyList<WriteOutcome> WriteClaimed(IReadOnlyList<StoredDocument> batch, IReadOnlyList<long> queueIds, Action<StoredDocument, Exception>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(queueIds);
        return InWriteTransaction(_ =>
        {
            var outcomes = WriteDocuments(batch, failed);
            var cmd = Prepared("UPDATE queue SET state = 'done', done_at = now(), leased_by = NULL, lease_until = NULL, last_error = NULL WHERE id = ANY(@ids)");
            AddParameter(cmd, "@ids", queueIds.Where((_, i) => outcomes[i] != WriteOutcome.Failed).ToArray());
            cmd.ExecuteNonQuery();
            return outcomes;
        });
    }

    /// <inheritdoc />
    protected override DbTransaction BeginWrite()
    {
        var tx = Connection.BeginTransaction();
        try
        {
            using var cmd = Connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT pg_advisory_xact_lock({LockClass}, hashtext(current_schema()))";
            cmd.ExecuteNonQuery();
            return tx;
        }
        catch
        {
            tx.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override bool IsDocumentError(DbException error) =>
        // Classes 22 (data exception), 23 (integrity constraint violation), 54 (program limit exceeded): the statement's values.
        error is PostgresException { SqlState: ['2', '2' or '3', ..] or ['5', '4', ..] };

    /// <inheritdoc />
    protected override string ContainsIgnoreCase(string column, string parameter) => $"strpos(lower({column}), lower({parameter})) > 0";

    private static string Describe(NpgsqlConnection c) => $"PostgreSQL database {c.Database} on {c.Host}:{c.Port}";
}
