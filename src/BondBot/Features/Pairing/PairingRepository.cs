using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Pairing;

/// <summary>Pairs, their members and invites. One active pair per person is enforced by a unique index, so two
/// accepts that race cannot both succeed. What a person must be told about a change is written to the outbox in the
/// change's own transaction.</summary>
public sealed class PairingRepository(IDbConnections connections, OutboxWriter outbox, IEnumerable<IPairEndHook> endHooks)
{
    private const string PairColumns = "p.pair_id AS PairId, p.user_a AS UserA, p.user_b AS UserB, p.guild_id AS GuildId, p.created_at AS CreatedAt";
    private const string InviteColumns = "invite_id AS InviteId, inviter_id AS InviterId, invitee_id AS InviteeId, guild_id AS GuildId, channel_id AS ChannelId, status AS Status, created_at AS CreatedAt, expires_at AS ExpiresAt";

    public async Task<Pair?> GetActivePairAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await GetActivePairAsync(connection, null, userId);
    }

    public async Task<Pair?> GetPairAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Pair>($"SELECT {PairColumns} FROM pairs p WHERE p.pair_id = @pairId AND p.ended_at IS NULL", new { pairId });
    }

    public async Task<Invite?> GetInviteAsync(long inviteId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadInviteAsync(connection, null, inviteId);
    }

    /// <summary>Stores a pending invite, replacing the inviter's earlier pending one; returns it and whether one was
    /// replaced, or null when the inviter sent one less than <paramref name="cooldown"/> ago. The check and the insert
    /// share one (immediate) transaction, so invites fired at once cannot all slip through.</summary>
    public async Task<(Invite Invite, bool Replaced)?> CreateInviteAsync(ulong inviterId, ulong inviteeId, ulong? guildId, ulong? channelId,
        Instant now, Instant expiresAt, Duration cooldown, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var last = await connection.ExecuteScalarAsync<long?>("SELECT MAX(created_at) FROM pair_invites WHERE inviter_id = @inviterId", new { inviterId }, transaction);
        if (last is { } ms && now - Instant.FromUnixTimeMilliseconds(ms) < cooldown)
            return null;
        await EnsureUsersAsync(connection, transaction, now, inviterId, inviteeId);
        var replaced = await connection.ExecuteAsync(
            "UPDATE pair_invites SET status = 'replaced', answered_at = @now WHERE inviter_id = @inviterId AND status = 'pending'",
            new { inviterId, now }, transaction);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO pair_invites (inviter_id, invitee_id, guild_id, channel_id, status, created_at, expires_at)
            VALUES (@inviterId, @inviteeId, @guildId, @channelId, 'pending', @now, @expiresAt)
            RETURNING invite_id
            """, new { inviterId, inviteeId, guildId, channelId, now, expiresAt }, transaction);
        transaction.Commit();
        return (new Invite(id, inviterId, inviteeId, guildId, channelId, "pending", now, expiresAt), replaced > 0);
    }

    /// <summary>Accepts a pending invite and links the pair in one transaction; re-checks everything inside it.</summary>
    public async Task<AcceptResult> AcceptAsync(long inviteId, ulong userId, Instant now, Func<Pair, IEnumerable<OutboxItem>> deliveries,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var invite = await ReadInviteAsync(connection, transaction, inviteId);
        var refusal = Check(invite, userId, now);
        if (refusal is not null)
            return new AcceptResult(refusal.Value, Invite: invite);
        if (await GetActivePairAsync(connection, transaction, userId) is not null)
            return new AcceptResult(AcceptOutcome.YouArePaired, Invite: invite);
        if (await GetActivePairAsync(connection, transaction, invite!.InviterId) is not null)
            return new AcceptResult(AcceptOutcome.InviterIsPaired, Invite: invite);

        var pairId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO pairs (user_a, user_b, guild_id, created_at) VALUES (@InviterId, @InviteeId, @GuildId, @now) RETURNING pair_id",
            new { invite.InviterId, invite.InviteeId, invite.GuildId, now }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO pair_members (pair_id, user_id) VALUES (@pairId, @InviterId), (@pairId, @InviteeId)",
            new { pairId, invite.InviterId, invite.InviteeId }, transaction);
        await AnswerInviteAsync(connection, transaction, inviteId, "accepted", now);
        // Other invites to or from either person can no longer be accepted.
        await connection.ExecuteAsync("""
            UPDATE pair_invites SET status = 'cancelled', answered_at = @now
            WHERE status = 'pending' AND (inviter_id IN (@InviterId, @InviteeId) OR invitee_id IN (@InviterId, @InviteeId))
            """, new { now, invite.InviterId, invite.InviteeId }, transaction);
        var pair = new Pair(pairId, invite.InviterId, invite.InviteeId, invite.GuildId, now);
        await outbox.WriteAsync(connection, transaction, deliveries(pair));
        await outbox.CommitAsync(transaction, cancellationToken);
        return new AcceptResult(AcceptOutcome.Paired, pair, invite);
    }

    public async Task<DeclineResult> DeclineAsync(long inviteId, ulong userId, Instant now, Func<Invite, IEnumerable<OutboxItem>> deliveries,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var invite = await ReadInviteAsync(connection, transaction, inviteId);
        var refusal = Check(invite, userId, now);
        if (refusal is not null)
            return new DeclineResult(refusal.Value switch
            {
                AcceptOutcome.NotFound => DeclineOutcome.NotFound,
                AcceptOutcome.NotYours => DeclineOutcome.NotYours,
                AcceptOutcome.Expired => DeclineOutcome.Expired,
                _ => DeclineOutcome.AlreadyAnswered,
            }, invite);
        await AnswerInviteAsync(connection, transaction, inviteId, "declined", now);
        await outbox.WriteAsync(connection, transaction, deliveries(invite!));
        await outbox.CommitAsync(transaction, cancellationToken);
        return new DeclineResult(DeclineOutcome.Declined, invite);
    }

    /// <summary>Ends the pair for both, with what the partner is told; the history stays. False when it was not active.</summary>
    public async Task<bool> EndPairAsync(Pair pair, Instant now, IEnumerable<OutboxItem> deliveries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        if (!await EndPairAsync(connection, transaction, pair, now))
            return false;
        await outbox.WriteAsync(connection, transaction, deliveries);
        await outbox.CommitAsync(transaction, cancellationToken);
        return true;
    }

    /// <summary>Ends a pair inside a caller's transaction (erase uses it): members inactive, whatever was still waiting
    /// to reach the pair dropped (reveals excepted), and every <see cref="IPairEndHook"/> run (the space closes).</summary>
    public async Task<bool> EndPairAsync(DbConnection connection, DbTransaction transaction, Pair pair, Instant now)
    {
        var ended = await connection.ExecuteAsync("UPDATE pairs SET ended_at = @now WHERE pair_id = @PairId AND ended_at IS NULL", new { now, pair.PairId }, transaction);
        if (ended == 0)
            return false;
        await connection.ExecuteAsync("UPDATE pair_members SET active = 0 WHERE pair_id = @PairId", new { pair.PairId }, transaction);
        await OutboxRepository.CancelForPairAsync(connection, transaction, pair.PairId, now);
        foreach (var hook in endHooks)
            await hook.OnPairEndingAsync(connection, transaction, pair, now);
        return true;
    }

    /// <summary>Every pairing a person has been in, active or ended (for their export and erase).</summary>
    public static async Task<IReadOnlyList<long>> PairIdsOfAsync(DbConnection connection, DbTransaction? transaction, ulong userId) =>
        (await connection.QueryAsync<long>("SELECT pair_id FROM pair_members WHERE user_id = @userId", new { userId }, transaction)).ToList();

    /// <summary>Every pairing a person has been in, active or ended, oldest first (for the story in their export).</summary>
    public async Task<IReadOnlyList<Pair>> PairsOfAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Pair>($"""
            SELECT {PairColumns} FROM pairs p JOIN pair_members m ON m.pair_id = p.pair_id WHERE m.user_id = @userId ORDER BY p.created_at, p.pair_id
            """, new { userId })).ToList();
    }

    /// <summary>The active pair of a person inside a caller's transaction.</summary>
    public static Task<Pair?> ActivePairAsync(DbConnection connection, DbTransaction transaction, ulong userId) =>
        GetActivePairAsync(connection, transaction, userId);

    private static AcceptOutcome? Check(Invite? invite, ulong userId, Instant now) => invite switch
    {
        null => AcceptOutcome.NotFound,
        _ when invite.InviteeId != userId => AcceptOutcome.NotYours,
        _ when invite.State != InviteStatus.Pending => invite.State == InviteStatus.Expired ? AcceptOutcome.Expired : AcceptOutcome.AlreadyAnswered,
        _ when invite.ExpiresAt <= now => AcceptOutcome.Expired,
        _ => null,
    };

    private static Task<Invite?> ReadInviteAsync(DbConnection connection, DbTransaction? transaction, long inviteId) =>
        connection.QuerySingleOrDefaultAsync<Invite>($"SELECT {InviteColumns} FROM pair_invites WHERE invite_id = @inviteId", new { inviteId }, transaction);

    private static Task AnswerInviteAsync(DbConnection connection, DbTransaction transaction, long inviteId, string status, Instant now) =>
        connection.ExecuteAsync("UPDATE pair_invites SET status = @status, answered_at = @now WHERE invite_id = @inviteId", new { inviteId, status, now }, transaction);

    private static Task<Pair?> GetActivePairAsync(DbConnection connection, DbTransaction? transaction, ulong userId) =>
        connection.QuerySingleOrDefaultAsync<Pair>($"""
            SELECT {PairColumns} FROM pair_members m JOIN pairs p ON p.pair_id = m.pair_id
            WHERE m.user_id = @userId AND m.active = 1 AND p.ended_at IS NULL
            """, new { userId }, transaction);

    private static Task EnsureUsersAsync(DbConnection connection, DbTransaction transaction, Instant now, params ulong[] userIds) =>
        connection.ExecuteAsync("INSERT INTO users (user_id, created_at) VALUES (@id, @now) ON CONFLICT (user_id) DO NOTHING",
            userIds.Select(id => new { id, now }), transaction);
}
