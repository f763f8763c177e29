using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Delivery;

/// <summary>Each person's DM channel id (cached so a DM costs one request) and whether their DMs are closed.</summary>
public sealed class DmChannelRepository(SqliteConnectionFactory connections)
{
    public async Task<ulong?> GetChannelAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Dapper hands DBNull to a scalar's type handler, so only non-null ids are selected; no row means "none".
        var id = await connection.QueryFirstOrDefaultAsync<ulong>(
            "SELECT dm_channel_id FROM users WHERE user_id = @userId AND dm_channel_id IS NOT NULL", new { userId });
        return id == 0 ? null : id;
    }

    public async Task SetChannelAsync(ulong userId, ulong channelId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO users (user_id, dm_channel_id, created_at) VALUES (@userId, @channelId, @now)
            ON CONFLICT (user_id) DO UPDATE SET dm_channel_id = excluded.dm_channel_id
            """, new { userId, channelId, now });
    }

    public async Task MarkUnreachableAsync(ulong userId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO users (user_id, dm_unreachable_since, created_at) VALUES (@userId, @now, @now)
            ON CONFLICT (user_id) DO UPDATE SET dm_unreachable_since = COALESCE(users.dm_unreachable_since, excluded.dm_unreachable_since)
            """, new { userId, now });
    }

    public async Task MarkReachableAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE users SET dm_unreachable_since = NULL WHERE user_id = @userId AND dm_unreachable_since IS NOT NULL", new { userId });
    }

    public async Task<bool> IsUnreachableAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>("SELECT dm_unreachable_since IS NOT NULL FROM users WHERE user_id = @userId", new { userId });
    }
}
