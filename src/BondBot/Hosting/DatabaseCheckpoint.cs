using BondBot.Storage;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BondBot.Hosting;

/// <summary>
/// On shutdown, folds SQLite's write-ahead log back into the database file, so a stopped bot leaves one
/// self-contained file behind (safe to copy); a server database needs nothing. Registered first, so it stops last,
/// after the scheduler and the gateway.
/// </summary>
public sealed class DatabaseCheckpoint(IDbConnections connections, ILogger<DatabaseCheckpoint> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (connections.Dialect.CheckpointSql is not { } checkpoint)
            return;
        try
        {
            await using var connection = await connections.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync(checkpoint);
            logger.LogInformation("Database checkpointed");
        }
        catch (Exception e) when (connections.Dialect.IsUnavailable(e))
        {
            logger.LogWarning("Database checkpoint on shutdown failed: {Error}", e.Message);
        }
    }
}
