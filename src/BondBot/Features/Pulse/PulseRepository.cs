using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Pulse;

/// <summary>Monthly pulse ratings, saved one dimension at a time so nothing is lost between clicks.</summary>
public sealed class PulseRepository(SqliteConnectionFactory connections)
{
    public sealed record Ratings(long? Trust, long? Knowledge, long? Mutuality, long? Commitment, long? Caring, long? Interdependence)
    {
        public long?[] Values => [Trust, Knowledge, Mutuality, Commitment, Caring, Interdependence];
        public bool Complete => Values.All(v => v is not null);
    }

    private const string Columns = "trust AS Trust, knowledge AS Knowledge, mutuality AS Mutuality, commitment AS Commitment, caring AS Caring, interdependence AS Interdependence";

    public async Task SaveAsync(ulong userId, string month, long? pairId, int dimension, int rating, Instant now, CancellationToken cancellationToken = default)
    {
        // The column name comes from our fixed list, never from input; the values are parameters.
        var column = PulseDimension.All[dimension].Key;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"""
            INSERT INTO pulses (user_id, month, pair_id, {column}, updated_at) VALUES (@userId, @month, @pairId, @rating, @now)
            ON CONFLICT (user_id, month) DO UPDATE SET {column} = excluded.{column}, pair_id = excluded.pair_id, updated_at = excluded.updated_at
            """, new { userId, month, pairId, rating, now });
    }

    public async Task<Ratings?> GetAsync(ulong userId, string month, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Ratings>($"SELECT {Columns} FROM pulses WHERE user_id = @userId AND month = @month", new { userId, month });
    }
}
