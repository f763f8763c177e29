using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Features.Delivery;
using BondBot.Features.Pairing;
using BondBot.Hosting;

namespace BondBot.Features.Space;

/// <summary>An admin deleted a pair's space (CHANNEL_DELETE): forget it, fall back to DMs, and tell both partners.</summary>
public sealed class SpaceDeletedHandler(SpaceRepository spaces, PairingRepository pairs, DirectMessenger dms) : IGatewayEventHandler
{
    public bool Handles(string eventType) => eventType == "CHANNEL_DELETE";

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (await spaces.RemoveByChannelAsync(dispatch.AsChannel().Id, cancellationToken) is not { } removed)
            return;
        if (await pairs.GetPairAsync(removed.PairId, cancellationToken) is not { } pair)
            return;
        var note = new MessagePayload { Content = "Your private space was deleted, so I'll send reveals and cards by DM again. `/space open` makes a new one." };
        foreach (var userId in new[] { pair.UserA, pair.UserB })
            await dms.SendAsync(userId, note, cancellationToken);
    }
}
