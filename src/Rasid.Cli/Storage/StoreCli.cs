using System.Globalization;
using Microsoft.Data.Sqlite;
using Rasid.Storage;
using Rasid.Storage.Sqlite;

namespace Rasid.Cli.Storage;

/// <summary>Options shared by the storage commands (database path, event filters).</summary>
internal static class StoreCli
{
    public const string DefaultDatabase = "rasid.db";

    public static readonly string[] FilterOptions = ["--db", "--country", "--admin1", "--type", "--actor", "--from", "--to", "--limit"];

    public const string FilterUsage = "[--db FILE] [--country YE] [--admin1 YE-TA] [--type TYPE] [--actor NAME] [--from DATE] [--to DATE] [--limit N]";

    public static string Database(ArgReader reader) => reader.Value("--db") ?? DefaultDatabase;

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
        var database = Database(reader);
        if (!File.Exists(database))
        {
            await console.Error.WriteLineAsync($"rasid {verb}: no database at {database} (run rasid ingest first)").ConfigureAwait(false);
            return null;
        }

        try
        {
            using var store = SqliteEventStore.Open(database);
            return store.QueryEvents(query);
        }
        catch (SqliteException ex)
        {
            await console.Error.WriteLineAsync($"rasid {verb}: storage error in {database}: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
