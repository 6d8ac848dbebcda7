using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Rasid.Dedup;
using Rasid.Storage.Sql;

namespace Rasid.Storage.Sqlite;

/// <summary>
/// SQLite event store (WAL journal). Each <see cref="SqlEventStore.WriteBatch"/> is one <c>BEGIN IMMEDIATE</c>
/// transaction: it takes the database's write lock before looking anything up, so several processes may ingest into one
/// file at once; a later writer waits (busy timeout) and sees every batch committed before it. A killed process leaves
/// whole batches only. The SQL is shared with PostgreSQL (<see cref="SqlEventStore"/>); the merge is
/// <see cref="CrossDocumentMerger"/>'s.
/// </summary>
public sealed class SqliteEventStore : SqlEventStore
{
    /// <summary>How long a writer waits for another writer's batch by default.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(120);

    private readonly string _path;
    private readonly TimeSpan _busyTimeout;
    private long _dataVersion = -1;

    private SqliteEventStore(SqliteConnection connection, string path, TimeSpan busyTimeout, DedupOptions? dedup, TimeProvider? time)
        : base(connection, dedup, time)
    {
        _path = path;
        _busyTimeout = busyTimeout;
    }

    /// <summary>The schema steps of SQLite databases (embedded <c>Schema/NNN_*.sql</c>).</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
        SchemaMigrator.FromResources(typeof(SqliteEventStore).Assembly, "Rasid.Storage.Sqlite.Schema");

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="dedup">Merge thresholds (defaults when null).</param>
    /// <param name="time">Clock for event timestamps (system clock when null).</param>
    /// <param name="busyTimeout">How long to wait for another writer (<see cref="DefaultBusyTimeout"/> when null).</param>
    /// <param name="migrations">Schema steps (<see cref="Migrations"/> when null; tests pass others).</param>
    /// <exception cref="StoreException">The database is newer than this program, or another writer held it too long.</exception>
    public static SqliteEventStore Open(string path, DedupOptions? dedup = null, TimeProvider? time = null, TimeSpan? busyTimeout = null, IReadOnlyList<SchemaMigration>? migrations = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var wait = busyTimeout ?? DefaultBusyTimeout;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(wait.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // WAL + synchronous=NORMAL survives a killed process (not a power cut with the last commits); foreign keys cascade deletes.
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA busy_timeout=" + ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)
                    + "; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
                cmd.ExecuteNonQuery();
            }

            var store = new SqliteEventStore(connection, path, wait, dedup, time);
            SchemaMigrator.Apply(connection, migrations ?? Migrations, store.BeginWrite, path);
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override DbTransaction BeginWrite()
    {
        try
        {
            // Microsoft.Data.Sqlite's non-deferred transaction is BEGIN IMMEDIATE: the write lock is taken now, waiting up to the busy timeout.
            return ((SqliteConnection)Connection).BeginTransaction(deferred: false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            throw new StoreException(string.Create(
                CultureInfo.InvariantCulture,
                $"{_path} is being written by another process and stayed locked for more than {_busyTimeout.TotalSeconds:F0} s; try again when it has finished"), ex);
        }
    }

    /// <inheritdoc />
    protected override bool CacheIsCurrent()
    {
        // data_version changes when another connection commits; this connection's own commits leave it as it is.
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "PRAGMA data_version";
        var version = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        var current = version == _dataVersion;
        _dataVersion = version;
        return current;
    }

    /// <inheritdoc />
    protected override bool IsDocumentError(DbException error) =>
        // SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH, SQLITE_RANGE: the statement's values, not the database.
        error is SqliteException { SqliteErrorCode: 18 or 19 or 20 or 25 };

    /// <inheritdoc />
    protected override string EqualsIgnoreCase(string column, string parameter) => $"{column} = {parameter} COLLATE NOCASE";

    /// <inheritdoc />
    protected override string ContainsIgnoreCase(string column, string parameter) => $"instr(lower({column}), lower({parameter})) > 0";
}
