using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BondBot.Storage;

/// <summary>SQLite: one process owns the file; its write lock serialises claims, so locks and skips are no-ops.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int Busy = 5, Locked = 6;

    public override string Name => "sqlite";
    public override string? MigrationFolder => null;
    public override string SkipLocked => "";
    public override TimeSpan ClaimLease => TimeSpan.Zero;
    public override string? CheckpointSql => "PRAGMA wal_checkpoint(TRUNCATE);";

    // In WAL mode the main file is written only by checkpoints, so its last write time is the last checkpoint.
    public override async Task<StoreSize> SizeAsync(DbConnection connection)
    {
        var pages = await connection.ExecuteScalarAsync<long>("PRAGMA page_count;");
        var pageSize = await connection.ExecuteScalarAsync<long>("PRAGMA page_size;");
        var main = new FileInfo(connection.DataSource);
        var wal = new FileInfo(connection.DataSource + "-wal");
        return new StoreSize(pages * pageSize, wal.Exists ? wal.Length : 0, main.Exists ? main.LastWriteTimeUtc : null);
    }

    public override string In(string parameter) => $"IN @{parameter}";
    public override string NotIn(string parameter) => $"NOT IN @{parameter}";

    // Microsoft.Data.Sqlite begins IMMEDIATE (the write lock at once) unless asked for a deferred transaction.
    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public override bool IsContention(Exception error) => error is SqliteException { SqliteErrorCode: Busy or Locked };

    public override string UnavailableHint => "check Database:ConnectionString and that the folder is writable";

    public override bool IsUnavailable(Exception error) => error is SqliteException;

    // WAL lets the scheduler read while a command handler writes; the mode is stored in the file itself.
    // In-memory databases cannot use WAL and keep their default journal.
    public override async Task PrepareForMigrationAsync(DbConnection connection)
    {
        if (connection.DataSource is "" or ":memory:")
            return;
        await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode = WAL;");
    }

    public override Task<IAsyncDisposable?> LockAsync(DbConnection connection, string name, bool wait, CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable?>(NoLock.Instance);
}
