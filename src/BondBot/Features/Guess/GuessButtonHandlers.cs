using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Guess;

/// <summary>Shared checks for the buttons of a guessing round: the round must exist and the presser must belong to the
/// active pair it was opened for. The id in the custom_id is untrusted; everything is checked against the database.</summary>
public abstract class GuessButtonHandler(GuessService guesses, PairingRepository pairs) : IComponentHandler
{
    public const string Revealed = "This round is already revealed — both of you are in. Start another with `/guess`. 🔮";

    protected GuessService Guesses { get; } = guesses;

    public abstract string Prefix { get; }

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var round = customId.LongAt(0) is { } id ? await Guesses.GetAsync(id, cancellationToken) : null;
        if (round is null || !await Guesses.IsMemberAsync(round, context.UserId, cancellationToken))
        {
            await context.ReplyPrivatelyAsync(await NotForYouAsync(round, pairs, cancellationToken), cancellationToken);
            return;
        }
        await HandleRoundAsync(context, round, customId, cancellationToken);
    }

    protected abstract Task HandleRoundAsync(InteractionContext context, GuessRound round, CustomId customId, CancellationToken cancellationToken);

    /// <summary>Why a round can't be used by this person: gone, from an ended pairing, or someone else's.</summary>
    public static async Task<string> NotForYouAsync(GuessRound? round, PairingRepository pairs, CancellationToken cancellationToken)
    {
        if (round is null)
            return "I can't find this guessing round any more. Start a new one with `/guess`.";
        return await pairs.GetPairAsync(round.PairId, cancellationToken) is { } pair
            ? $"This round is for {PairingMessages.Mention(pair.UserA)} and {PairingMessages.Mention(pair.UserB)}. Want to play with your own partner? Pair up with `/pair partner:@them`."
            : "This round belonged to a pairing that has ended. Start a new one with `/guess`.";
    }
}

/// <summary><b>Answer</b> (the person guessed about): opens the answer form while the round is open.</summary>
public sealed class GuessAnswerButtonHandler(GuessService guesses, PairingRepository pairs) : GuessButtonHandler(guesses, pairs)
{
    public override string Prefix => GuessCards.AnswerPrefix;

    protected override async Task HandleRoundAsync(InteractionContext context, GuessRound round, CustomId customId, CancellationToken cancellationToken)
    {
        if (!round.IsOpen)
            await context.ReplyPrivatelyAsync(Revealed, cancellationToken);
        else if (context.UserId != round.AnswererId)
            await context.ReplyPrivatelyAsync($"This one is about {PairingMessages.Mention(round.AnswererId)}, so they answer and you guess — use the guessing card I sent you, or `/guess`.", cancellationToken);
        else
            await context.Responder.ShowModalAsync(GuessCards.AnswerModal(round), cancellationToken);
    }
}

/// <summary>A choice button on the guess card: the guess is that choice.</summary>
public sealed class GuessPickHandler(GuessService guesses, PairingRepository pairs) : GuessButtonHandler(guesses, pairs)
{
    public override string Prefix => GuessCards.PickPrefix;

    protected override async Task HandleRoundAsync(InteractionContext context, GuessRound round, CustomId customId, CancellationToken cancellationToken)
    {
        if (context.UserId != round.GuesserId)
        {
            await context.ReplyPrivatelyAsync(GuessReplies.GuessIsTheirs(round), cancellationToken);
            return;
        }
        var choice = customId.LongAt(1) is { } i and >= 0 and <= int.MaxValue ? (int)i : -1;
        await GuessReplies.AfterSaveAsync(context, await Guesses.PickAsync(round, context.UserId, choice, cancellationToken), null, cancellationToken);
    }
}

/// <summary><b>In my own words</b> / <b>Guess</b>: opens the guess form while the round is open.</summary>
public sealed class GuessOwnWordsHandler(GuessService guesses, PairingRepository pairs) : GuessButtonHandler(guesses, pairs)
{
    public override string Prefix => GuessCards.OwnWordsPrefix;

    protected override async Task HandleRoundAsync(InteractionContext context, GuessRound round, CustomId customId, CancellationToken cancellationToken)
    {
        if (!round.IsOpen)
            await context.ReplyPrivatelyAsync(Revealed, cancellationToken);
        else if (context.UserId != round.GuesserId)
            await context.ReplyPrivatelyAsync(GuessReplies.GuessIsTheirs(round), cancellationToken);
        else
            await context.Responder.ShowModalAsync(GuessCards.GuessModal(round), cancellationToken);
    }
}

/// <summary><b>Spot on</b> / <b>Close</b> / <b>Not quite</b> on the answerer's reveal: records the mark (changeable),
/// updates the pressed message, and tells the guesser warmly.</summary>
public sealed class GuessMarkHandler(GuessService guesses, PairingRepository pairs) : GuessButtonHandler(guesses, pairs)
{
    public override string Prefix => GuessCards.MarkPrefix;

    protected override async Task HandleRoundAsync(InteractionContext context, GuessRound round, CustomId customId, CancellationToken cancellationToken)
    {
        if (context.UserId != round.AnswererId)
        {
            await context.ReplyPrivatelyAsync($"Only {PairingMessages.Mention(round.AnswererId)} can say how close the guess came — it's their answer. 💛", cancellationToken);
            return;
        }
        if (!round.IsRevealed || GuessMarks.Parse(customId.At(1)) is not { } mark
            || await Guesses.MarkAsync(round, context.UserId, mark, cancellationToken) is not { } marked)
        {
            await context.ReplyPrivatelyAsync("There's nothing to mark here yet — marks come after you're both in.", cancellationToken);
            return;
        }
        var played = await Guesses.CountPlayedAsync(marked.PairId, cancellationToken);
        await context.Responder.UpdateMessageAsync(GuessRevealCards.Reveal(marked, played, forAnswerer: true), cancellationToken);
    }
}
