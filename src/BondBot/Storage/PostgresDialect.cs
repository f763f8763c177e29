using System.Data.Common;
using System.Net.Sockets;
using Dapper;
using Npgsql;

namespace BondBot.Storage;

/// <summary>
/// PostgreSQL: several BondBot processes share one database. Claims skip rows another process holds; jobs that must
/// run once take a session advisory lock (released on unlock, or by the server when the process dies).
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    public override string Name => "postgres";
    public override string? MigrationFolder => MigrationCatalog.PostgresFolder;
    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    // Longer than a live process takes to start a claimed batch's sends (500 prompts at Discord's 50/s: 10 s), and
    // shorter than Discord's nonce window (a few minutes), so a prompt cut off by a crash is still resent safely.
    public override TimeSpan ClaimLease => TimeSpan.FromMinutes(1);
    public override string? CheckpointSql => null;

    public override async Task<StoreSize> SizeAsync(DbConnection connection) =>
        new(await connection.ExecuteScalarAsync<long>("SELECT pg_database_size(current_database())"), 0, null);

    public override string In(string parameter) => $"= ANY(@{parameter})";
    public override string NotIn(string parameter) => $"<> ALL(@{parameter})";

    private static readonly long WriteLockKey = LockKey("bondbot:write");

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = WriteLockKey }, transaction, cancellationToken: cancellationToken));
        return transaction;
    }

    // 40001 serialization_failure, 40P01 deadlock_detected, 55P03 lock_not_available.
    public override bool IsContention(Exception error) =>
        error is PostgresException { SqlState: "40001" or "40P01" or "55P03" };

    public override string UnavailableHint =>
        "check Database:ConnectionString and that the PostgreSQL server is running and reachable";

    public override bool IsUnavailable(Exception error) =>
        error is NpgsqlException { InnerException: SocketException or IOException or TimeoutException }
            || error is PostgresException { SqlState: "28P01" or "28000" or "3D000" or "57P03" }   // auth, no such database, starting up
            || error is NpgsqlException && error is not PostgresException;

    public override async Task<IAsyncDisposable?> LockAsync(DbConnection connection, string name, bool wait, CancellationToken cancellationToken = default)
    {
        var key = LockKey(name);
        if (wait)
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken));
        else if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken)))
            return null;
        return new AdvisoryLock(connection, key);
    }

    private sealed class AdvisoryLock(DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == System.Data.ConnectionState.Open)
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
        }
    }
}
