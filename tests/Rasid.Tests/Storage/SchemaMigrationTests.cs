using Microsoft.Data.Sqlite;
using Rasid.Storage.Sql;
using Rasid.Storage.Sqlite;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Storage;

/// <summary>Versioned schema steps, applied on open, version recorded (issue 15).</summary>
public class SchemaMigrationTests
{
    [Fact]
    public void A_new_database_records_the_last_schema_version()
    {
        using var temp = new TempFolder();
        using (Open(temp.File("rasid.db")))
        {
        }

        Assert.Equal(SqliteEventStore.Migrations.Count, Scalar(temp.File("rasid.db"), "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'"));
    }

    [Fact]
    public void An_older_database_is_upgraded_step_by_step()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        using (SqliteEventStore.Open(db, migrations: SqliteEventStore.Migrations))
        {
        }

        // Given a later release with one more step
        var next = SqliteEventStore.Migrations.Count + 1;
        IReadOnlyList<SchemaMigration> later = [.. SqliteEventStore.Migrations, new SchemaMigration(next, "099_test.sql", "CREATE TABLE later_table (x INTEGER)")];
        using (SqliteEventStore.Open(db, migrations: later))
        {
        }

        Assert.Equal(next, Scalar(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(1, Scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'later_table'"));
    }

    [Fact]
    public void A_newer_database_is_refused_with_a_clear_message()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        using (Open(db))
        {
        }

        using (var connection = new SqliteConnection("Data Source=" + db + ";Pooling=false"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '42' WHERE key = 'schema_version'";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StoreException>(() => Open(db));
        Assert.Contains("schema version 42, newer than this rasid knows", ex.Message, StringComparison.Ordinal);
    }
}
