using BondBot.Discord.Interactions;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Guess;

/// <summary>The answer form's submit (the person guessed about).</summary>
public sealed class GuessSubmitAnswerHandler(GuessService guesses, PairingRepository pairs) : IComponentHandler
{
    public string Prefix => GuessCards.SubmitAnswerPrefix;

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        GuessReplies.SubmitAsync(context, customId, GuessSide.Answer, guesses, pairs, cancellationToken);
}

/// <summary>The guess form's submit (a guess in the guesser's own words).</summary>
public sealed class GuessSubmitGuessHandler(GuessService guesses, PairingRepository pairs) : IComponentHandler
{
    public string Prefix => GuessCards.SubmitGuessPrefix;

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        GuessReplies.SubmitAsync(context, customId, GuessSide.Guess, guesses, pairs, cancellationToken);
}

/// <summary>The replies after an answer or a guess. They never repeat what anyone wrote or picked while the round is
/// open (the lock holds in every message the bot sends), and the reveal itself travels through the outbox: the person
/// who is in second reads "you're both in" here and gets the reveal once, like everyone else.</summary>
public static class GuessReplies
{
    public static string GuessIsTheirs(GuessRound round) =>
        $"This guess is {PairingMessages.Mention(round.GuesserId)}'s to make — yours is to answer it for yourself.";

    public static async Task SubmitAsync(InteractionContext context, CustomId customId, GuessSide side, GuessService guesses, PairingRepository pairs,
        CancellationToken cancellationToken)
    {
        var text = context.Data.ModalFields().GetValueOrDefault(GuessCards.TextField) ?? "";
        if (customId.LongAt(0) is not { } guessId)
        {
            await context.ReplyPrivatelyAsync(TextBack.Format("That form doesn't look right.", text), cancellationToken);
            return;
        }
        var result = await guesses.SubmitAsync(guessId, context.UserId, side, text, cancellationToken);
        if (result.Outcome == GuessSaveOutcome.NotInPair)
        {
            await context.ReplyPrivatelyAsync(TextBack.Format(await GuessButtonHandler.NotForYouAsync(await guesses.GetAsync(guessId, cancellationToken), pairs, cancellationToken), text), cancellationToken);
            return;
        }
        await AfterSaveAsync(context, result, text, cancellationToken);
    }

    /// <summary>Replies to a saved (or refused) answer or guess; <paramref name="typed"/> is given back when it could not
    /// be saved, so nothing written is lost.</summary>
    public static Task AfterSaveAsync(InteractionContext context, GuessSaveResult result, string? typed, CancellationToken cancellationToken)
    {
        var round = result.Round;
        string Back(string reason) => typed is null ? reason : TextBack.Format(reason, typed);
        var reply = result.Outcome switch
        {
            GuessSaveOutcome.Empty => "Nothing was written, so nothing was saved.",
            GuessSaveOutcome.TooLong => Back($"That's a little long — up to {GuessCards.MaxTextLength} characters, please."),
            GuessSaveOutcome.UnknownChoice => "That choice isn't on this card any more. Try **In my own words**.",
            GuessSaveOutcome.Closed when round is { IsRevealed: true } => Back(GuessButtonHandler.Revealed),
            GuessSaveOutcome.Closed or GuessSaveOutcome.NotInPair => Back("I can't find this guessing round any more. Start a new one with `/guess`."),
            GuessSaveOutcome.NotYours when context.UserId == round!.GuesserId => Back($"This one is about {PairingMessages.Mention(round.AnswererId)}, so they answer and you guess."),
            GuessSaveOutcome.NotYours => Back(GuessIsTheirs(round!)),
            GuessSaveOutcome.Revealed =>
                $"Saved ✅ You're both in — I'm sending the reveal to you and {PairingMessages.Mention(Other(round!, context.UserId))} now.",
            _ when context.UserId == round!.AnswererId =>
                $"{Verb(result)} ✅ Your answer stays hidden until {PairingMessages.Mention(round.GuesserId)} has guessed. You can change it until then.",
            _ => $"{Verb(result)} ✅ Your guess stays hidden until {PairingMessages.Mention(round.AnswererId)} has answered. You can change it until then.",
        };
        return context.ReplyPrivatelyAsync(reply, cancellationToken);
    }

    private static string Verb(GuessSaveResult result) => result.Outcome == GuessSaveOutcome.Updated ? "Updated" : "Saved";

    private static ulong Other(GuessRound round, ulong userId) => userId == round.AnswererId ? round.GuesserId : round.AnswererId;
}
