using BondBot.Interactions;

namespace BondBot.Features.ThisOrThat;

/// <summary>Shared checks for This or that's buttons: the run must exist, still be open, and belong to the presser's
/// current pair. The ids in the custom_id are untrusted: everything is checked against the database, and a stale
/// press gets a kind private reply, never an error.</summary>
public abstract class RunButtonHandler(ThisOrThatService game) : IComponentHandler
{
    public abstract string Prefix { get; }

    protected ThisOrThatService Game { get; } = game;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var run = customId.LongAt(0) is { } id ? await Game.GetRunAsync(id, cancellationToken) : null;
        if (run is null)
        {
            await context.ReplyPrivatelyAsync("I can't find this game any more. Use `/this-or-that` to start a new one. 🎲", cancellationToken);
            return;
        }
        if (await Game.MemberPairAsync(run, context.UserId, cancellationToken) is not { } pair)
        {
            await context.ReplyPrivatelyAsync("This game belongs to another pair, or to a pairing that has ended, so nothing was saved. " +
                "Want to play with your own partner? Use `/this-or-that` (or pair up first with `/pair partner:@them`).", cancellationToken);
            return;
        }
        if (!run.IsOpen)
        {
            await context.ReplyPrivatelyAsync(AlreadyRevealed, cancellationToken);
            return;
        }
        await HandleRunAsync(context, customId, run, pair, cancellationToken);
    }

    public const string AlreadyRevealed = "You've both played this one already — your picks side by side are in your DMs (or your space). " +
        "Use `/this-or-that` for a new round of five. 🎲";

    protected abstract Task HandleRunAsync(InteractionContext context, CustomId customId, Run run, Pairing.Pair pair, CancellationToken cancellationToken);
}

/// <summary><b>Play</b> on the partner's invitation: their next item, privately in a server; in a DM the invitation
/// itself becomes the card.</summary>
public sealed class PlayButtonHandler(ThisOrThatService game) : RunButtonHandler(game)
{
    public override string Prefix => ThisOrThatCards.PlayPrefix;

    protected override async Task HandleRunAsync(InteractionContext context, CustomId customId, Run run, Pairing.Pair pair, CancellationToken cancellationToken)
    {
        var turn = await Game.TurnAsync(run, context.UserId, ThisOrThatService.TurnOutcome.Resumed, cancellationToken);
        var payload = ThisOrThatCards.ForTurn(turn, pair.PartnerOf(context.UserId));
        if (context.InGuild)
            await context.ReplyPrivatelyAsync(payload, cancellationToken);
        else
            await context.Responder.UpdateMessageAsync(payload, cancellationToken);
    }
}

/// <summary>An option pressed: the pick is stored and the same message moves on to the next item, to "waiting for
/// your partner", or — for the pick that completes both partners' five — to "that's both of you done" (the reveal itself
/// travels through the outbox, once to each partner, as the second answer of a question does).</summary>
public sealed class PickButtonHandler(ThisOrThatService game) : RunButtonHandler(game)
{
    private const string BadButton = "That button doesn't look right. Use `/this-or-that` to carry on where you left off.";

    public override string Prefix => ThisOrThatCards.PickPrefix;

    protected override async Task HandleRunAsync(InteractionContext context, CustomId customId, Run run, Pairing.Pair pair, CancellationToken cancellationToken)
    {
        var partnerId = pair.PartnerOf(context.UserId);
        if (customId.LongAt(1) is not { } position || customId.At(2) is not ("a" or "b") || position is < 1 or > ThisOrThatPicker.RunLength)
        {
            await context.ReplyPrivatelyAsync(BadButton, cancellationToken);
            return;
        }
        var result = await Game.PickAsync(run, pair, context.UserId, position, customId.At(2)!, cancellationToken);
        switch (result.Outcome)
        {
            case PickOutcome.Picked:
                await context.Responder.UpdateMessageAsync(ThisOrThatCards.Card(run, result.Next!), cancellationToken);
                return;
            case PickOutcome.Finished:
                await context.Responder.UpdateMessageAsync(ThisOrThatCards.Status(ThisOrThatCards.Waiting(partnerId)), cancellationToken);
                return;
            case PickOutcome.Revealed:
                await context.Responder.UpdateMessageAsync(ThisOrThatCards.Status(ThisOrThatCards.BothPlayed(partnerId)), cancellationToken);
                return;
            case PickOutcome.AlreadyPicked:
                await context.ReplyPrivatelyAsync("You've already picked that one, and I kept your first pick. " +
                    "Use `/this-or-that` to carry on where you left off.", cancellationToken);
                return;
            case PickOutcome.RunClosed:
                await context.ReplyPrivatelyAsync(AlreadyRevealed, cancellationToken);
                return;
            default:
                await context.ReplyPrivatelyAsync(BadButton, cancellationToken);
                return;
        }
    }
}
