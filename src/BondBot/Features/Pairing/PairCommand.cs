using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery;
using BondBot.Interactions;

namespace BondBot.Features.Pairing;

/// <summary><c>/pair partner:@user</c>: invites someone; nothing is linked until they accept. The invite goes by
/// DM; when the invitee's DMs are closed it is posted in the channel instead, at most once a day per invitee.</summary>
public sealed class PairCommand(PairingService pairing, DirectMessenger dms) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "pair",
        Description = "Invite your partner to pair up with you",
        Options = [new CommandOption { Type = CommandOptionType.User, Name = "partner", Description = "The person you want to pair with", Required = true }],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (context.Data.GetUserId("partner") is not { } inviteeId)
        {
            await context.ReplyPrivatelyAsync("Please choose your partner in the `partner` option.", cancellationToken);
            return;
        }
        var isBot = context.Data.GetResolvedUser(inviteeId)?.Bot == true;
        var result = await pairing.InviteAsync(context.UserId, inviteeId, isBot, context.GuildId, context.ChannelId, cancellationToken);
        if (result.Outcome != InviteOutcome.Sent)
        {
            var partner = result.Outcome == InviteOutcome.YouArePaired ? (await pairing.GetActivePairAsync(context.UserId, cancellationToken))?.PartnerOf(context.UserId) : null;
            await context.ReplyPrivatelyAsync(PairingMessages.InviteRefusal(result.Outcome, partner), cancellationToken);
            return;
        }

        var invite = result.Invite!;
        // Acknowledge before reaching the invitee: a DM can wait on Discord's rate limits, the interaction cannot.
        await context.Responder.DeferAsync(ephemeral: true, cancellationToken);
        var replaced = result.ReplacedEarlierInvite ? " Your earlier invite was replaced by this one." : "";
        if (await dms.SendAsync(inviteeId, PairingMessages.Invite(invite, context.User.DisplayName, postedInChannel: false), cancellationToken) is not null)
        {
            await context.ReplyPrivatelyAsync($"💌 Invite sent to {PairingMessages.Mention(inviteeId)} by DM. It's valid for 7 days.{replaced}", cancellationToken);
            return;
        }
        if (!context.InGuild)
        {
            await context.ReplyPrivatelyAsync($"I couldn't DM {PairingMessages.Mention(inviteeId)}. Use `/pair` in a server you share and I'll post the invite there.", cancellationToken);
            return;
        }
        if (!await pairing.TryClaimChannelPostAsync(invite, cancellationToken))
        {
            await context.ReplyPrivatelyAsync(PairingMessages.CouldNotSend, cancellationToken);
            return;
        }
        await context.ReplyPrivatelyAsync($"{PairingMessages.Mention(inviteeId)} has DMs closed, so I've posted the invite here in the channel. Only they can answer it.{replaced}", cancellationToken);
        await context.Responder.FollowUpAsync(PairingMessages.Invite(invite, context.User.DisplayName, postedInChannel: true), cancellationToken);
    }
}
