using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>Check-ins, one row per person and local day; repeating a check-in the same day updates the row.</summary>
public sealed class CheckInRepository(SqliteConnectionFactory connections)
{
    private const string Columns = "user_id AS UserId, local_date AS LocalDate, mood AS Mood, good_thing AS GoodThing, stress AS Stress, need AS Need, shared_channel_id AS SharedChannelId, shared_message_id AS SharedMessageId";

    public async Task SaveMoodAsync(ulong userId, LocalDate date, long? pairId, int mood, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO checkins (user_id, local_date, pair_id, mood, created_at, updated_at) VALUES (@userId, @date, @pairId, @mood, @now, @now)
            ON CONFLICT (user_id, local_date) DO UPDATE SET mood = excluded.mood, pair_id = excluded.pair_id, updated_at = excluded.updated_at
            """, new { userId, date, pairId, mood, now });
    }

    /// <summary>Stores the mood with the three optional answers, creating the day's check-in if the mood button's own
    /// write has not landed yet (the modal can be submitted very quickly).</summary>
    public async Task SaveNotesAsync(ulong userId, LocalDate date, long? pairId, int mood, string? goodThing, string? stress, string? need, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO checkins (user_id, local_date, pair_id, mood, good_thing, stress, need, created_at, updated_at)
            VALUES (@userId, @date, @pairId, @mood, @goodThing, @stress, @need, @now, @now)
            ON CONFLICT (user_id, local_date) DO UPDATE SET mood = excluded.mood, good_thing = excluded.good_thing,
                stress = excluded.stress, need = excluded.need, updated_at = excluded.updated_at
            """, new { userId, date, pairId, mood, goodThing, stress, need, now });
    }

    public async Task<CheckIn?> GetAsync(ulong userId, LocalDate date, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CheckIn>($"SELECT {Columns} FROM checkins WHERE user_id = @userId AND local_date = @date", new { userId, date });
    }

    public async Task SetSharedAsync(ulong userId, LocalDate date, ulong channelId, ulong messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE checkins SET shared_channel_id = @channelId, shared_message_id = @messageId WHERE user_id = @userId AND local_date = @date",
            new { userId, date, channelId, messageId });
    }

    /// <summary>Local days on which both people checked in.</summary>
    public async Task<IReadOnlyList<LocalDate>> DaysBothCheckedInAsync(ulong a, ulong b, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<LocalDate>("""
            SELECT x.local_date FROM checkins x JOIN checkins y ON y.local_date = x.local_date AND y.user_id = @b
            WHERE x.user_id = @a ORDER BY x.local_date
            """, new { a, b })).ToList();
    }
}
