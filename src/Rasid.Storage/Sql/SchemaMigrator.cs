using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Rasid.Storage.Sql;

/// <summary>One step of a store's schema: the SQL that takes a database from <c>Version - 1</c> to <paramref name="Version"/>.</summary>
/// <param name="Version">The schema version after this step (1, 2, ...).</param>
/// <param name="Name">The step's file name, for messages.</param>
/// <param name="Sql">The statements.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql);

/// <summary>A storage failure with a message meant for the user (wrong schema version, a writer waiting too long...).</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public StoreException()
    {
    }
}

/// <summary>
/// Versioned schema migrations: the version lives in <c>meta(key 'schema_version')</c>; on open, every step above it runs
/// (each in its own transaction, with the version written in the same transaction), and a database whose version is
/// newer than the last known step is refused.
/// </summary>
public static partial class SchemaMigrator
{
    /// <summary>
    /// Reads the steps embedded in <paramref name="assembly"/> under <paramref name="prefix"/>, named
    /// <c>prefix.NNN_name.sql</c>; the numbers must run 1, 2, 3... without gaps.
    /// </summary>
    public static IReadOnlyList<SchemaMigration> FromResources(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(prefix);
        var steps = new List<SchemaMigration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(prefix + ".", StringComparison.Ordinal) || StepName().Match(name[(prefix.Length + 1)..]) is not { Success: true } m)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            steps.Add(new SchemaMigration(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), name[(prefix.Length + 1)..], reader.ReadToEnd()));
        }

        steps.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != i + 1)
            {
                throw new InvalidOperationException($"schema steps under {prefix} must be numbered 1, 2, 3...: found {steps[i].Name} at position {i + 1}");
            }
        }

        return steps.Count > 0 ? steps : throw new InvalidOperationException($"no schema steps embedded under {prefix}");
    }

    /// <summary>
    /// Brings the database on <paramref name="connection"/> to the last of <paramref name="steps"/>; returns the version it
    /// had before. <paramref name="beginWrite"/> opens a transaction that excludes other writers (so two processes opening a
    /// new database at once apply each step once).
    /// </summary>
    /// <exception cref="StoreException">The database's schema is newer than <paramref name="steps"/> know.</exception>
    public static int Apply(DbConnection connection, IReadOnlyList<SchemaMigration> steps, Func<DbTransaction> beginWrite, string what)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(beginWrite);
        var latest = steps.Count == 0 ? 0 : steps[^1].Version;
        using (var tx = beginWrite())
        {
            Run(connection, tx, "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            tx.Commit();
        }

        var before = ReadVersion(connection, null);
        if (before > latest)
        {
            throw new StoreException($"{what} has schema version {before}, newer than this rasid knows ({latest}): use a newer rasid");
        }

        foreach (var step in steps.Where(s => s.Version > before))
        {
            using var tx = beginWrite();
            // Another process may have applied it while this one waited for the lock.
            if (ReadVersion(connection, tx) >= step.Version)
            {
                tx.Commit();
                continue;
            }

            Run(connection, tx, step.Sql);
            Run(connection, tx, "DELETE FROM meta WHERE key = 'schema_version'");
            Run(connection, tx, "INSERT INTO meta(key, value) VALUES ('schema_version', '" + step.Version.ToString(CultureInfo.InvariantCulture) + "')");
            tx.Commit();
        }

        return before;
    }

    /// <summary>The schema version recorded in <c>meta</c> (0 when none).</summary>
    public static int ReadVersion(DbConnection connection, DbTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return cmd.ExecuteScalar() is string s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    private static void Run(DbConnection connection, DbTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [GeneratedRegex(@"^(\d{3})_[a-z0-9_]+\.sql$")]
    private static partial Regex StepName();
}
