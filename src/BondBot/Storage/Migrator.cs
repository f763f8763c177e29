using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;

namespace BondBot.Storage;

/// <summary>
/// Brings the database up to the newest embedded schema version of its provider. Each migration runs in its own
/// transaction together with the row that records it, so a crash leaves the database at a clean version boundary.
/// Processes starting together migrate once: the first holds the migration lock, the others wait and find it done.
/// </summary>
public sealed class Migrator(IDbConnections connections, TimeProvider time, ILogger<Migrator> logger)
{
    public const string LockName = "bondbot:migrate";

    public Task<int> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(MigrationCatalog.LoadFolder(connections.Dialect.MigrationFolder), cancellationToken);

    public async Task<int> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        var dialect = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await dialect.PrepareForMigrationAsync(connection);
        await using var migrationLock = await dialect.LockAsync(connection, LockName, wait: true, cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at TEXT    NOT NULL
            );
            """);

        var current = await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > newest)
            throw new DatabaseTooNewException(current, newest);

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Only SQLite files carry the marker (PostgreSQL alters tables in place and never rebuilds them).
            var rebuild = migration.Sql.StartsWith(ForeignKeysOffMarker, StringComparison.Ordinal);
            // A table rebuild (create, copy, drop, rename) must not let DROP TABLE cascade into the tables that point
            // at it; SQLite only switches foreign keys off outside a transaction (SQLite §ALTER TABLE, the 12 steps).
            if (rebuild)
                await connection.ExecuteAsync("PRAGMA foreign_keys = OFF;");
            try
            {
                await ApplyAsync(connection, migration, rebuild, cancellationToken);
            }
            finally
            {
                if (rebuild)
                    await connection.ExecuteAsync("PRAGMA foreign_keys = ON;");
            }
            logger.LogInformation("Applied database migration {Version} ({Name})", migration.Version, migration.Name);
        }
        return newest;
    }

    /// <summary>First line of a SQLite migration that rebuilds a table others reference.</summary>
    public const string ForeignKeysOffMarker = "-- bondbot: foreign-keys-off";

    private async Task ApplyAsync(DbConnection connection, Migration migration, bool checkReferences, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(migration.Sql, transaction: transaction);
        if (checkReferences && (await connection.QueryAsync("PRAGMA foreign_key_check;", transaction: transaction)).Any())
            throw new InvalidOperationException($"Migration {migration.Version} ({migration.Name}) would leave broken references; nothing was changed.");
        await connection.ExecuteAsync(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
            new { migration.Version, migration.Name, AppliedAt = time.GetUtcNow().ToString("O") }, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
