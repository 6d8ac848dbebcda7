using System.Data.Common;
using System.Globalization;
using Npgsql;
using Rasid.Storage;
using Rasid.Storage.Exports;
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

    public const string FilterUsage = "[--db FILE | --pg CONNECTION] [--country YE] [--admin1 YE-TA] [--type TYPE] [--actor NAME] [--from DATE] [--to DATE] [--limit N]\n"
        + "  --country, --admin1, --type and --actor may be repeated (or take comma-separated values): an event matching any value passes";

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

    /// <summary>
    /// The queries the filters ask for. A filter given several times (or with comma-separated values) matches any of its
    /// values, so there is one query per combination; different filters must all match. Values are checked: a country is an
    /// ISO 3166-1 alpha-2 code, a province an ISO 3166-2 code, a type one of ACLED's event or sub-event types.
    /// </summary>
    public static IReadOnlyList<EventQuery> Queries(ArgReader reader)
    {
        reader.RejectPositional();
        var countries = Many(reader, "--country").Select(Country).ToList();
        var admin1s = Many(reader, "--admin1").Select(Admin1).ToList();
        var types = Many(reader, "--type").Select(EventType).ToList();
        var actors = reader.Values("--actor").Where(a => a.Length > 0).ToList();
        var baseQuery = new EventQuery
        {
            From = DateOption(reader, "--from"),
            To = DateOption(reader, "--to"),
            Limit = reader.Value("--limit") is { } l
                ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException("--limit needs a positive number")
                : null,
        };
        return [.. from country in OrNull(countries)
                   from admin1 in OrNull(admin1s)
                   from type in OrNull(types)
                   from actor in OrNull(actors)
                   select baseQuery with { Country = country, Admin1 = admin1, Type = type, Actor = actor }];
    }

    /// <summary>The single query of <see cref="Queries"/> when no filter is repeated (tests and simple callers).</summary>
    public static EventQuery Query(ArgReader reader) => Queries(reader)[0];

    private static IEnumerable<string> Many(ArgReader reader, string name) =>
        reader.Values(name).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static IEnumerable<string?> OrNull(List<string> values) => values.Count == 0 ? new string?[] { null } : values;

    private static string Country(string value)
    {
        if (value.Length == 2 && value.All(char.IsAsciiLetter))
        {
            return value.ToUpperInvariant();
        }

        var known = CountryTable.Default.All;
        var guesses = known.Where(c => c.Name.StartsWith(value, StringComparison.OrdinalIgnoreCase) || c.Iso3.Equals(value, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Name, StringComparer.Ordinal).Take(3).Select(c => $"{c.Iso2} ({c.Name})").ToList();
        var hint = guesses.Count > 0 ? "; did you mean " + string.Join(" or ", guesses) + "?" : ", e.g. YE (Yemen), SY (Syria), IQ (Iraq)";
        throw new UsageException($"--country takes ISO 3166-1 alpha-2 codes, not '{value}'{hint}");
    }

    private static string Admin1(string value) =>
        value.Length is >= 4 and <= 6 && value[2] == '-' && char.IsAsciiLetter(value[0]) && char.IsAsciiLetter(value[1]) && value[3..].All(char.IsAsciiLetterOrDigit)
            ? value.ToUpperInvariant()
            : throw new UsageException($"--admin1 takes ISO 3166-2 province codes such as YE-TA (Taizz) or SY-HL (Aleppo), not '{value}'");

    private static string EventType(string value)
    {
        if (EventTaxonomy.Find(value) is { } name)
        {
            return name;
        }

        var words = value.Split([' ', '/', '-'], StringSplitOptions.RemoveEmptyEntries);
        var guesses = EventTaxonomy.Names.Where(n => words.Any(w => w.Length > 2 && n.Contains(w, StringComparison.OrdinalIgnoreCase))).Take(3).ToList();
        var hint = guesses.Count > 0
            ? "; did you mean " + string.Join(" or ", guesses.Select(g => $"'{g}'")) + "?"
            : "; event types: " + string.Join(", ", EventTaxonomy.Pairs.Select(p => p.EventType).Distinct(StringComparer.Ordinal)) + " (or one of their sub-types)";
        throw new UsageException($"--type takes an ACLED event type or sub-event type, not '{value}'{hint}");
    }

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
        var queries = Queries(reader);
        var location = Location(reader);
        if (!location.Exists)
        {
            await console.Error.WriteLineAsync($"rasid {verb}: no database at {location} (run rasid ingest first)").ConfigureAwait(false);
            return null;
        }

        try
        {
            using var store = location.Open();
            if (queries.Count == 1)
            {
                return store.QueryEvents(queries[0]);
            }

            // The union of the combinations, in the store's order (dated first, by date, then id), then the limit.
            return [.. queries.SelectMany(store.QueryEvents)
                .DistinctBy(e => e.Event.EventKey, StringComparer.Ordinal)
                .OrderBy(e => e.EventDate is null)
                .ThenBy(e => e.EventDate)
                .ThenBy(e => e.EventIdCnty, StringComparer.Ordinal)
                .ThenBy(e => e.Event.EventKey, StringComparer.Ordinal)
                .Take(queries[0].Limit ?? int.MaxValue)];
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
