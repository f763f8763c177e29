using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Space;

/// <summary>Pairs' private channels, the partner's pending consent to open one, and each guild's chosen category.</summary>
public sealed class SpaceRepository(IDbConnections connections, OutboxWriter outbox)
{
    public sealed record PairSpace(long PairId, ulong GuildId, ulong ChannelId);

    public sealed record Request(long PairId, ulong GuildId, ulong RequestedBy);

    private const string Columns = "pair_id AS PairId, guild_id AS GuildId, channel_id AS ChannelId";

    public async Task<PairSpace?> ForPairAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PairSpace>($"SELECT {Columns} FROM spaces WHERE pair_id = @pairId", new { pairId });
    }

    /// <summary>The server a pair's DMs belong to, for that server's switches: where their private space is, else
    /// where they paired; null for a pair made in DMs (no server's switch applies to them).</summary>
    public async Task<ulong?> ServerOfAsync(Pairing.Pair pair, CancellationToken cancellationToken = default) =>
        (await ForPairAsync(pair.PairId, cancellationToken))?.GuildId ?? pair.GuildId;

    public async Task<long?> ForChannelPairAsync(ulong channelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>("SELECT pair_id FROM spaces WHERE channel_id = @channelId", new { channelId });
    }

    /// <summary>Records a new space and drops its request; false when the pair already has one (a double click), so
    /// the caller removes its extra channel.</summary>
    public async Task<bool> AddAsync(long pairId, ulong guildId, ulong channelId, Instant now, IEnumerable<OutboxItem> deliveries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var added = await connection.ExecuteAsync(
            "INSERT INTO spaces (pair_id, guild_id, channel_id, created_at) VALUES (@pairId, @guildId, @channelId, @now) ON CONFLICT DO NOTHING",
            new { pairId, guildId, channelId, now }, transaction) > 0;
        if (!added)
            return false;
        await connection.ExecuteAsync("DELETE FROM space_requests WHERE pair_id = @pairId", new { pairId }, transaction);
        await outbox.WriteAsync(connection, transaction, deliveries);
        await outbox.CommitAsync(transaction, cancellationToken);
        return true;
    }

    /// <summary>Forgets the space held in a channel, with what both partners are told; returns it when there was one.</summary>
    public async Task<PairSpace?> RemoveByChannelAsync(ulong channelId, Func<PairSpace, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var removed = await connection.QuerySingleOrDefaultAsync<PairSpace>($"DELETE FROM spaces WHERE channel_id = @channelId RETURNING {Columns}", new { channelId }, transaction);
        if (removed is null)
            return null;
        await outbox.WriteAsync(connection, transaction, deliveries(removed));
        await outbox.CommitAsync(transaction, cancellationToken);
        return removed;
    }

    /// <summary>Inside the transaction that ends a pair: its space and any pending request go, and the channel is
    /// deleted by the outbox (durably, even if Discord is down right now).</summary>
    public static async Task CloseForPairAsync(DbConnection connection, DbTransaction transaction, long pairId, OutboxWriter outbox)
    {
        await connection.ExecuteAsync("DELETE FROM space_requests WHERE pair_id = @pairId", new { pairId }, transaction);
        var channel = await connection.QuerySingleOrDefaultAsync<ulong?>("DELETE FROM spaces WHERE pair_id = @pairId RETURNING channel_id", new { pairId }, transaction);
        if (channel is { } id)
            await outbox.WriteAsync(connection, transaction, [OutboxItem.DeleteChannel(id, pairId)]);
    }

    public async Task SaveRequestAsync(long pairId, ulong guildId, ulong requestedBy, Instant now, IEnumerable<OutboxItem> deliveries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO space_requests (pair_id, guild_id, requested_by, created_at) VALUES (@pairId, @guildId, @requestedBy, @now)
            ON CONFLICT (pair_id) DO UPDATE SET guild_id = excluded.guild_id, requested_by = excluded.requested_by, created_at = excluded.created_at
            """, new { pairId, guildId, requestedBy, now }, transaction);
        await outbox.WriteAsync(connection, transaction, deliveries);
        await outbox.CommitAsync(transaction, cancellationToken);
    }

    public async Task<Request?> RequestAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Request>(
            "SELECT pair_id AS PairId, guild_id AS GuildId, requested_by AS RequestedBy FROM space_requests WHERE pair_id = @pairId", new { pairId });
    }

    /// <summary>The partner said not now: the request goes, with what the requester is told.</summary>
    public async Task<bool> DropRequestAsync(long pairId, IEnumerable<OutboxItem> deliveries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        if (await connection.ExecuteAsync("DELETE FROM space_requests WHERE pair_id = @pairId", new { pairId }, transaction) == 0)
            return false;
        await outbox.WriteAsync(connection, transaction, deliveries);
        await outbox.CommitAsync(transaction, cancellationToken);
        return true;
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
