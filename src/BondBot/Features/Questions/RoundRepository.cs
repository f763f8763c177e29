using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Questions;

/// <summary>Rounds and their answers. The reveal happens inside the transaction that stores the second answer, so
/// two answers arriving together reveal exactly once, and the reveal's deliveries are written in that same
/// transaction: once revealed, both partners are sure to receive it.</summary>
public sealed class RoundRepository(IDbConnections connections, OutboxWriter outbox)
{
    public const string Columns = "round_id AS RoundId, pair_id AS PairId, question_key AS QuestionKey, question_text AS QuestionText, category AS Category, depth AS Depth, status AS Status, opened_at AS OpenedAt, channel_id AS ChannelId, message_id AS MessageId, asked_category AS AskedCategory, asked_depth AS AskedDepth, swapped_by AS SwappedBy, set_aside_times AS SetAsideTimes";

    public async Task<Round?> GetAsync(long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Round>($"SELECT {Columns} FROM rounds WHERE round_id = @roundId", new { roundId });
    }

    public async Task<Round?> GetOpenAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Round>($"SELECT {Columns} FROM rounds WHERE pair_id = @pairId AND status = 'open'", new { pairId });
    }

    public async Task<QuestionPicker.History> GetHistoryAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var asked = (await connection.QueryAsync<(string Key, long LastRound)>(
            "SELECT question_key, MAX(round_id) FROM rounds WHERE pair_id = @pairId GROUP BY question_key", new { pairId }))
            .ToDictionary(r => r.Key, r => r.LastRound, StringComparer.Ordinal);
        var revealed = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM rounds WHERE pair_id = @pairId AND status = 'revealed'", new { pairId });
        var recent = (await connection.QueryAsync<(string Category, long Depth)>(
            "SELECT category, depth FROM rounds WHERE pair_id = @pairId ORDER BY round_id DESC LIMIT 3", new { pairId })).ToList();
        return new QuestionPicker.History(asked, revealed, recent.Select(r => r.Category).ToList(), recent.Count > 0 ? (int)recent[0].Depth : null);
    }

    /// <summary>What a round was asked for, and who swapped it in (null for a first question).</summary>
    public sealed record Request(string? Category, int? Depth, ulong? SwappedBy = null);

    /// <summary>Opens a round. When <paramref name="replacing"/> is given, that round must still be open and
    /// unanswered; it is marked replaced in the same transaction. Returns null when that no longer holds. The cards
    /// that must reach the partners (<paramref name="deliveries"/>) are written to the outbox in the same transaction.</summary>
    public async Task<Round?> OpenAsync(long pairId, DeckQuestion question, Request request, Instant now, long? replacing,
        Func<Round, IEnumerable<OutboxItem>>? deliveries = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        if (replacing is { } old)
        {
            var replaced = await connection.ExecuteAsync("""
                UPDATE rounds SET status = 'replaced'
                WHERE round_id = @old AND pair_id = @pairId AND status = 'open'
                  AND NOT EXISTS (SELECT 1 FROM answers WHERE round_id = @old)
                """, new { old, pairId }, transaction);
            if (replaced == 0)
                return null;
        }
        else if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM rounds WHERE pair_id = @pairId AND status = 'open'", new { pairId }, transaction) > 0)
        {
            return null;
        }
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO rounds (pair_id, question_key, question_text, category, depth, status, opened_at, asked_category, asked_depth, swapped_by)
            VALUES (@pairId, @Key, @Text, @Category, @Depth, 'open', @now, @askedCategory, @askedDepth, @swappedBy) RETURNING round_id
            """, new
            {
                pairId, question.Key, question.Text, question.Category, question.Depth, now,
                askedCategory = request.Category, askedDepth = request.Depth, swappedBy = request.SwappedBy,
            }, transaction);
        var round = new Round(id, pairId, question.Key, question.Text, question.Category, question.Depth, "open", now, null, null,
            request.Category, request.Depth, request.SwappedBy);
        await outbox.WriteAsync(connection, transaction, deliveries?.Invoke(round) ?? []);
        await outbox.CommitAsync(transaction, cancellationToken);
        return round;
    }

    public async Task SetMessageAsync(long roundId, ulong channelId, ulong messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE rounds SET channel_id = @channelId, message_id = @messageId WHERE round_id = @roundId", new { roundId, channelId, messageId });
    }

    public async Task<IReadOnlyList<ulong>> GetAnsweredUsersAsync(long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ulong>("SELECT user_id FROM answers WHERE round_id = @roundId", new { roundId })).ToList();
    }

    /// <summary>The caller's own answer, for editing before the reveal.</summary>
    public async Task<string?> GetOwnAnswerAsync(long roundId, ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT text FROM answers WHERE round_id = @roundId AND user_id = @userId", new { roundId, userId });
    }

    public async Task<IReadOnlyList<Answer>> GetRevealedAnswersAsync(long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Answer>("""
            SELECT a.user_id AS UserId, a.text AS Text FROM answers a JOIN rounds r ON r.round_id = a.round_id
            WHERE a.round_id = @roundId AND r.status = 'revealed' ORDER BY a.answered_at
            """, new { roundId })).ToList();
    }

    // A class, not a positional record: MIN(...) has no column type when no row matches, and Dapper then cannot
    // pick a constructor.
    public sealed class HalfAnswered
    {
        public long RoundId { get; init; }
        public long PairId { get; init; }
        public ulong AnsweredBy { get; init; }
    }

    /// <summary>Open rounds not nudged yet (an ended pair's rounds are marked nudged when it ends), where exactly one partner answered before
    /// <paramref name="answeredBefore"/>. Rounds already nudged are not even looked at (a partial index).</summary>
    public async Task<IReadOnlyList<HalfAnswered>> GetHalfAnsweredAsync(Instant answeredBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<HalfAnswered>("""
            SELECT r.round_id AS RoundId, r.pair_id AS PairId, MIN(a.user_id) AS AnsweredBy
            FROM rounds r JOIN answers a ON a.round_id = r.round_id
            WHERE r.status = 'open' AND r.nudged_at IS NULL
            GROUP BY r.round_id HAVING COUNT(*) = 1 AND MAX(a.answered_at) <= @answeredBefore
            """, new { answeredBefore })).ToList();
    }

    /// <summary>One nudge per round: false when the round was nudged already.</summary>
    public async Task<bool> MarkNudgedAsync(long roundId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("UPDATE rounds SET nudged_at = @now WHERE round_id = @roundId AND nudged_at IS NULL", new { roundId, now }) > 0;
    }

    /// <summary>Stores or updates an answer while the round is open, and reveals when it is the second one, writing
    /// <paramref name="onReveal"/>'s deliveries in the same transaction.</summary>
    public async Task<SaveAnswerResult> SaveAnswerAsync(long roundId, ulong userId, string text, Instant now,
        Func<Round, IReadOnlyList<Answer>, IEnumerable<OutboxItem>> onReveal, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var round = await connection.QuerySingleOrDefaultAsync<Round>($"SELECT {Columns} FROM rounds WHERE round_id = @roundId", new { roundId }, transaction);
        if (round is not { IsOpen: true })
            return new SaveAnswerResult(SaveAnswerOutcome.RoundClosed, round);
        var existed = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM answers WHERE round_id = @roundId AND user_id = @userId", new { roundId, userId }, transaction) > 0;
        await connection.ExecuteAsync("""
            INSERT INTO answers (round_id, user_id, text, answered_at, updated_at) VALUES (@roundId, @userId, @text, @now, @now)
            ON CONFLICT (round_id, user_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
            """, new { roundId, userId, text, now }, transaction);
        var answers = (await connection.QueryAsync<Answer>(
            "SELECT user_id AS UserId, text AS Text FROM answers WHERE round_id = @roundId ORDER BY answered_at", new { roundId }, transaction)).ToList();
        if (answers.Count < 2)
        {
            transaction.Commit();
            return new SaveAnswerResult(existed ? SaveAnswerOutcome.Updated : SaveAnswerOutcome.Saved, round);
        }
        await connection.ExecuteAsync("UPDATE rounds SET status = 'revealed', revealed_at = @now WHERE round_id = @roundId", new { roundId, now }, transaction);
        var revealed = round with { Status = "revealed" };
        await outbox.WriteAsync(connection, transaction, onReveal(revealed, answers));
        await outbox.CommitAsync(transaction, cancellationToken);
        return new SaveAnswerResult(SaveAnswerOutcome.Revealed, revealed, answers);
    }
}
