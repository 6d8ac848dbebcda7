using Npgsql;

namespace Rasid.Tests.Storage.Postgres;

/// <summary>
/// A test that needs the PostgreSQL server named by <c>RASID_TEST_PG</c> (an Npgsql connection string; `.ci/run` starts
/// one). Without it the test is skipped with a message locally, and runs (and fails) when <c>CI=true</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.ConnectionString is null && !PostgresTestDatabase.OnCi)
        {
            Skip = $"no PostgreSQL server: set {PostgresTestDatabase.Variable} (e.g. export {PostgresTestDatabase.Variable}=\"$(bash .ci/postgres.sh start)\")";
        }
    }
}

/// <summary>A fresh schema on the test server for one test, dropped afterwards.</summary>
internal sealed class PostgresTestDatabase : IDisposable
{
    public const string Variable = "RASID_TEST_PG";

    private readonly string _admin;

    public PostgresTestDatabase()
    {
        _admin = ConnectionString ?? throw new InvalidOperationException($"CI=true but {Variable} is not set: .ci/run must start PostgreSQL and export it");
        Schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE SCHEMA {Schema}");
        Connection = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = Schema }.ToString();
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Connection string whose search path is this test's schema.</summary>
    public string Connection { get; }

    public string Schema { get; }

    public long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(Connection);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Run(string sql)
    {
        using var connection = new NpgsqlConnection(Connection);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }
}
