using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Pairing;

/// <summary>What keeps <c>/pair</c> from being used against someone: cooldowns per inviter and per invitee, the
/// invitee's "don't invite me again", and at most one invite a day posted in a channel for a person with closed DMs.</summary>
public sealed class InviteLimitsRepository(IDbConnections connections)
{
    public async Task<Instant?> LastInviteByAsync(ulong inviterId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Instant?>(
            "SELECT MAX(created_at) FROM pair_invites WHERE inviter_id = @inviterId HAVING MAX(created_at) IS NOT NULL", new { inviterId });
    }

    public async Task<int> InvitesToSinceAsync(ulong inviteeId, Instant since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM pair_invites WHERE invitee_id = @inviteeId AND created_at >= @since", new { inviteeId, since });
    }

    public async Task<bool> IsBlockedAsync(ulong inviteeId, ulong inviterId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM invite_blocks WHERE invitee_id = @inviteeId AND inviter_id = @inviterId)", new { inviteeId, inviterId });
    }

    public async Task BlockAsync(ulong inviteeId, ulong inviterId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO invite_blocks (invitee_id, inviter_id, created_at) VALUES (@inviteeId, @inviterId, @now) ON CONFLICT DO NOTHING;
            UPDATE pair_invites SET status = 'declined', answered_at = @now WHERE invitee_id = @inviteeId AND inviter_id = @inviterId AND status = 'pending';
            """, new { inviteeId, inviterId, now });
    }

    /// <summary>Claims today's one channel post for an invitee with closed DMs; false when one was posted in the last day.</summary>
    public async Task<bool> TryClaimChannelPostAsync(long inviteId, ulong inviteeId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var since = now - Duration.FromDays(1);
        return await connection.ExecuteAsync("""
            UPDATE pair_invites SET posted_in_channel_at = @now
            WHERE invite_id = @inviteId AND NOT EXISTS (
                SELECT 1 FROM pair_invites WHERE invitee_id = @inviteeId AND posted_in_channel_at >= @since)
            """, new { inviteId, inviteeId, now, since }) > 0;
    }
}
