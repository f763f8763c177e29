using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Delivery;

/// <summary>
/// Each person's DM channel id (cached so a DM costs one request) and whether their DMs are closed. Only people
/// BondBot already knows have a row: nothing here creates one, so a send can never bring back a person who erased
/// their data.
/// </summary>
public sealed class DmChannelRepository(IDbConnections connections)
{
    public async Task<ulong?> GetChannelAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Dapper hands DBNull to a scalar's type handler, so only non-null ids are selected; no row means "none".
        var id = await connection.QueryFirstOrDefaultAsync<ulong>(
            "SELECT dm_channel_id FROM users WHERE user_id = @userId AND dm_channel_id IS NOT NULL", new { userId });
        return id == 0 ? null : id;
    }

    public async Task SetChannelAsync(ulong userId, ulong channelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE users SET dm_channel_id = @channelId WHERE user_id = @userId", new { userId, channelId });
    }

    public async Task ForgetChannelAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE users SET dm_channel_id = NULL WHERE user_id = @userId", new { userId });
    }

    public async Task MarkUnreachableAsync(ulong userId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE users SET dm_unreachable_since = COALESCE(dm_unreachable_since, @now) WHERE user_id = @userId", new { userId, now });
    }

    /// <summary>Clears the mark; true when the person was marked unreachable.</summary>
    public async Task<bool> MarkReachableAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("UPDATE users SET dm_unreachable_since = NULL WHERE user_id = @userId AND dm_unreachable_since IS NOT NULL", new { userId }) > 0;
    }

    public async Task<bool> IsUnreachableAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>("SELECT dm_unreachable_since IS NOT NULL FROM users WHERE user_id = @userId", new { userId });
    }

    /// <summary>Which of <paramref name="userIds"/> are known to have closed DMs, inside the caller's transaction.</summary>
    public static async Task<IReadOnlySet<ulong>> UnreachableAmongAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<ulong> userIds) =>
        userIds.Count == 0
            ? new HashSet<ulong>()
            : (await connection.QueryAsync<ulong>(
                $"SELECT user_id FROM users WHERE user_id {SqlDialect.Of(connection).In("userIds")} AND dm_unreachable_since IS NOT NULL", new { userIds = SqlDialect.Ids(userIds) }, transaction)).ToHashSet();
}
