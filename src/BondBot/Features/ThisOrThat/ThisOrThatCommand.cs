using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.ThisOrThat;

/// <summary><c>/this-or-that</c>: starts a run of five for the pair (the partner is invited with <b>Play</b>), or carries
/// on where the caller left off. The caller plays in the reply itself: private in a server, the reply in a DM.</summary>
public sealed class ThisOrThatCommand(PairingService pairing, ThisOrThatService game, Settings.UserSettingsRepository settings, IClock clock) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "this-or-that",
        Description = "Five quick picks for you and your partner, revealed side by side once you've both played",
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "This or that is played by two — pair up first with `/pair partner:@them`, then we'll play. 🎲", cancellationToken) is not { } pair)
            return;
        var partnerId = pair.PartnerOf(context.UserId);
        if ((await settings.GetAsync(partnerId, cancellationToken)).IsPaused(clock.GetCurrentInstant())
            && !await game.HasOpenRunAsync(pair.PairId, cancellationToken))
        {
            // Like a question, a new run would wait on someone who asked for a break; one already going may be finished.
            await context.ReplyPrivatelyAsync(
                $"{PairingMessages.Mention(partnerId)} is taking a short break, so let's start a new This or that once they're back. 🌙", cancellationToken);
            return;
        }
        var turn = await game.StartOrResumeAsync(pair, context.UserId, run =>
            [OutboxItem.ToPartner(OutboxKinds.ThisOrThatInvite, pair.PairId, partnerId, ThisOrThatCards.Invitation(run, context.UserId), $"this-or-that-invite:{run.RunId}")],
            cancellationToken);
        await PlayAsync(context, turn, partnerId, cancellationToken);
    }

    /// <summary>Shows the caller their next item (or where they stand) in a reply: private in a server, the reply
    /// itself in a DM (only the two of them are there).</summary>
    private static Task PlayAsync(InteractionContext context, ThisOrThatService.Turn turn, ulong partnerId, CancellationToken cancellationToken)
    {
        var payload = ThisOrThatCards.ForTurn(turn, partnerId);
        return context.Responder.ReplyAsync(context.InGuild ? payload with { Flags = MessageFlags.Ephemeral } : payload, cancellationToken);
    }
}
