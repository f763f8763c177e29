using BondBot.Features.Delivery;
using BondBot.Hosting;
using BondBot.Interactions;

namespace BondBot.Features.Pairing;

/// <summary>The Accept and Decline buttons of an invite. Only the invitee can answer; a double click or two
/// accepts racing leave exactly one pair, because the database decides.</summary>
public abstract class InviteResponseHandler : IComponentHandler
{
    public const string AcceptPrefix = "pair.accept";
    public const string DeclinePrefix = "pair.decline";

    public abstract string Prefix { get; }

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        customId.LongAt(0) is { } inviteId
            ? RespondAsync(context, inviteId, cancellationToken)
            : context.ReplyPrivatelyAsync("That invite button doesn't look right. Ask for a new invite with `/pair`.", cancellationToken);

    protected abstract Task RespondAsync(InteractionContext context, long inviteId, CancellationToken cancellationToken);

    public sealed class Accept(PairingService pairing, DirectMessenger dms, CommandCatalog catalog) : InviteResponseHandler
    {
        public override string Prefix => AcceptPrefix;

        protected override async Task RespondAsync(InteractionContext context, long inviteId, CancellationToken cancellationToken)
        {
            var result = await pairing.AcceptAsync(inviteId, context.UserId, cancellationToken);
            if (result.Outcome != AcceptOutcome.Paired)
            {
                await context.ReplyPrivatelyAsync(PairingMessages.AcceptRefusal(result.Outcome, result.Invite), cancellationToken);
                return;
            }
            var inviterId = result.Pair!.UserA;
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered($"✅ You accepted — you and {PairingMessages.Mention(inviterId)} are now paired."), cancellationToken);
            await dms.SendAsync(inviterId, PairingMessages.Welcome(context.UserId, catalog), cancellationToken);
            if (await dms.SendAsync(context.UserId, PairingMessages.Welcome(inviterId, catalog), cancellationToken) is null)
                await context.ReplyPrivatelyAsync(PairingMessages.Welcome(inviterId, catalog), cancellationToken);
        }
    }

    public sealed class Decline(PairingService pairing, DirectMessenger dms) : InviteResponseHandler
    {
        public override string Prefix => DeclinePrefix;

        protected override async Task RespondAsync(InteractionContext context, long inviteId, CancellationToken cancellationToken)
        {
            var result = await pairing.DeclineAsync(inviteId, context.UserId, cancellationToken);
            if (result.Outcome != DeclineOutcome.Declined)
            {
                await context.ReplyPrivatelyAsync(PairingMessages.DeclineRefusal(result.Outcome), cancellationToken);
                return;
            }
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered("You declined this invite. Nothing was linked."), cancellationToken);
            await dms.SendAsync(result.Invite!.InviterId, new() { Content = $"{PairingMessages.Mention(context.UserId)} declined your pairing invite for now. Nothing was linked." }, cancellationToken);
        }
    }
}
