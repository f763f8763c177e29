using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Privacy;

/// <summary>
/// Removes everything of one person in one transaction. Their active pair ends; the partner keeps their own answers,
/// check-ins and history, in which this person's id is replaced by 0 (a tombstone) so shared rounds still read.
/// Notes this person received were written by the partner and stay theirs, without this person's id.
/// </summary>
public sealed class PrivacyEraser(SqliteConnectionFactory connections)
{
    public sealed record Result(ulong? FormerPartner, ulong? SpaceChannelId);

    public async Task<Result> EraseAsync(ulong userId, Instant now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var p = new { userId, now };
        var active = await connection.QuerySingleOrDefaultAsync<ActivePair>("""
            SELECT p.pair_id AS PairId, CASE WHEN p.user_a = @userId THEN p.user_b ELSE p.user_a END AS PartnerId, s.channel_id AS SpaceChannelId
            FROM pair_members m JOIN pairs p ON p.pair_id = m.pair_id LEFT JOIN spaces s ON s.pair_id = p.pair_id
            WHERE m.user_id = @userId AND m.active = 1 AND p.ended_at IS NULL
            """, p, transaction);
        if (active is not null)
        {
            await connection.ExecuteAsync("UPDATE pairs SET ended_at = @now WHERE pair_id = @PairId", new { now, active.PairId }, transaction);
            await connection.ExecuteAsync("UPDATE pair_members SET active = 0 WHERE pair_id = @PairId", new { active.PairId }, transaction);
            await connection.ExecuteAsync("DELETE FROM spaces WHERE pair_id = @PairId", new { active.PairId }, transaction);
        }
        foreach (var sql in EraseStatements)
            await connection.ExecuteAsync(sql, p, transaction);
        transaction.Commit();
        return new Result(active?.PartnerId, active?.SpaceChannelId);
    }

    private sealed class ActivePair
    {
        public long PairId { get; init; }
        public ulong PartnerId { get; init; }
        public ulong? SpaceChannelId { get; init; }
    }

    private static readonly string[] EraseStatements =
    [
        "DELETE FROM answers WHERE user_id = @userId",
        "DELETE FROM checkins WHERE user_id = @userId",
        "DELETE FROM pulses WHERE user_id = @userId",
        "DELETE FROM prompt_ledger WHERE user_id = @userId",
        "DELETE FROM appreciations WHERE from_user = @userId",
        "UPDATE appreciations SET to_user = 0 WHERE to_user = @userId",
        "DELETE FROM pair_invites WHERE inviter_id = @userId OR invitee_id = @userId",
        "DELETE FROM pair_members WHERE user_id = @userId",
        "UPDATE pairs SET user_a = 0 WHERE user_a = @userId",
        "UPDATE pairs SET user_b = 0 WHERE user_b = @userId",
        "UPDATE custom_questions SET created_by = 0 WHERE created_by = @userId",
        "DELETE FROM users WHERE user_id = @userId",
    ];
}
