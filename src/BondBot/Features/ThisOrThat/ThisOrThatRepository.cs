using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.ThisOrThat;

/// <summary>Runs, their items and the picks. The reveal happens in the transaction that stores the last of the ten
/// picks, with its deliveries: two last picks arriving together reveal exactly once, and nothing is revealed before.</summary>
public sealed class ThisOrThatRepository(IDbConnections connections, OutboxWriter outbox)
{
    private const string RunColumns = "run_id AS RunId, pair_id AS PairId, status AS Status, started_at AS StartedAt";
    private const string ItemColumns = "position AS Position, deck_id AS DeckId, option_a AS OptionA, option_b AS OptionB, follow_up AS FollowUp";

    public async Task<Run?> GetAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Run>($"SELECT {RunColumns} FROM this_or_that_runs WHERE run_id = @runId", new { runId });
    }

    public async Task<Run?> GetOpenAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Run>(
            $"SELECT {RunColumns} FROM this_or_that_runs WHERE pair_id = @pairId AND status = 'open'", new { pairId });
    }

    public async Task<IReadOnlyList<RunItem>> GetItemsAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<RunItem>(
            $"SELECT {ItemColumns} FROM this_or_that_items WHERE run_id = @runId ORDER BY position", new { runId })).ToList();
    }

    /// <summary>The positions this person has picked in the run (their own picks only: never the partner's).</summary>
    public async Task<IReadOnlyList<long>> GetPickedPositionsAsync(long runId, ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(
            "SELECT position FROM this_or_that_picks WHERE run_id = @runId AND user_id = @userId ORDER BY position", new { runId, userId })).ToList();
    }

    /// <summary>Deck id → the latest run of this pair that served it.</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetLastSeenAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string DeckId, long RunId)>("""
            SELECT i.deck_id, MAX(r.run_id) FROM this_or_that_items i JOIN this_or_that_runs r ON r.run_id = i.run_id
            WHERE r.pair_id = @pairId GROUP BY i.deck_id
            """, new { pairId })).ToDictionary(r => r.DeckId, r => r.RunId, StringComparer.Ordinal);
    }

    /// <summary>Starts a run with its items and, in the same transaction, the partner's invitation. Null when the pair
    /// already has an open run (another start won the race).</summary>
    public async Task<Run?> StartAsync(long pairId, IReadOnlyList<OptionPair> items, Instant now, Func<Run, IEnumerable<OutboxItem>> deliveries,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var runId = await connection.ExecuteScalarAsync<long?>("""
            INSERT INTO this_or_that_runs (pair_id, status, started_at) VALUES (@pairId, 'open', @now)
            ON CONFLICT (pair_id) WHERE status = 'open' DO NOTHING
            RETURNING run_id
            """, new { pairId, now }, transaction);
        if (runId is not { } id)
            return null;
        for (var i = 0; i < items.Count; i++)
            await connection.ExecuteAsync("""
                INSERT INTO this_or_that_items (run_id, position, deck_id, option_a, option_b, follow_up)
                VALUES (@id, @position, @deckId, @A, @B, @FollowUp)
                """, new { id, position = i + 1, deckId = items[i].Id, items[i].A, items[i].B, items[i].FollowUp }, transaction);
        var run = new Run(id, pairId, "open", now);
        await outbox.WriteAsync(connection, transaction, deliveries(run));
        await outbox.CommitAsync(transaction, cancellationToken);
        return run;
    }

    /// <summary>Stores a pick while the run is open, and reveals when it completes both partners' five picks, writing
    /// <paramref name="onReveal"/>'s deliveries in the same transaction.</summary>
    public async Task<PickResult> PickAsync(long runId, long position, ulong userId, ulong partnerId, string choice, Instant now,
        Func<Run, IReadOnlyList<RunItem>, IReadOnlyList<Pick>, IEnumerable<OutboxItem>> onReveal, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var run = await connection.QuerySingleOrDefaultAsync<Run>($"SELECT {RunColumns} FROM this_or_that_runs WHERE run_id = @runId", new { runId }, transaction);
        if (run is not { IsOpen: true })
            return new PickResult(PickOutcome.RunClosed, run);
        var items = (await connection.QueryAsync<RunItem>(
            $"SELECT {ItemColumns} FROM this_or_that_items WHERE run_id = @runId ORDER BY position", new { runId }, transaction)).ToList();
        if (items.All(i => i.Position != position))
            return new PickResult(PickOutcome.NoSuchItem, run);
        var stored = await connection.ExecuteAsync("""
            INSERT INTO this_or_that_picks (run_id, position, user_id, choice, picked_at) VALUES (@runId, @position, @userId, @choice, @now)
            ON CONFLICT (run_id, position, user_id) DO NOTHING
            """, new { runId, position, userId, choice, now }, transaction);
        var picks = (await connection.QueryAsync<Pick>(
            "SELECT position AS Position, user_id AS UserId, choice AS Choice FROM this_or_that_picks WHERE run_id = @runId ORDER BY position",
            new { runId }, transaction)).ToList();
        var next = items.FirstOrDefault(i => !picks.Any(k => k.Position == i.Position && k.UserId == userId));
        if (stored == 0)
        {
            transaction.Commit();
            return new PickResult(PickOutcome.AlreadyPicked, run, next);
        }
        // The lock: both partners, every item. Anything less keeps every pick hidden.
        if (picks.Count(p => p.UserId == userId) < items.Count || picks.Count(p => p.UserId == partnerId) < items.Count)
        {
            transaction.Commit();
            return new PickResult(next is null ? PickOutcome.Finished : PickOutcome.Picked, run, next);
        }
        await connection.ExecuteAsync("UPDATE this_or_that_runs SET status = 'revealed', revealed_at = @now WHERE run_id = @runId", new { runId, now }, transaction);
        var revealed = run with { Status = "revealed" };
        await outbox.WriteAsync(connection, transaction, onReveal(revealed, items, picks));
        await outbox.CommitAsync(transaction, cancellationToken);
        return new PickResult(PickOutcome.Revealed, revealed);
    }
}
