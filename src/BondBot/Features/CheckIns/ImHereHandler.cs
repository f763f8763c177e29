using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary><b>💛 I'm here</b> on a partner's check-in card: tells the person who checked in (through the outbox, once)
/// and marks the card answered.</summary>
public sealed class ImHereHandler(CheckInRepository checkIns, PairingRepository pairs, IClock clock) : IComponentHandler
{
    public string Prefix => CheckInPartnerCard.HerePrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (customId.At(0) is not { } raw || !ulong.TryParse(raw, out var authorId) || CheckInCards.ParseDate(customId.At(1)) is not { } date)
        {
            await context.ReplyPrivatelyAsync("That button doesn't look right.", cancellationToken);
            return;
        }
        if (authorId == context.UserId)
        {
            await context.ReplyPrivatelyAsync("That one is for your partner to press. 💛", cancellationToken);
            return;
        }
        var pair = await pairs.GetActivePairAsync(context.UserId, cancellationToken);
        if (pair is null || pair.PartnerOf(context.UserId) != authorId)
        {
            await context.ReplyPrivatelyAsync("This check-in is from an earlier pairing, so there's no one to send it to now.", cancellationToken);
            return;
        }
        var answered = await checkIns.MarkPartnerHereAsync(authorId, date, pair.PairId, clock.GetCurrentInstant(), checkIn =>
            [OutboxItem.ToPartner(OutboxKinds.ImHere, pair.PairId, authorId, CheckInPartnerCard.Here(context.UserId), $"im-here:{pair.PairId}:{authorId}:{CheckInCards.DateKey(date)}")],
            cancellationToken);
        if (answered is null)
        {
            await context.ReplyPrivatelyAsync($"You've already let {PairingMessages.Mention(authorId)} know you're here. 💛", cancellationToken);
            return;
        }
        await context.Responder.UpdateMessageAsync(CheckInPartnerCard.For(answered, answered: true), cancellationToken);
    }
}
