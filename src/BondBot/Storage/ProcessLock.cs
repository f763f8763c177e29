using System.Data.Common;

namespace BondBot.Storage;

/// <summary>
/// A job that must run in one process at a time (command registration, the outbox pass, maintenance steps) holds one
/// of these: a PostgreSQL session advisory lock on its own connection, released on dispose or by the server if the
/// process dies. On SQLite there is one process and the lock is always granted.
/// </summary>
public sealed class ProcessLock : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly IAsyncDisposable _lock;

    private ProcessLock(DbConnection connection, IAsyncDisposable held)
    {
        _connection = connection;
        _lock = held;
    }

    /// <summary>Takes the lock named <paramref name="name"/>; null when another process holds it and <paramref name="wait"/> is false.</summary>
    public static async Task<ProcessLock?> TakeAsync(IDbConnections connections, string name, bool wait, CancellationToken cancellationToken = default)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            if (await connections.Dialect.LockAsync(connection, name, wait, cancellationToken) is { } held)
                return new ProcessLock(connection, held);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try { await _lock.DisposeAsync(); }
        finally { await _connection.DisposeAsync(); }
    }
}
