using BondBot.Interactions;
using BondBot.Discord.Gateway;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;

namespace BondBot.Features.Space;

/// <summary>An admin deleted a pair's space (CHANNEL_DELETE): forget it, fall back to DMs, and tell both partners.</summary>
public sealed class SpaceDeletedHandler(SpaceRepository spaces, PairingRepository pairs) : IGatewayEventHandler
{
    public bool Handles(string eventType) => eventType == GatewayEvents.ChannelDelete;

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        var channelId = dispatch.AsChannel().Id;
        if (await spaces.ForChannelPairAsync(channelId, cancellationToken) is not { } pairId || await pairs.GetPairAsync(pairId, cancellationToken) is not { } pair)
            return;
        await spaces.RemoveByChannelAsync(channelId, removed =>
            new[] { pair.UserA, pair.UserB }.Select(u => OutboxItem.ToPerson(OutboxKinds.SpaceNotice, u, SpaceMessages.Note(SpaceMessages.Deleted), $"space-detached:{removed.ChannelId}:{u}")),
            cancellationToken);
    }
}
