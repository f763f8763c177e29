using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Pulse;

/// <summary>Monthly pulse ratings, saved one dimension at a time so nothing is lost between clicks. A month's row
/// belongs to one pair: ratings given with someone else are started afresh, and a partner only ever sees ratings
/// given within their own pair.</summary>
public sealed class PulseRepository(IDbConnections connections, OutboxWriter outbox)
{
    public sealed record Ratings(long? Trust, long? Knowledge, long? Mutuality, long? Commitment, long? Caring, long? Interdependence)
    {
        public long?[] Values => [Trust, Knowledge, Mutuality, Commitment, Caring, Interdependence];
        public bool Complete => Values.All(v => v is not null);
    }

    private const string Columns = "trust AS Trust, knowledge AS Knowledge, mutuality AS Mutuality, commitment AS Commitment, caring AS Caring, interdependence AS Interdependence";

    /// <summary>Saves one rating; when it completes the month for both partners, <paramref name="onPairComplete"/>'s
    /// deliveries are written in the same transaction. Returns both partners' ratings when this save completed the pair.</summary>
    public async Task<(Ratings Mine, Ratings Theirs)?> SaveAsync(ulong userId, ulong? partnerId, string month, long? pairId, int dimension, int rating, Instant now,
        Func<Ratings, Ratings, Task<IEnumerable<OutboxItem>>> onPairComplete, CancellationToken cancellationToken = default)
    {
        // The column name comes from our fixed list, never from input; the values are parameters.
        var column = PulseDimension.All[dimension].Key;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        // Ratings given while paired with someone else (or unpaired) are not carried into this pair's month.
        await connection.ExecuteAsync("""
            DELETE FROM pulses WHERE user_id = @userId AND month = @month AND pair_id IS DISTINCT FROM @pairId
            """, new { userId, month, pairId }, transaction);
        var before = await connection.QuerySingleOrDefaultAsync<Ratings>($"SELECT {Columns} FROM pulses WHERE user_id = @userId AND month = @month", new { userId, month }, transaction);
        await connection.ExecuteAsync($"""
            INSERT INTO pulses (user_id, month, pair_id, {column}, updated_at) VALUES (@userId, @month, @pairId, @rating, @now)
            ON CONFLICT (user_id, month) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at
            """, new { userId, month, pairId, rating, now }, transaction);
        if (pairId is not null && partnerId is { } partner)
        {
            var mine = await connection.QuerySingleAsync<Ratings>($"SELECT {Columns} FROM pulses WHERE user_id = @userId AND month = @month", new { userId, month }, transaction);
            var theirs = await connection.QuerySingleOrDefaultAsync<Ratings>(
                $"SELECT {Columns} FROM pulses WHERE user_id = @partner AND month = @month AND pair_id = @pairId", new { partner, month, pairId }, transaction);
            if (before is not { Complete: true } && mine.Complete && theirs is { Complete: true })
            {
                await outbox.WriteAsync(connection, transaction, await onPairComplete(mine, theirs));
                await outbox.CommitAsync(transaction, cancellationToken);
                return (mine, theirs);
            }
        }
        await outbox.CommitAsync(transaction, cancellationToken);
        return null;
    }

    /// <summary>A person's ratings for a month; with <paramref name="pairId"/>, only if given within that pair.</summary>
    public async Task<Ratings?> GetAsync(ulong userId, string month, long? pairId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Ratings>(
            $"SELECT {Columns} FROM pulses WHERE user_id = @userId AND month = @month AND (@pairId IS NULL OR pair_id = @pairId)", new { userId, month, pairId });
    }

    /// <summary>The months a person rated within a pair, newest first.</summary>
    public async Task<IReadOnlyList<string>> MonthsAsync(ulong userId, long pairId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(
            "SELECT month FROM pulses WHERE user_id = @userId AND pair_id = @pairId ORDER BY month DESC LIMIT @limit", new { userId, pairId, limit })).ToList();
    }
}
