using BondBot.Storage;
using BondBot.Tests.Support;
using Dapper;

namespace BondBot.Tests.Storage;

public sealed class MigratorTests : IDisposable
{
    private readonly TempDatabase _db = new();
    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Migrate_on_an_empty_file_creates_the_schema_and_records_every_version()
    {
        var newest = await _db.CreateMigrator().MigrateAsync();

        Assert.True(File.Exists(_db.FilePath));
        await using var connection = await _db.Connections.OpenAsync();
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        foreach (var table in new[] { "users", "pair_invites", "pairs", "pair_members", "custom_questions", "rounds", "answers", "checkins", "prompt_ledger", "schema_version" })
            Assert.Contains(table, tables);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ToList();
        Assert.Equal(Enumerable.Range(1, newest), versions);
        Assert.Equal(MigrationCatalog.Load().Count, newest);
    }

    [Fact]
    public async Task Migrate_twice_is_a_no_op()
    {
        await _db.CreateMigrator().MigrateAsync();
        await using (var connection = await _db.Connections.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO users (user_id, created_at) VALUES (42, 0)");

        await _db.CreateMigrator().MigrateAsync();

        await using var again = await _db.Connections.OpenAsync();
        Assert.Equal(MigrationCatalog.Load().Count, await again.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(1, await again.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task A_database_from_a_newer_release_is_refused_with_a_clear_message()
    {
        await _db.CreateMigrator().MigrateAsync();
        await using (var connection = await _db.Connections.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', '2030-01-01')");

        var error = await Assert.ThrowsAsync<DatabaseTooNewException>(() => _db.CreateMigrator().MigrateAsync());

        Assert.Equal(999, error.DatabaseVersion);
        Assert.Contains("schema version 999", error.Message);
        Assert.Contains("restore a backup", error.Message);
    }

    [Fact]
    public async Task A_failing_migration_rolls_back_and_leaves_the_previous_version()
    {
        var migrations = new[]
        {
            new Migration(1, "first", "CREATE TABLE a (id INTEGER);"),
            new Migration(2, "broken", "CREATE TABLE b (id INTEGER); INSERT INTO no_such_table VALUES (1);"),
        };

        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() => _db.CreateMigrator().MigrateAsync(migrations));

        await using var connection = await _db.Connections.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'"));
    }

    [Fact]
    public async Task Connections_use_wal_foreign_keys_and_a_busy_timeout()
    {
        await _db.CreateMigrator().MigrateAsync();
        await using var connection = await _db.Connections.OpenAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        Assert.Equal(_db.Options.BusyTimeoutMs, await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout"));
    }

    [Fact]
    public void Embedded_migrations_are_numbered_without_gaps()
    {
        var migrations = MigrationCatalog.Load();
        Assert.NotEmpty(migrations);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
    }

    [Fact]
    public async Task The_database_file_its_journal_files_and_folder_are_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        await _db.CreateMigrator().MigrateAsync();
        await using var connection = await _db.Connections.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO users (user_id, created_at) VALUES (1, 0)");   // -wal and -shm exist now

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(_db.Folder));
        foreach (var file in new[] { _db.FilePath, _db.FilePath + "-wal", _db.FilePath + "-shm" })
            Assert.Equal(ownerOnly, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task Rebuilding_the_pairs_table_keeps_every_pair_member_and_round_and_turns_tombstones_into_nulls()
    {
        var upToFive = MigrationCatalog.Load().Where(m => m.Version <= 5).ToList();
        await _db.CreateMigrator().MigrateAsync(upToFive);
        await using (var connection = await _db.Connections.OpenAsync())
            await connection.ExecuteAsync("""
                INSERT INTO pairs (pair_id, user_a, user_b, created_at, ended_at) VALUES (1, 10, 20, 0, NULL), (2, 0, 30, 0, 5);
                INSERT INTO pair_members (pair_id, user_id, active) VALUES (1, 10, 1), (1, 20, 1), (2, 30, 0);
                INSERT INTO rounds (round_id, pair_id, question_key, question_text, category, depth, status, opened_at) VALUES (7, 1, 'k', 'q?', 'fun', 1, 'open', 0);
                """);

        await _db.CreateMigrator().MigrateAsync();

        await using var after = await _db.Connections.OpenAsync();
        Assert.Equal(3, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pair_members"));   // no cascade from the rebuild
        Assert.Equal(1, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM rounds WHERE pair_id = 1"));
        Assert.Equal(1, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pairs WHERE pair_id = 2 AND user_a IS NULL"));
        Assert.Equal(1, await after.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
        Assert.Empty(await after.QueryAsync("PRAGMA foreign_key_check"));
        await after.ExecuteAsync("UPDATE pairs SET user_b = NULL WHERE pair_id = 2");             // both sides erased: allowed now
    }
}
