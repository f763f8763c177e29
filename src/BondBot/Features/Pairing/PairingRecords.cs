using NodaTime;

namespace BondBot.Features.Pairing;

/// <summary>An active or ended pair of two people.</summary>
public sealed record Pair(long PairId, ulong UserA, ulong UserB, ulong? GuildId, Instant CreatedAt)
{
    public ulong PartnerOf(ulong userId) => userId == UserA ? UserB : userId == UserB ? UserA
        : throw new ArgumentException("That user is not in this pair.", nameof(userId));

    public bool Includes(ulong userId) => userId == UserA || userId == UserB;
}

public enum InviteStatus { Pending, Accepted, Declined, Expired, Replaced, Cancelled }

public sealed record Invite(long InviteId, ulong InviterId, ulong InviteeId, ulong? GuildId, ulong? ChannelId, string Status, Instant CreatedAt, Instant ExpiresAt)
{
    public InviteStatus State => Enum.Parse<InviteStatus>(Status, ignoreCase: true);
}

public enum InviteOutcome { Sent, Self, Bot, YouArePaired, Unavailable, TooSoon }

public sealed record InviteResult(InviteOutcome Outcome, Invite? Invite = null, bool ReplacedEarlierInvite = false);

public enum AcceptOutcome { Paired, NotYours, Expired, AlreadyAnswered, NotFound, YouArePaired, InviterIsPaired }

public sealed record AcceptResult(AcceptOutcome Outcome, Pair? Pair = null, Invite? Invite = null);

public enum DeclineOutcome { Declined, NotYours, Expired, AlreadyAnswered, NotFound }

public sealed record DeclineResult(DeclineOutcome Outcome, Invite? Invite = null);
