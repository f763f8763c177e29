using BondBot.Discord;
using NodaTime;

namespace BondBot.Features.Delivery.Outbox;

/// <summary>How a delivery reaches its recipient (stored as text in <c>outbox.route</c>).</summary>
public enum OutboxRoute { Dm, Pair, PairShared, DeleteChannel }

/// <summary>
/// One thing a person must see, decided by a feature and written to the outbox in the same transaction as the change
/// that causes it. Build them with the factories; the worker sends them.
/// </summary>
public sealed record OutboxItem
{
    public required string Kind { get; init; }
    public required OutboxRoute Route { get; init; }
    public ulong? RecipientId { get; init; }
    /// <summary>The pair the delivery belongs to: it goes to their space while they have one, and is dropped when
    /// the pair ends unless it is a reveal.</summary>
    public long? PairId { get; init; }
    public MessagePayload? Payload { get; init; }
    /// <summary>One row per key: enqueueing the same key again replaces the payload (and edits a sent message).</summary>
    public string? Key { get; init; }
    /// <summary>Rows with one share key are one post in the pair's space (or one DM each).</summary>
    public string? ShareKey { get; init; }
    /// <summary>Not sent before this instant (a note for the partner's morning); now when null.</summary>
    public Instant? NotBefore { get; init; }
    public ulong? ChannelId { get; init; }
    /// <summary>Files sent with the message (a picture); kept with the row until it is delivered.</summary>
    public IReadOnlyList<FileUpload>? Files { get; init; }

    /// <summary>A DM to one person (notices, things that belong to no pair).</summary>
    public static OutboxItem ToPerson(string kind, ulong recipientId, MessagePayload payload, string? key = null, Instant? notBefore = null) =>
        new() { Kind = kind, Route = OutboxRoute.Dm, RecipientId = recipientId, Payload = payload, Key = key, NotBefore = notBefore };

    /// <summary>To one partner: in the pair's space (mentioning them) while there is one, else by DM.</summary>
    public static OutboxItem ToPartner(string kind, long pairId, ulong recipientId, MessagePayload payload, string? key = null, Instant? notBefore = null) =>
        new() { Kind = kind, Route = OutboxRoute.Pair, PairId = pairId, RecipientId = recipientId, Payload = payload, Key = key, NotBefore = notBefore };

    /// <summary>To both partners: one post in their space, or one DM each. One row per recipient.</summary>
    public static IEnumerable<OutboxItem> ToBoth(string kind, long pairId, IEnumerable<ulong> recipients, MessagePayload payload, string shareKey) =>
        recipients.Select(r => new OutboxItem
        {
            Kind = kind, Route = OutboxRoute.PairShared, PairId = pairId, RecipientId = r, Payload = payload,
            Key = $"{shareKey}:{r}", ShareKey = shareKey,
        });

    /// <summary>Deletes a channel for good (a space that must not outlive its pair).</summary>
    public static OutboxItem DeleteChannel(ulong channelId, long? pairId) =>
        new() { Kind = OutboxKinds.DeleteSpace, Route = OutboxRoute.DeleteChannel, ChannelId = channelId, PairId = pairId, Key = $"delete-channel:{channelId}" };
}

/// <summary>The kinds of delivery, one definition each (they appear in exports and logs).</summary>
public static class OutboxKinds
{
    public const string Reveal = "reveal";
    public const string CheckInCard = "checkin-card";
    public const string Appreciation = "appreciation";
    public const string ThankYou = "thank-you";
    public const string PulseComplete = "pulse-complete";
    public const string Paired = "paired";
    public const string InviteDeclined = "invite-declined";
    public const string Unpaired = "unpaired";
    public const string Erased = "erased";
    public const string SpaceNotice = "space-notice";
    public const string SpaceRequest = "space-request";
    public const string DeleteSpace = "delete-space";
    public const string PauseNotice = "pause-notice";
    public const string Ritual = "ritual";
    public const string QuestionCard = "question-card";
    public const string CoupleSettings = "couple-settings";
    public const string NotYet = "not-yet";
    public const string ImHere = "im-here";
    public const string GuessCard = "guess-card";
    public const string GuessReveal = "guess-reveal";
    public const string GuessMark = "guess-mark";
    public const string Repair = "repair";
    public const string RepairPause = "repair-pause";
    public const string RepairThanks = "repair-thanks";
    public const string ThisOrThatInvite = "this-or-that-invite";
    public const string ThisOrThatReveal = "this-or-that-reveal";
    public const string ClockChange = "clock-change";
    // Notes are for the pairing they were written in: none of these survives its pair's end.
    public const string Note = "note";
    public const string NoteEnvelope = "note-envelope";
    public const string NoteOpened = "note-opened";
    public const string ThinkingOfYou = "thinking-of-you";
    public const string Visit = "visit";
    public const string VisitCleared = "visit-cleared";
    public const string WeekCard = "week-card";

    /// <summary>Kinds still delivered after their pair ended: both partners earned a reveal.</summary>
    public static readonly IReadOnlySet<string> SurvivePairEnd = new HashSet<string>(StringComparer.Ordinal) { Reveal, DeleteSpace };
}
