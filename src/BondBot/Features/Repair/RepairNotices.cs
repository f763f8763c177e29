using BondBot.Discord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>What the partner receives once the person presses Send: always kind, always named, never more than one per
/// draft (the key is the draft's id).</summary>
public static class RepairNotices
{
    public const string ThanksPrefix = "rp.thanks";

    /// <summary>The delivery of a sent draft. Start-ups and repair attempts go where appreciation notes go (the pair's
    /// space while there is one, else DMs); a pause notice goes by DM, where a "back at 19:30" belongs.</summary>
    public static OutboxItem For(RepairRepository.Draft draft, long pairId, ulong partnerId, DateTimeZone? partnerZone, Instant now)
    {
        if (draft.Kind == "pause")
        {
            var at = draft.ReturnAt ?? now;
            var local = partnerZone is null ? "" : $" ({RepairWords.LocalTimeText(at, now, partnerZone)} your time)";
            return new OutboxItem
            {
                Kind = OutboxKinds.RepairPause, Route = OutboxRoute.Dm, PairId = pairId, RecipientId = partnerId, Key = $"repair:{draft.DraftId}",
                Payload = new MessagePayload
                {
                    Content = $"🌿 <@{draft.FromUser}> needs a short pause and will be back around {RepairWords.Timestamp(at)}{local}. Nothing's wrong with taking a breath.",
                },
            };
        }
        var (title, footer) = draft.Kind == "startup"
            ? ("🌱 Something they'd like to talk about, gently", "Answer when you're ready — there's no rush.")
            : ("💞 A repair attempt", "A small reach back across. A thank-you is a lovely way to meet it.");
        return OutboxItem.ToPartner(OutboxKinds.Repair, pairId, partnerId, new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = title,
                    Description = DiscordLimits.Truncate($"From <@{draft.FromUser}>:\n\n{RepairCards.Quote(draft.Text)}", DiscordLimits.EmbedDescription),
                    Color = RepairCards.Colour,
                    Footer = new EmbedFooter(footer),
                },
            ],
            Components = [Component.Row(Component.Button(CustomId.Create(ThanksPrefix, draft.DraftId), "💛 Thank you", ButtonStyle.Success))],
        }, $"repair:{draft.DraftId}");
    }

    /// <summary>The sender's notice when their partner taps Thank you.</summary>
    public static OutboxItem Thanked(RepairRepository.Draft message, ulong byUser) =>
        OutboxItem.ToPartner(OutboxKinds.RepairThanks, message.PairId!.Value, message.FromUser,
            new MessagePayload { Content = $"<@{byUser}> says thank you for your message 💛" }, $"repair-thanks:{message.DraftId}");
}
