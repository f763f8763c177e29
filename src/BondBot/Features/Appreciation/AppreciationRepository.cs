using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Appreciation;

/// <summary>Gratitude notes between partners, kept for both.</summary>
public sealed class AppreciationRepository(SqliteConnectionFactory connections)
{
    public sealed record Note(long AppreciationId, long PairId, ulong FromUser, ulong ToUser, string Text, Instant? ThankedAt);

    public async Task<long> AddAsync(long pairId, ulong fromUser, ulong toUser, string text, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO appreciations (pair_id, from_user, to_user, text, created_at) VALUES (@pairId, @fromUser, @toUser, @text, @now)
            RETURNING appreciation_id
            """, new { pairId, fromUser, toUser, text, now });
    }

    /// <summary>Marks a note thanked by its recipient; null when it is not theirs, or was thanked already.</summary>
    public async Task<Note?> ThankAsync(long appreciationId, ulong byUser, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Note>("""
            UPDATE appreciations SET thanked_at = @now
            WHERE appreciation_id = @appreciationId AND to_user = @byUser AND thanked_at IS NULL
            RETURNING appreciation_id AS AppreciationId, pair_id AS PairId, from_user AS FromUser, to_user AS ToUser, text AS Text, thanked_at AS ThankedAt
            """, new { appreciationId, byUser, now });
    }

    public async Task<int> CountSinceAsync(long pairId, Instant since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appreciations WHERE pair_id = @pairId AND created_at >= @since", new { pairId, since });
    }
}
