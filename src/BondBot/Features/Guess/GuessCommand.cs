using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Guess;

/// <summary><c>/guess [set]</c>: a love-map round about the caller. They answer a question about themselves (the reply,
/// with <b>Answer</b>); their partner gets a card to guess from choices or in their own words. A second <c>/guess</c>
/// while a round is open shows it and whose move it is.</summary>
public sealed class GuessCommand(PairingService pairing, GuessService guesses, Settings.UserSettingsRepository settings, IClock clock) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "guess",
        Description = "Guess my answer: answer a question about yourself while your partner guesses",
        Options =
        [
            new CommandOption
            {
                Type = CommandOptionType.String, Name = "set", Description = "What the question is about",
                Choices = GuessDeck.Sets.Select(s => CommandChoice.Of(s.Name, s.Key)).ToList(),
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "Guess my answer is played with your partner — pair up first with `/pair partner:@them`.", cancellationToken) is not { } pair)
            return;
        var partnerId = pair.PartnerOf(context.UserId);
        // As with questions: nothing is sent to someone who asked for a break.
        if ((await settings.GetAsync(partnerId, cancellationToken)).IsPaused(clock.GetCurrentInstant()))
        {
            await context.ReplyPrivatelyAsync($"{PairingMessages.Mention(partnerId)} is taking a break right now, so I won't send them a guessing round. Try `/guess` again when they're back. 💛", cancellationToken);
            return;
        }
        var set = GuessDeck.Sets.FirstOrDefault(s => s.Key == context.Data.GetString("set")).Key;
        if (await guesses.StartAsync(pair, context.UserId, set, cancellationToken) is not { Round: { } round } result)
        {
            await context.ReplyPrivatelyAsync("I couldn't find a question for that just now. Try `/guess` without a set.", cancellationToken);
            return;
        }
        if (result.Outcome == GuessService.StartOutcome.AlreadyOpen)
        {
            await context.ReplyPrivatelyAsync(GuessRevealCards.OpenStatus(round, context.UserId, guesses.ChoicesOf(round)), cancellationToken);
            return;
        }
        await context.ReplyPrivatelyAsync(GuessCards.AskReply(round), cancellationToken);
    }
}
