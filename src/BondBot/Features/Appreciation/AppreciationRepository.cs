using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Appreciation;

/// <summary>Gratitude notes between partners, kept for both.</summary>
public sealed class AppreciationRepository(IDbConnections connections, OutboxWriter outbox)
{
    public sealed record Note(long AppreciationId, long PairId, ulong FromUser, ulong ToUser, string Text, Instant? ThankedAt);

    /// <summary>Stores a note and, in the same transaction, its delivery to the partner.</summary>
    public async Task<long> AddAsync(long pairId, ulong fromUser, ulong toUser, string text, Instant now, Func<long, IEnumerable<OutboxItem>> deliveries,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO appreciations (pair_id, from_user, to_user, text, created_at) VALUES (@pairId, @fromUser, @toUser, @text, @now)
            RETURNING appreciation_id
            """, new { pairId, fromUser, toUser, text, now }, transaction);
        await outbox.WriteAsync(connection, transaction, deliveries(id));
        await outbox.CommitAsync(transaction, cancellationToken);
        return id;
    }

    /// <summary>Marks a note thanked by its recipient within their current pair, with the sender's notice; null when it
    /// is not theirs, belongs to an earlier pairing, or was thanked already.</summary>
    public Task<Note?> ThankAsync(long appreciationId, ulong byUser, long pairId, Instant now, Func<Note, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default) =>
        outbox.ChangeAsync(connections, (connection, transaction) => connection.QuerySingleOrDefaultAsync<Note>("""
            UPDATE appreciations SET thanked_at = @now
            WHERE appreciation_id = @appreciationId AND to_user = @byUser AND thanked_at IS NULL AND pair_id = @pairId
            RETURNING appreciation_id AS AppreciationId, pair_id AS PairId, from_user AS FromUser, to_user AS ToUser, text AS Text, thanked_at AS ThankedAt
            """, new { appreciationId, byUser, pairId, now }, transaction), deliveries, cancellationToken);

    public async Task<int> CountSinceAsync(long pairId, Instant since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appreciations WHERE pair_id = @pairId AND created_at >= @since", new { pairId, since });
    }
}
