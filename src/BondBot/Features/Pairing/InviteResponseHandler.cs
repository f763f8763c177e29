using BondBot.Features.Delivery.Outbox;
using BondBot.Interactions;

namespace BondBot.Features.Pairing;

/// <summary>The Accept, Decline and "Don't invite me again" buttons of an invite. Only the invitee can answer; a
/// double click or two accepts racing leave exactly one pair, because the database decides.</summary>
public abstract class InviteResponseHandler : IComponentHandler
{
    public const string AcceptPrefix = "pair.accept";
    public const string DeclinePrefix = "pair.decline";
    public const string BlockPrefix = "pair.block";

    public abstract string Prefix { get; }

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        customId.LongAt(0) is { } inviteId
            ? RespondAsync(context, inviteId, cancellationToken)
            : context.ReplyPrivatelyAsync("That invite button doesn't look right. Ask for a new invite with `/pair`.", cancellationToken);

    protected abstract Task RespondAsync(InteractionContext context, long inviteId, CancellationToken cancellationToken);

    public sealed class Accept(PairingService pairing, CommandCatalog catalog) : InviteResponseHandler
    {
        public override string Prefix => AcceptPrefix;

        protected override async Task RespondAsync(InteractionContext context, long inviteId, CancellationToken cancellationToken)
        {
            // Both welcomes are written with the pairing itself, so each arrives even if a DM fails right now.
            var result = await pairing.AcceptAsync(inviteId, context.UserId, pair =>
                [
                    OutboxItem.ToPerson(OutboxKinds.Paired, pair.UserA, PairingMessages.Welcome(pair.UserB, catalog), $"paired:{pair.PairId}:{pair.UserA}"),
                    OutboxItem.ToPerson(OutboxKinds.Paired, pair.UserB, PairingMessages.Welcome(pair.UserA, catalog), $"paired:{pair.PairId}:{pair.UserB}"),
                ],
                cancellationToken);
            if (result.Outcome != AcceptOutcome.Paired)
            {
                await context.ReplyPrivatelyAsync(PairingMessages.AcceptRefusal(result.Outcome), cancellationToken);
                return;
            }
            var inviterId = result.Pair!.UserA;
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered($"✅ You accepted — you and {PairingMessages.Mention(inviterId)} are now paired."), cancellationToken);
            // An invite answered in a channel means the invitee's DMs were closed: they see the first steps here too.
            if (context.InGuild)
                await context.ReplyPrivatelyAsync(PairingMessages.Welcome(inviterId, catalog), cancellationToken);
        }
    }

    public sealed class Decline(PairingService pairing) : InviteResponseHandler
    {
        public override string Prefix => DeclinePrefix;

        protected override async Task RespondAsync(InteractionContext context, long inviteId, CancellationToken cancellationToken)
        {
            var result = await pairing.DeclineAsync(inviteId, context.UserId,
                invite => [OutboxItem.ToPerson(OutboxKinds.InviteDeclined, invite.InviterId,
                    new() { Content = $"{PairingMessages.Mention(context.UserId)} declined your pairing invite for now. Nothing was linked." })],
                cancellationToken);
            if (result.Outcome != DeclineOutcome.Declined)
            {
                await context.ReplyPrivatelyAsync(PairingMessages.DeclineRefusal(result.Outcome), cancellationToken);
                return;
            }
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered("You declined this invite. Nothing was linked."), cancellationToken);
        }
    }

    /// <summary>"Don't invite me again": silent for the inviter, who only ever hears that an invite couldn't be sent.</summary>
    public sealed class Block(PairingService pairing) : InviteResponseHandler
    {
        public override string Prefix => BlockPrefix;

        protected override async Task RespondAsync(InteractionContext context, long inviteId, CancellationToken cancellationToken)
        {
            if (await pairing.BlockAsync(inviteId, context.UserId, cancellationToken) is null)
            {
                await context.ReplyPrivatelyAsync("This invite is for someone else, so only they can answer it.", cancellationToken);
                return;
            }
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered(
                "Done — you won't get invites from this person again. Nothing was linked, and they aren't told."), cancellationToken);
        }
    }
}
