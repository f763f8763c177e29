using BondBot.Discord;
using BondBot.Discord.Rest;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Space;

/// <summary>The confirmation button of <c>/space close</c>: deletes the channel and forgets the space.</summary>
public sealed class SpaceCloseHandler(PairingService pairing, SpaceRepository spaces, DiscordRestClient rest) : IComponentHandler
{
    public const string Prefix_ = "space.close";

    public string Prefix => Prefix_;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        if (pair is null || customId.LongAt(0) != pair.PairId || await spaces.ForPairAsync(pair.PairId, cancellationToken) is not { } space)
        {
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered("There's no private space to delete any more."), cancellationToken);
            return;
        }
        await spaces.RemoveByChannelAsync(space.ChannelId, cancellationToken);
        try
        {
            await rest.DeleteChannelAsync(space.ChannelId, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
        {
            // Already gone: nothing more to do.
        }
        await context.Responder.UpdateMessageAsync(PairingMessages.Answered("Your private space was deleted. I'll send things by DM again."), cancellationToken);
    }
}
