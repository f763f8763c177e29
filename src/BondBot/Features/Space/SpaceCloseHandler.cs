using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Space;

/// <summary>The confirmation button of <c>/space close</c>: forgets the space, deletes the channel (through the
/// outbox, so it happens even if Discord is briefly down) and tells the partner.</summary>
public sealed class SpaceCloseHandler(PairingService pairing, SpaceRepository spaces) : IComponentHandler
{
    public const string Prefix_ = "space.close";

    public string Prefix => Prefix_;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var space = pair is not null && customId.LongAt(0) == pair.PairId ? await spaces.ForPairAsync(pair.PairId, cancellationToken) : null;
        if (pair is null || space is null)
        {
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered("There's no private space to delete any more."), cancellationToken);
            return;
        }
        await spaces.RemoveByChannelAsync(space.ChannelId, removed =>
        [
            OutboxItem.DeleteChannel(removed.ChannelId, pair.PairId),
            OutboxItem.ToPerson(OutboxKinds.SpaceNotice, pair.PartnerOf(context.UserId), SpaceMessages.Note(
                $"{PairingMessages.Mention(context.UserId)} closed your private space. Reveals and cards come by DM again; `/space open` makes a new one."),
                $"space-closed:{removed.ChannelId}"),
        ], cancellationToken);
        await context.Responder.UpdateMessageAsync(PairingMessages.Answered("Your private space was deleted. I'll send things by DM again."), cancellationToken);
    }
}
