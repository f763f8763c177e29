using NodaTime;

namespace BondBot.Features.Pairing;

/// <summary>The pairing rules: consent on both sides, one pair per person, invites that expire after 7 days.</summary>
public sealed class PairingService(PairingRepository pairs, IClock clock)
{
    public static readonly Duration InviteLifetime = Duration.FromDays(7);

    public Task<Pair?> GetActivePairAsync(ulong userId, CancellationToken cancellationToken = default) =>
        pairs.GetActivePairAsync(userId, cancellationToken);

    public async Task<InviteResult> InviteAsync(ulong inviterId, ulong inviteeId, bool inviteeIsBot, ulong? guildId, ulong? channelId,
        CancellationToken cancellationToken = default)
    {
        if (inviterId == inviteeId) return new InviteResult(InviteOutcome.Self);
        if (inviteeIsBot) return new InviteResult(InviteOutcome.Bot);
        if (await pairs.GetActivePairAsync(inviterId, cancellationToken) is not null) return new InviteResult(InviteOutcome.YouArePaired);
        if (await pairs.GetActivePairAsync(inviteeId, cancellationToken) is not null) return new InviteResult(InviteOutcome.TheyArePaired);

        var now = clock.GetCurrentInstant();
        var (invite, replaced) = await pairs.CreateInviteAsync(inviterId, inviteeId, guildId, channelId, now, now + InviteLifetime, cancellationToken);
        return new InviteResult(InviteOutcome.Sent, invite, replaced);
    }

    public Task<AcceptResult> AcceptAsync(long inviteId, ulong userId, CancellationToken cancellationToken = default) =>
        pairs.AcceptAsync(inviteId, userId, clock.GetCurrentInstant(), cancellationToken);

    public Task<DeclineResult> DeclineAsync(long inviteId, ulong userId, CancellationToken cancellationToken = default) =>
        pairs.DeclineAsync(inviteId, userId, clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Ends <paramref name="pairId"/> if <paramref name="userId"/> is in it and it is still active;
    /// returns the ended pair (to tell the partner), or null.</summary>
    public async Task<Pair?> UnpairAsync(ulong userId, long pairId, CancellationToken cancellationToken = default)
    {
        var pair = await pairs.GetActivePairAsync(userId, cancellationToken);
        if (pair is null || pair.PairId != pairId)
            return null;
        return await pairs.EndPairAsync(pair.PairId, clock.GetCurrentInstant(), cancellationToken) ? pair : null;
    }
}
