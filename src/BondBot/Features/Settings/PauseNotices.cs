using BondBot.Discord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;

namespace BondBot.Features.Settings;

/// <summary>What the partner is told of a break and of its end: that it happens and until when, never why (a pause
/// can come from <c>/pause</c> or from the care message; the partner can't tell which).</summary>
public static class PauseNotices
{
    public static IEnumerable<OutboxItem> Paused(Pair? pair, ulong userId, UserSettings saved) => Notice(pair, userId,
        $"{PairingMessages.Mention(userId)} is taking a short break from check-ins until <t:{saved.PausedUntil!.Value.ToUnixTimeSeconds()}:D>.");

    public static IEnumerable<OutboxItem> Back(Pair? pair, ulong userId) => Notice(pair, userId,
        $"{PairingMessages.Mention(userId)} is back from their break — check-ins are on again.");

    private static IEnumerable<OutboxItem> Notice(Pair? pair, ulong userId, string text) => pair is null
        ? []
        : [OutboxItem.ToPerson(OutboxKinds.PauseNotice, pair.PartnerOf(userId), new MessagePayload { Content = text })];
}
