using BondBot.Features.Delivery;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Admin;

/// <summary>
/// The counts an operator reads, straight from the tables that hold them. The one place a feature reads other
/// features' tables: read-only aggregates (never a row, a name or an id), so an operator view needs no method on
/// every feature's repository. Nothing here tells anyone about a couple.
/// </summary>
public sealed class OperatorCounts(IDbConnections connections)
{
    public sealed record Outbox(long Waiting, long Held, Instant? OldestCreatedAt);

    /// <summary>Deliveries waiting to be sent (pending) and held for closed DMs, and when the oldest was written.</summary>
    public async Task<Outbox> OutboxAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Pending, long Held, long? Oldest)>("""
            SELECT COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN status = 'held' THEN 1 ELSE 0 END), 0), MIN(created_at)
            FROM outbox WHERE status IN ('pending', 'held')
            """);
        return new Outbox(row.Pending, row.Held, row.Oldest is { } ms ? Instant.FromUnixTimeMilliseconds(ms) : null);
    }

    /// <summary>People in an active pair of this server (paired here, or with their space here) whose DMs are closed
    /// to BondBot: a failed DM (Discord's 50007) marks them until they next use BondBot.</summary>
    public async Task<long> ClosedDmsAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(DISTINCT u.user_id)
            FROM users u
            JOIN pair_members m ON m.user_id = u.user_id AND m.active = 1
            JOIN pairs p ON p.pair_id = m.pair_id
            LEFT JOIN spaces s ON s.pair_id = p.pair_id
            WHERE u.dm_unreachable_since IS NOT NULL AND (p.guild_id = @guildId OR s.guild_id = @guildId)
            """, new { guildId });
    }

    public sealed record Prompts(long Sent, long Failed);

    /// <summary>Daily prompts whose outcome was recorded since <paramref name="since"/>, all servers together.</summary>
    public async Task<Prompts> PromptsSinceAsync(Instant since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Sent, long Failed)>("""
            SELECT COALESCE(SUM(CASE WHEN status = @sent THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN status = @failed THEN 1 ELSE 0 END), 0)
            FROM prompt_ledger WHERE kind = @kind AND updated_at >= @since
            """, new { since, sent = LedgerStatus.Sent, failed = LedgerStatus.Failed, kind = PromptLedger.CheckInKind });
        return new Prompts(row.Sent, row.Failed);
    }

    /// <summary>The earliest check-in due at or after <paramref name="now"/>, all servers together.</summary>
    public async Task<Instant?> NextPromptAsync(Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ms = await connection.ExecuteScalarAsync<long?>(
            "SELECT MIN(next_checkin_at) FROM users WHERE next_checkin_at IS NOT NULL AND next_checkin_at >= @now", new { now });
        return ms is { } value ? Instant.FromUnixTimeMilliseconds(value) : null;
    }

    /// <summary>The database's size, its write-ahead log's, and when pages last reached the main store.</summary>
    public async Task<StoreSize> DatabaseAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SqlDialect.Of(connection).SizeAsync(connection);
    }
}
