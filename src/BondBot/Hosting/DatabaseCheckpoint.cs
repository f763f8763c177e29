using BondBot.Storage;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BondBot.Hosting;

/// <summary>
/// On shutdown, folds the write-ahead log back into the database file, so a stopped bot leaves one self-contained
/// file behind (safe to copy). Registered first, so it stops last, after the scheduler and the gateway.
/// </summary>
public sealed class DatabaseCheckpoint(SqliteConnectionFactory connections, ILogger<DatabaseCheckpoint> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await connections.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            logger.LogInformation("Database checkpointed");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            logger.LogWarning("Database checkpoint on shutdown failed: {Error}", e.Message);
        }
    }
}
