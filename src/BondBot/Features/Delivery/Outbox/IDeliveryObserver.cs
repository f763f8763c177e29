using BondBot.Discord;

namespace BondBot.Features.Delivery.Outbox;

/// <summary>Told when a delivery has been sent, with the message it became: a feature that must find its messages
/// again (a question card whose status changes) records them here. Called after the row is marked sent; a failure
/// here is logged and never undoes the delivery.</summary>
public interface IDeliveryObserver
{
    Task DeliveredAsync(string kind, string? key, Message message, CancellationToken cancellationToken);
}
