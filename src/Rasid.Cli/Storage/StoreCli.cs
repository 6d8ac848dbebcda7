using System.Data.Common;
using System.Globalization;
using Npgsql;
using Rasid.Storage;
using Rasid.Storage.Postgres;
using Rasid.Storage.Sql;
using Rasid.Storage.Sqlite;

namespace Rasid.Cli.Storage;

/// <summary>Options shared by the storage commands (database path, event filters).</summary>
internal static class StoreCli
{
    public const string DefaultDatabase = "rasid.db";

    /// <summary>Environment variable with a PostgreSQL connection string, used when neither --pg nor --db is given.</summary>
    public const string PostgresVariable = "RASID_PG";

    public static readonly string[] StoreOptions = ["--db", "--pg"];

    public const string StoreUsage = "[--db FILE | --pg CONNECTION]";

    public static readonly string[] FilterOptions = ["--db", "--pg", "--country", "--admin1", "--type", "--actor", "--from", "--to", "--limit"];

    public const string FilterUsage = "[--db FILE | --pg CONNECTION] [--country YE] [--admin1 YE-TA] [--type TYPE] [--actor NAME] [--from DATE] [--to DATE] [--limit N]";

    /// <summary>
    /// Where the store is: --pg CONNECTION, else --db FILE, else $RASID_PG, else ./rasid.db. This is the store factory of
    /// every storage verb (and of `rasid serve`).
    /// </summary>
    public static StoreLocation Location(ArgReader reader)
    {
        if (reader.Value("--pg") is { } pg)
        {
            return reader.Value("--db") is null ? new StoreLocation(pg, null) : throw new UsageException("give --db or --pg, not both");
        }

        if (reader.Value("--db") is { } db)
        {
            return new StoreLocation(null, db);
        }

        return Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } env ? new StoreLocation(env, null) : new StoreLocation(null, DefaultDatabase);
    }

    public static EventQuery Query(ArgReader reader) => new()
    {
        Country = reader.Value("--country"),
        Admin1 = reader.Value("--admin1"),
        Type = reader.Value("--type"),
        Actor = reader.Value("--actor"),
        From = DateOption(reader, "--from"),
        To = DateOption(reader, "--to"),
        Limit = reader.Value("--limit") is { } l
            ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException("--limit needs a positive number")
            : null,
    };

    /// <summary>Parses an ISO date option (yyyy-MM-dd, invariant culture); null when absent.</summary>
    public static DateOnly? DateOption(ArgReader reader, string name)
    {
        var value = reader.Value(name);
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"{name} needs a date as yyyy-MM-dd, not '{value}'");
    }

    /// <summary>Reads the events the filters select from the database; on failure writes why and returns null.</summary>
    public static async Task<IReadOnlyList<StoredEvent>?> LoadEventsAsync(ArgReader reader, CliConsole console, string verb)
    {
        var query = Query(reader);
        var location = Location(reader);
        if (!location.Exists)
        {
            await console.Error.WriteLineAsync($"rasid {verb}: no database at {location} (run rasid ingest first)").ConfigureAwait(false);
            return null;
        }

        try
        {
            using var store = location.Open();
            return store.QueryEvents(query);
        }
        catch (Exception ex) when (ex is DbException or StoreException)
        {
            await console.Error.WriteLineAsync(StorageError(verb, location, ex)).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The one-line message of a storage failure.</summary>
    public static string StorageError(string verb, StoreLocation location, Exception ex) =>
        ex is StoreException ? $"rasid {verb}: {ex.Message}" : $"rasid {verb}: storage error in {location}: {ex.Message}";
}

/// <summary>A store's address: a PostgreSQL connection string or an SQLite file.</summary>
/// <param name="Postgres">Npgsql connection string, or null for SQLite.</param>
/// <param name="SqlitePath">The SQLite file when <paramref name="Postgres"/> is null.</param>
internal sealed record StoreLocation(string? Postgres, string? SqlitePath)
{
    public bool IsPostgres => Postgres is not null;

    /// <summary>False only for an SQLite file that does not exist (reading verbs do not create one).</summary>
    public bool Exists => IsPostgres || File.Exists(SqlitePath);

    /// <summary>Opens the store (creating an SQLite file when missing), schema brought up to date.</summary>
    public SqlEventStore Open() => IsPostgres ? PostgresEventStore.Open(Postgres!) : SqliteEventStore.Open(SqlitePath!);

    /// <summary>For messages: the file, or host, port and database (never the password).</summary>
    public override string ToString()
    {
        if (!IsPostgres)
        {
            return SqlitePath!;
        }

        try
        {
            var b = new NpgsqlConnectionStringBuilder(Postgres);
            return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {b.Host}:{b.Port}/{b.Database}");
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (unreadable connection string)";
        }
    }
}
