using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Guess;

/// <summary>Guessing rounds. As with question rounds, the reveal is decided inside the transaction that stores the
/// second half, and its deliveries are written in that same transaction: an answer and a guess arriving together
/// reveal exactly once, and once revealed both partners are sure to receive it.</summary>
public sealed class GuessRepository(IDbConnections connections, OutboxWriter outbox)
{
    private const string Columns = "guess_id AS GuessId, pair_id AS PairId, prompt_id AS PromptId, ask_text AS AskText, guess_text AS GuessText, answerer_id AS AnswererId, guesser_id AS GuesserId, status AS Status, answer AS Answer, guess AS Guess, mark AS Mark";

    public async Task<GuessRound?> GetAsync(long guessId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<GuessRound>($"SELECT {Columns} FROM guess_rounds WHERE guess_id = @guessId", new { guessId });
    }

    public async Task<GuessRound?> GetOpenAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<GuessRound>($"SELECT {Columns} FROM guess_rounds WHERE pair_id = @pairId AND status = 'open'", new { pairId });
    }

    /// <summary>Each prompt the pair has had, with its latest round id (for the no-repeat rule).</summary>
    public async Task<IReadOnlyDictionary<string, long>> LastPlayedAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string PromptId, long Last)>(
                "SELECT prompt_id, MAX(guess_id) FROM guess_rounds WHERE pair_id = @pairId GROUP BY prompt_id", new { pairId }))
            .ToDictionary(r => r.PromptId, r => r.Last, StringComparer.Ordinal);
    }

    /// <summary>Rounds the pair has played together (revealed); the only tally this game keeps.</summary>
    public async Task<int> CountPlayedAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM guess_rounds WHERE pair_id = @pairId AND status = 'revealed'", new { pairId });
    }

    /// <summary>Opens a round with the guesser's card written to the outbox in the same transaction; null when the pair
    /// already has an open round (another request was first).</summary>
    public async Task<GuessRound?> OpenAsync(long pairId, GuessPrompt prompt, ulong answererId, ulong guesserId, Instant now,
        Func<GuessRound, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM guess_rounds WHERE pair_id = @pairId AND status = 'open'", new { pairId }, transaction) > 0)
            return null;
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO guess_rounds (pair_id, prompt_id, ask_text, guess_text, answerer_id, guesser_id, status, opened_at)
            VALUES (@pairId, @Id, @Ask, @Guess, @answererId, @guesserId, 'open', @now) RETURNING guess_id
            """, new { pairId, prompt.Id, prompt.Ask, prompt.Guess, answererId, guesserId, now }, transaction);
        var round = new GuessRound(id, pairId, prompt.Id, prompt.Ask, prompt.Guess, answererId, guesserId, "open", null, null, null);
        await outbox.WriteAsync(connection, transaction, deliveries(round));
        await outbox.CommitAsync(transaction, cancellationToken);
        return round;
    }

    /// <summary>Stores (or replaces) the answer or the guess while the round is open; when both are in, reveals it and
    /// writes <paramref name="onReveal"/>'s deliveries (given the pair's new tally) in the same transaction.</summary>
    public async Task<GuessSaveResult> SaveAsync(long guessId, ulong userId, GuessSide side, string text, Instant now,
        Func<GuessRound, int, IEnumerable<OutboxItem>> onReveal, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var round = await connection.QuerySingleOrDefaultAsync<GuessRound>($"SELECT {Columns} FROM guess_rounds WHERE guess_id = @guessId", new { guessId }, transaction);
        if (round is not { IsOpen: true })
            return new GuessSaveResult(GuessSaveOutcome.Closed, round);
        if ((side == GuessSide.Answer ? round.AnswererId : round.GuesserId) != userId)
            return new GuessSaveResult(GuessSaveOutcome.NotYours, round);
        var existed = side == GuessSide.Answer ? round.Answered : round.Guessed;
        await connection.ExecuteAsync(side == GuessSide.Answer
            ? "UPDATE guess_rounds SET answer = @text, answered_at = @now WHERE guess_id = @guessId"
            : "UPDATE guess_rounds SET guess = @text, guessed_at = @now WHERE guess_id = @guessId", new { guessId, text, now }, transaction);
        var saved = side == GuessSide.Answer ? round with { Answer = text } : round with { Guess = text };
        if (!(saved.Answered && saved.Guessed))
        {
            transaction.Commit();
            return new GuessSaveResult(existed ? GuessSaveOutcome.Updated : GuessSaveOutcome.Saved, saved);
        }
        await connection.ExecuteAsync("UPDATE guess_rounds SET status = 'revealed', revealed_at = @now WHERE guess_id = @guessId", new { guessId, now }, transaction);
        var played = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM guess_rounds WHERE pair_id = @PairId AND status = 'revealed'", new { round.PairId }, transaction);
        var revealed = saved with { Status = "revealed" };
        await outbox.WriteAsync(connection, transaction, onReveal(revealed, played));
        await outbox.CommitAsync(transaction, cancellationToken);
        return new GuessSaveResult(GuessSaveOutcome.Revealed, revealed, played);
    }

    /// <summary>The answerer's mark on a revealed round (changeable), with the guesser's notice in the same transaction;
    /// null when the round is not revealed or not theirs to mark.</summary>
    public async Task<GuessRound?> MarkAsync(long guessId, ulong answererId, GuessMark mark, Instant now,
        Func<GuessRound, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var round = await connection.QuerySingleOrDefaultAsync<GuessRound>($"""
            UPDATE guess_rounds SET mark = @key, marked_at = @now
            WHERE guess_id = @guessId AND answerer_id = @answererId AND status = 'revealed'
            RETURNING {Columns}
            """, new { guessId, answererId, key = GuessMarks.Key(mark), now }, transaction);
        if (round is null)
            return null;
        await outbox.WriteAsync(connection, transaction, deliveries(round));
        await outbox.CommitAsync(transaction, cancellationToken);
        return round;
    }
}
