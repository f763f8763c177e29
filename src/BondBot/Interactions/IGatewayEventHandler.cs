using BondBot.Discord.Gateway;

namespace BondBot.Interactions;

/// <summary>A feature's reaction to a gateway event other than interactions (e.g. CHANNEL_DELETE, MESSAGE_CREATE).</summary>
public interface IGatewayEventHandler
{
    bool Handles(string eventType);

    Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken);
}
