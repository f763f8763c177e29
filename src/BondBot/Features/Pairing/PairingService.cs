using BondBot.Features.Delivery.Outbox;
using NodaTime;

namespace BondBot.Features.Pairing;

/// <summary>The pairing rules: consent on both sides, one pair per person, invites that expire after 7 days, and
/// limits that keep invites from being used to pester someone.</summary>
public sealed class PairingService(PairingRepository pairs, InviteLimitsRepository limits, IClock clock)
{
    public static readonly Duration InviteLifetime = Duration.FromDays(7);
    /// <summary>One invite per inviter in this time.</summary>
    public static readonly Duration InviterCooldown = Duration.FromSeconds(30);
    /// <summary>At most this many invites reach one person a day, from anyone.</summary>
    public const int InvitesPerInviteePerDay = 3;

    public Task<Pair?> GetActivePairAsync(ulong userId, CancellationToken cancellationToken = default) =>
        pairs.GetActivePairAsync(userId, cancellationToken);

    public async Task<InviteResult> InviteAsync(ulong inviterId, ulong inviteeId, bool inviteeIsBot, ulong? guildId, ulong? channelId,
        CancellationToken cancellationToken = default)
    {
        if (inviterId == inviteeId) return new InviteResult(InviteOutcome.Self);
        if (inviteeIsBot) return new InviteResult(InviteOutcome.Bot);
        if (await pairs.GetActivePairAsync(inviterId, cancellationToken) is not null) return new InviteResult(InviteOutcome.YouArePaired);
        var now = clock.GetCurrentInstant();
        if (await limits.LastInviteByAsync(inviterId, cancellationToken) is { } last && now - last < InviterCooldown)
            return new InviteResult(InviteOutcome.TooSoon);
        // Whether the invitee is paired, has refused this person, or has had enough invites today is theirs to know:
        // the inviter only learns that the invite could not be sent.
        if (await pairs.GetActivePairAsync(inviteeId, cancellationToken) is not null
            || await limits.IsBlockedAsync(inviteeId, inviterId, cancellationToken)
            || await limits.InvitesToSinceAsync(inviteeId, now - Duration.FromDays(1), cancellationToken) >= InvitesPerInviteePerDay)
            return new InviteResult(InviteOutcome.Unavailable);

        return await pairs.CreateInviteAsync(inviterId, inviteeId, guildId, channelId, now, now + InviteLifetime, InviterCooldown, cancellationToken) is var (invite, replaced)
            ? new InviteResult(InviteOutcome.Sent, invite, replaced)
            : new InviteResult(InviteOutcome.TooSoon);
    }

    public Task<AcceptResult> AcceptAsync(long inviteId, ulong userId, Func<Pair, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default) =>
        pairs.AcceptAsync(inviteId, userId, clock.GetCurrentInstant(), deliveries, cancellationToken);

    public Task<DeclineResult> DeclineAsync(long inviteId, ulong userId, Func<Invite, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default) =>
        pairs.DeclineAsync(inviteId, userId, clock.GetCurrentInstant(), deliveries, cancellationToken);

    /// <summary>"Don't invite me again": declines the invite and refuses further ones from that inviter.</summary>
    public async Task<Invite?> BlockAsync(long inviteId, ulong userId, CancellationToken cancellationToken = default)
    {
        if (await pairs.GetInviteAsync(inviteId, cancellationToken) is not { } invite || invite.InviteeId != userId)
            return null;
        await limits.BlockAsync(userId, invite.InviterId, clock.GetCurrentInstant(), cancellationToken);
        return invite;
    }

    public Task<bool> TryClaimChannelPostAsync(Invite invite, CancellationToken cancellationToken = default) =>
        limits.TryClaimChannelPostAsync(invite.InviteId, invite.InviteeId, clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Ends <paramref name="pairId"/> if <paramref name="userId"/> is in it and it is still active, with what
    /// the partner is told; returns the ended pair, or null.</summary>
    public async Task<Pair?> UnpairAsync(ulong userId, long pairId, Func<Pair, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default)
    {
        var pair = await pairs.GetActivePairAsync(userId, cancellationToken);
        if (pair is null || pair.PairId != pairId)
            return null;
        return await pairs.EndPairAsync(pair, clock.GetCurrentInstant(), deliveries(pair), cancellationToken) ? pair : null;
    }
}
