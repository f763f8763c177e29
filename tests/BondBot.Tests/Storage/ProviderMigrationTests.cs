using System.Data.Common;
using BondBot.Storage;
using BondBot.Tests.Support;
using Dapper;

namespace BondBot.Tests.Storage;

/// <summary>The migrator on both providers: the same versions, idempotent, a database from the future refused.</summary>
public sealed class ProviderMigrationTests
{
    public static TheoryData<string> Providers => TempDatabase.Providers;

    private static Task<IEnumerable<string>> TablesAsync(TempDatabase db, DbConnection connection) =>
        connection.QueryAsync<string>(db.IsPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_on_an_empty_database_creates_every_table_and_records_every_version(string provider)
    {
        using var db = new TempDatabase(provider);
        var newest = await db.CreateMigrator().MigrateAsync();

        await using var connection = await db.Connections.OpenAsync();
        var tables = (await TablesAsync(db, connection)).ToHashSet();
        foreach (var table in new[] { "users", "pairs", "pair_members", "rounds", "answers", "checkins", "prompt_ledger", "outbox",
                     "guess_rounds", "repair_messages", "this_or_that_picks", "visits", "notes", "looking_back", "schema_version" })
            Assert.Contains(table, tables);
        Assert.Equal(Enumerable.Range(1, newest), await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(MigrationCatalog.Load().Count, newest);
    }

    [Fact]
    public void Postgres_migrations_carry_the_same_numbers_and_names_as_sqlite_ones()
    {
        var sqlite = MigrationCatalog.LoadFolder(null).Select(m => (m.Version, m.Name));
        var postgres = MigrationCatalog.LoadFolder(MigrationCatalog.PostgresFolder).Select(m => (m.Version, m.Name));
        Assert.Equal(sqlite, postgres);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_twice_is_a_no_op_and_keeps_the_data(string provider)
    {
        using var db = new TempDatabase(provider);
        await db.CreateMigrator().MigrateAsync();
        await using (var connection = await db.Connections.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO users (user_id, created_at) VALUES (42, 0)");

        await db.CreateMigrator().MigrateAsync();

        await using var again = await db.Connections.OpenAsync();
        Assert.Equal(MigrationCatalog.Load().Count, await again.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(1, await again.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_database_from_a_newer_release_is_refused(string provider)
    {
        using var db = new TempDatabase(provider);
        await db.CreateMigrator().MigrateAsync();
        await using (var connection = await db.Connections.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', '2030-01-01')");

        var error = await Assert.ThrowsAsync<DatabaseTooNewException>(() => db.CreateMigrator().MigrateAsync());

        Assert.Equal(999, error.DatabaseVersion);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_migration_rolls_back_to_the_previous_version(string provider)
    {
        using var db = new TempDatabase(provider);
        var migrations = new[]
        {
            new Migration(1, "first", "CREATE TABLE a (id INTEGER);"),
            new Migration(2, "broken", "CREATE TABLE b (id INTEGER); INSERT INTO no_such_table VALUES (1);"),
        };

        await Assert.ThrowsAnyAsync<DbException>(() => db.CreateMigrator().MigrateAsync(migrations));

        await using var connection = await db.Connections.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
        Assert.DoesNotContain("b", await TablesAsync(db, connection));
    }

    [Fact]
    public async Task Four_processes_starting_together_on_postgres_migrate_once()
    {
        using var db = new TempDatabase(DatabaseOptions.Postgres);
        var migrators = Enumerable.Range(0, 4).Select(_ => new TempDatabaseView(db).CreateMigrator()).ToList();

        await Task.WhenAll(migrators.Select(m => m.MigrateAsync()));

        await using var connection = await db.Connections.OpenAsync();
        Assert.Equal(MigrationCatalog.Load().Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rebuilt_tables_keep_their_rows_and_turn_pair_tombstones_into_nulls(string provider)
    {
        using var db = new TempDatabase(provider);
        var upToFive = MigrationCatalog.LoadFolder(db.Connections.Dialect.MigrationFolder).Where(m => m.Version <= 5).ToList();
        await db.CreateMigrator().MigrateAsync(upToFive);
        await using (var connection = await db.Connections.OpenAsync())
            await connection.ExecuteAsync("""
                INSERT INTO pairs (pair_id, user_a, user_b, created_at, ended_at) VALUES (1, 10, 20, 0, NULL), (2, 0, 30, 0, 5);
                INSERT INTO pair_members (pair_id, user_id, active) VALUES (1, 10, 1), (1, 20, 1), (2, 30, 0);
                INSERT INTO rounds (round_id, pair_id, question_key, question_text, category, depth, status, opened_at) VALUES (7, 1, 'k', 'q?', 'fun', 1, 'open', 0);
                INSERT INTO prompt_ledger (user_id, local_date, kind, due_at, status, nonce, updated_at) VALUES (10, '2026-06-01', 'checkin', 0, 'sent', 'n', 0);
                """);

        await db.CreateMigrator().MigrateAsync();

        await using var after = await db.Connections.OpenAsync();
        Assert.Equal(3, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pair_members"));
        Assert.Equal(1, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM rounds WHERE pair_id = 1 AND set_aside_times = 0"));
        Assert.Equal(1, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pairs WHERE pair_id = 2 AND user_a IS NULL"));
        Assert.Equal(1, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM prompt_ledger WHERE attempts = 0"));
        await after.ExecuteAsync("UPDATE pairs SET user_b = NULL WHERE pair_id = 2");             // both sides erased: allowed now
        await after.ExecuteAsync("UPDATE rounds SET status = 'set-aside' WHERE round_id = 7");     // the widened check
    }

    /// <summary>A second process's view of the same database: its own pool, its own migrator.</summary>
    private sealed class TempDatabaseView(TempDatabase db)
    {
        public Migrator CreateMigrator() => new(
            new PostgresConnections(Microsoft.Extensions.Options.Options.Create(db.Options)), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance);
    }
}
