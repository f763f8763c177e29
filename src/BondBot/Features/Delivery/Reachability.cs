using BondBot.Discord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Delivery;

/// <summary>
/// A person who uses BondBot is here again: DMs that could not reach them are tried once more (the mark is cleared
/// and held deliveries released) and, after a slash command, they are told how to open their DMs when a DM had
/// failed. One instance per interaction, so the observation carries over to the epilogue.
/// </summary>
public sealed class Reachability(DmChannelRepository channels, OutboxRepository outbox, OutboxWriter wake, IClock clock)
    : IInteractionObserver, ICommandEpilogue
{
    public const string Text =
        "📭 I couldn't reach you by DM because your DMs are closed. To get check-ins, reveals and notes, open this server's menu → " +
        "**Privacy Settings** → turn on **Direct Messages**. Anything that was waiting for you is sent again now; `/checkin` works here meanwhile.";

    private bool _wasUnreachable;

    public async Task ObserveAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        _wasUnreachable = await channels.MarkReachableAsync(context.UserId, cancellationToken);
        if (await outbox.ReleaseHeldAsync(context.UserId, clock.GetCurrentInstant(), cancellationToken) > 0)
            wake.Wake();
    }

    public async Task AfterCommandAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (_wasUnreachable)
            await context.Responder.FollowUpAsync(new MessagePayload { Content = Text, Flags = MessageFlags.Ephemeral }, cancellationToken);
    }
}
