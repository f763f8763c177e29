using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>Check-ins, one row per person and local day; repeating a check-in the same day updates the row. A check-in
/// belongs to the pair it was made in (<c>pair_id</c>) and, once its card went to the partner, to the pair it was
/// shared with (<c>shared_pair_id</c>): a partner only ever sees check-ins shared with their own pair.</summary>
public sealed class CheckInRepository(IDbConnections connections, OutboxWriter outbox)
{
    private const string Columns = "user_id AS UserId, local_date AS LocalDate, mood AS Mood, good_thing AS GoodThing, stress AS Stress, need AS Need";

    public async Task SaveMoodAsync(ulong userId, LocalDate date, long? pairId, int mood, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO checkins (user_id, local_date, pair_id, mood, created_at, updated_at) VALUES (@userId, @date, @pairId, @mood, @now, @now)
            ON CONFLICT (user_id, local_date) DO UPDATE SET mood = excluded.mood, pair_id = excluded.pair_id, updated_at = excluded.updated_at
            """, new { userId, date, pairId, mood, now });
    }

    /// <summary>One note as the form returned it: its text (null when blank), and whether a blank means "keep the
    /// saved note" (the form did not show it) rather than "erase it".</summary>
    public readonly record struct NoteEdit(string? Text, bool KeepWhenBlank)
    {
        public bool Keep => Text is null && KeepWhenBlank;
    }

    /// <summary>Stores the mood with the three optional answers (creating the day's check-in if the mood button's own
    /// write has not landed yet: the modal can be submitted very quickly) and, for a pair, writes the partner's card
    /// to the outbox in the same transaction. The card's key is per pair and day, so redoing the check-in edits that
    /// pair's card and never one sent to someone else.</summary>
    public async Task<CheckIn> SaveNotesAsync(ulong userId, LocalDate date, long? pairId, int mood, NoteEdit good, NoteEdit stress, NoteEdit need, Instant now,
        Func<CheckIn, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var saved = await connection.QuerySingleAsync<CheckIn>($"""
            INSERT INTO checkins (user_id, local_date, pair_id, shared_pair_id, mood, good_thing, stress, need, created_at, updated_at)
            VALUES (@userId, @date, @pairId, @pairId, @mood, @goodThing, @stressText, @needText, @now, @now)
            ON CONFLICT (user_id, local_date) DO UPDATE SET mood = excluded.mood,
                good_thing = CASE WHEN @keepGood = 1 THEN checkins.good_thing ELSE excluded.good_thing END,
                stress = CASE WHEN @keepStress = 1 THEN checkins.stress ELSE excluded.stress END,
                need = CASE WHEN @keepNeed = 1 THEN checkins.need ELSE excluded.need END,
                pair_id = excluded.pair_id, shared_pair_id = excluded.shared_pair_id, updated_at = excluded.updated_at
            RETURNING {Columns}
            """, new
            {
                userId, date, pairId, mood, now,
                goodThing = good.Text, stressText = stress.Text, needText = need.Text,
                keepGood = good.Keep, keepStress = stress.Keep, keepNeed = need.Keep,
            }, transaction);
        await outbox.WriteAsync(connection, transaction, deliveries(saved));
        await outbox.CommitAsync(transaction, cancellationToken);
        return saved;
    }

    /// <summary>Records the partner's "I'm here" on a check-in that was shared with their pair (once), with the reply
    /// to its author written in the same transaction. Null when the check-in wasn't shared with this pair or was
    /// already answered.</summary>
    public Task<CheckIn?> MarkPartnerHereAsync(ulong authorId, LocalDate date, long pairId, Instant now, Func<CheckIn, IEnumerable<OutboxItem>> deliveries,
        CancellationToken cancellationToken = default) =>
        outbox.ChangeAsync(connections, (connection, transaction) => connection.QuerySingleOrDefaultAsync<CheckIn>($"""
            UPDATE checkins SET partner_here_at = @now
            WHERE user_id = @authorId AND local_date = @date AND shared_pair_id = @pairId AND partner_here_at IS NULL
            RETURNING {Columns}
            """, new { authorId, date, pairId, now }, transaction), deliveries, cancellationToken);

    public async Task<CheckIn?> GetAsync(ulong userId, LocalDate date, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CheckIn>($"SELECT {Columns} FROM checkins WHERE user_id = @userId AND local_date = @date", new { userId, date });
    }

    /// <summary>Local days on which both partners checked in within this pair.</summary>
    public async Task<IReadOnlyList<LocalDate>> DaysBothCheckedInAsync(long pairId, ulong a, ulong b, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<LocalDate>("""
            SELECT x.local_date FROM checkins x JOIN checkins y ON y.local_date = x.local_date AND y.user_id = @b AND y.pair_id = @pairId
            WHERE x.user_id = @a AND x.pair_id = @pairId ORDER BY x.local_date
            """, new { pairId, a, b })).ToList();
    }

    private sealed record MoodRow(LocalDate LocalDate, long Mood);

    /// <summary>A person's moods in a date range within one pair; with <paramref name="sharedOnly"/>, only check-ins
    /// whose card went to that pair (what the partner has seen).</summary>
    public async Task<IReadOnlyDictionary<LocalDate, int>> MoodsAsync(ulong userId, long pairId, bool sharedOnly, LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MoodRow>($"""
            SELECT local_date AS LocalDate, mood AS Mood FROM checkins
            WHERE user_id = @userId AND {(sharedOnly ? "shared_pair_id" : "pair_id")} = @pairId AND local_date BETWEEN @from AND @to
            """, new { userId, pairId, from, to });
        return rows.ToDictionary(r => r.LocalDate, r => (int)r.Mood);
    }

    /// <summary>A person's latest moods, newest first (for the care message).</summary>
    public async Task<IReadOnlyList<long>> LatestMoodsAsync(ulong userId, int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>("SELECT mood FROM checkins WHERE user_id = @userId ORDER BY local_date DESC LIMIT @count", new { userId, count })).ToList();
    }
}
