using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.LookingBack;

/// <summary>Which old question a pair's prompts bring back this week (<c>looking_back</c>). The pick and the week's
/// bookkeeping happen in one immediate transaction, so two prompts of the same pair at once agree on one question.</summary>
public sealed class OnThisDayRepository(IDbConnections connections)
{
    public static readonly Duration Week = Duration.FromDays(7);

    private sealed record Latest(long RoundId, Instant ShownAt, ulong FirstId, LocalDate FirstOn, LocalDate? SecondOn);

    /// <summary>The round to bring back in <paramref name="userId"/>'s prompt for <paramref name="today"/>, or null. Within a
    /// week of the last pick, the partner who didn't pick gets that same one once; after a week the first prompt picks the
    /// oldest revealed round of the pair (revealed before <paramref name="revealedBefore"/>) never brought back yet.
    /// The same person on the same date gets the same answer again, so a resent prompt stays the same prompt.</summary>
    public async Task<long?> ForPromptAsync(long pairId, ulong userId, LocalDate today, Instant now, Instant revealedBefore,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var latest = await connection.QuerySingleOrDefaultAsync<Latest>("""
            SELECT round_id AS RoundId, shown_at AS ShownAt, first_id AS FirstId, first_on AS FirstOn, second_on AS SecondOn
            FROM looking_back WHERE pair_id = @pairId ORDER BY shown_at DESC LIMIT 1
            """, new { pairId }, transaction);
        if (latest is not null && now < latest.ShownAt + Week)
        {
            if (latest.FirstId == userId)
                return latest.FirstOn == today ? latest.RoundId : null;
            if (latest.SecondOn is { } seen)
                return seen == today ? latest.RoundId : null;
            await connection.ExecuteAsync("UPDATE looking_back SET second_on = @today WHERE pair_id = @pairId AND round_id = @roundId",
                new { pairId, roundId = latest.RoundId, today }, transaction);
            await transaction.CommitAsync(cancellationToken);
            return latest.RoundId;
        }
        var picked = await connection.QuerySingleOrDefaultAsync<long?>("""
            SELECT r.round_id FROM rounds r
            WHERE r.pair_id = @pairId AND r.status = 'revealed' AND r.revealed_at IS NOT NULL AND r.revealed_at <= @revealedBefore
              AND NOT EXISTS (SELECT 1 FROM looking_back lb WHERE lb.pair_id = r.pair_id AND lb.round_id = r.round_id)
            ORDER BY r.revealed_at, r.round_id LIMIT 1
            """, new { pairId, revealedBefore }, transaction);
        if (picked is not { } roundId)
            return null;
        await connection.ExecuteAsync("""
            INSERT INTO looking_back (pair_id, round_id, shown_at, first_id, first_on) VALUES (@pairId, @roundId, @now, @userId, @today)
            """, new { pairId, roundId, now, userId, today }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return roundId;
    }

    public sealed record Old(string QuestionText, Instant RevealedAt, IReadOnlyList<(ulong UserId, string Text)> Answers);

    private sealed record Row(string QuestionText, Instant RevealedAt, ulong UserId, string Text);

    /// <summary>A revealed round of this pair with both answers (the shape <c>/memories</c> reads); null for anything else.</summary>
    public async Task<Old?> RevealedAsync(long pairId, long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>("""
            SELECT r.question_text AS QuestionText, r.revealed_at AS RevealedAt, a.user_id AS UserId, a.text AS Text
            FROM rounds r JOIN answers a ON a.round_id = r.round_id
            WHERE r.round_id = @roundId AND r.pair_id = @pairId AND r.status = 'revealed' AND r.revealed_at IS NOT NULL
            ORDER BY a.answered_at
            """, new { pairId, roundId })).ToList();
        return rows.Count < 2 ? null : new Old(rows[0].QuestionText, rows[0].RevealedAt, rows.Select(r => (r.UserId, r.Text)).ToList());
    }
}
