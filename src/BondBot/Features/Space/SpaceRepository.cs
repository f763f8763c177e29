using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Space;

/// <summary>Pairs' private channels and each guild's chosen category for them.</summary>
public sealed class SpaceRepository(SqliteConnectionFactory connections)
{
    public sealed record PairSpace(long PairId, ulong GuildId, ulong ChannelId);

    private const string Columns = "pair_id AS PairId, guild_id AS GuildId, channel_id AS ChannelId";

    public async Task<PairSpace?> ForPairAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PairSpace>($"SELECT {Columns} FROM spaces WHERE pair_id = @pairId", new { pairId });
    }

    /// <summary>Records a new space; false when the pair already has one (a double click), so the caller removes its extra channel.</summary>
    public async Task<bool> AddAsync(long pairId, ulong guildId, ulong channelId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "INSERT INTO spaces (pair_id, guild_id, channel_id, created_at) VALUES (@pairId, @guildId, @channelId, @now) ON CONFLICT DO NOTHING",
            new { pairId, guildId, channelId, now }) > 0;
    }

    /// <summary>Forgets the space held in a channel; returns it when there was one.</summary>
    public async Task<PairSpace?> RemoveByChannelAsync(ulong channelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PairSpace>($"DELETE FROM spaces WHERE channel_id = @channelId RETURNING {Columns}", new { channelId });
    }

    public async Task<ulong?> CategoryAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var id = await connection.QueryFirstOrDefaultAsync<ulong>(
            "SELECT space_category_id FROM guild_settings WHERE guild_id = @guildId AND space_category_id IS NOT NULL", new { guildId });
        return id == 0 ? null : id;
    }

    public async Task SetCategoryAsync(ulong guildId, ulong? categoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO guild_settings (guild_id, space_category_id) VALUES (@guildId, @categoryId)
            ON CONFLICT (guild_id) DO UPDATE SET space_category_id = excluded.space_category_id
            """, new { guildId, categoryId });
    }
}
