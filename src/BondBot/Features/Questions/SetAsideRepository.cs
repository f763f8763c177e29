using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Questions;

/// <summary>
/// "Not yet": a round set aside without judgement keeps its answers (hidden, never revealed while it is away) and
/// comes back no sooner than <see cref="AwayFor"/>, at most <see cref="MaxReturns"/> times; a third "Not yet" retires it.
/// </summary>
public sealed class SetAsideRepository(IDbConnections connections, OutboxWriter outbox)
{
    public static readonly Duration AwayFor = Duration.FromDays(21);
    public const int MaxReturns = 2;

    public enum Outcome { SetAside, Retired, NotOpen }

    /// <summary>Sets an open round aside (or retires it after its last return), with <paramref name="notices"/> written
    /// in the same transaction.</summary>
    public async Task<Outcome> SetAsideAsync(long roundId, ulong by, Instant now, Func<bool, IEnumerable<OutboxItem>> notices, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var times = await connection.ExecuteScalarAsync<long?>("""
            UPDATE rounds SET status = CASE WHEN set_aside_times >= @maxReturns THEN 'retired' ELSE 'set-aside' END,
                set_aside_by = @by, set_aside_at = @now, set_aside_times = set_aside_times + 1, return_after = @returnAfter
            WHERE round_id = @roundId AND status = 'open'
            RETURNING set_aside_times
            """, new { roundId, by, now, returnAfter = now + AwayFor, maxReturns = MaxReturns }, transaction);
        if (times is null)
            return Outcome.NotOpen;
        var retired = times > MaxReturns;
        await outbox.WriteAsync(connection, transaction, notices(retired));
        await outbox.CommitAsync(transaction, cancellationToken);
        return retired ? Outcome.Retired : Outcome.SetAside;
    }

    /// <summary>Brings back the pair's longest-waiting round whose time away is over, as the open round (only when none
    /// is open), with the cards that announce it; null when none is due.</summary>
    public Task<Round?> ReturnDueAsync(long pairId, Instant now, Func<Round, IEnumerable<OutboxItem>>? deliveries, CancellationToken cancellationToken = default) =>
        outbox.ChangeAsync(connections, (connection, transaction) => connection.QuerySingleOrDefaultAsync<Round>($"""
            UPDATE rounds SET status = 'open', opened_at = @now, return_after = NULL, nudged_at = NULL, swapped_by = NULL
            WHERE round_id = (SELECT round_id FROM rounds WHERE pair_id = @pairId AND status = 'set-aside' AND return_after <= @now
                              ORDER BY return_after LIMIT 1)
              AND NOT EXISTS (SELECT 1 FROM rounds WHERE pair_id = @pairId AND status = 'open')
            RETURNING {RoundRepository.Columns}
            """, new { pairId, now }, transaction), round => deliveries?.Invoke(round) ?? [], cancellationToken);
}
