using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Questions;

/// <summary>Shared checks for the buttons on a question card: the round must exist and the presser must be one of
/// its two partners. The round id in the custom_id is untrusted: everything is checked against the database.</summary>
public abstract class RoundButtonHandler(RoundRepository rounds, PairingRepository pairs, QuestionService questions) : IComponentHandler
{
    public abstract string Prefix { get; }

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var round = customId.LongAt(0) is { } id ? await rounds.GetAsync(id, cancellationToken) : null;
        if (round is null)
        {
            await context.ReplyPrivatelyAsync("I can't find this question any more. Use `/question` for a new one.", cancellationToken);
            return;
        }
        if (!await questions.IsMemberAsync(round, context.UserId, cancellationToken) || await pairs.GetPairAsync(round.PairId, cancellationToken) is not { } pair)
        {
            await context.ReplyPrivatelyAsync(NotForYou(await pairs.GetPairAsync(round.PairId, cancellationToken)), cancellationToken);
            return;
        }
        await HandleRoundAsync(context, round, pair, cancellationToken);
    }

    protected abstract Task HandleRoundAsync(InteractionContext context, Round round, Pair pair, CancellationToken cancellationToken);

    public static string NotForYou(Pair? pair) => pair is null
        ? "This question belonged to a pairing that has ended. Use `/question` for a new one."
        : $"This question is for {PairingMessages.Mention(pair.UserA)} and {PairingMessages.Mention(pair.UserB)}, so only they can answer it. " +
          "Want questions with your own partner? Pair up with `/pair partner:@them`.";
}

/// <summary>"Answer": opens the answer modal (pre-filled when editing), or shows the reveal once both answered.</summary>
public sealed class AnswerButtonHandler(RoundRepository rounds, PairingRepository pairs, QuestionService questions)
    : RoundButtonHandler(rounds, pairs, questions)
{
    private readonly QuestionService _questions = questions;
    private readonly RoundRepository _rounds = rounds;

    public override string Prefix => QuestionCards.AnswerPrefix;

    protected override async Task HandleRoundAsync(InteractionContext context, Round round, Pair pair, CancellationToken cancellationToken)
    {
        switch (round.Status)
        {
            case "revealed":
                await context.ReplyPrivatelyAsync(_questions.RevealCard(round, await _rounds.GetRevealedAnswersAsync(round.RoundId, cancellationToken)), cancellationToken);
                return;
            case "replaced":
                await context.ReplyPrivatelyAsync("This question was swapped for a newer one. Use `/question` to see the current one.", cancellationToken);
                return;
        }
        var existing = await _rounds.GetOwnAnswerAsync(round.RoundId, context.UserId, cancellationToken);
        await context.Responder.ShowModalAsync(QuestionCards.AnswerModal(round, pair.PartnerOf(context.UserId), existing), cancellationToken);
    }
}

/// <summary>"New question": swaps an unanswered round for another question of the category and depth that were asked
/// for, on this card and on every other copy, each saying who swapped it in.</summary>
public sealed class NewQuestionHandler(RoundRepository rounds, PairingRepository pairs, QuestionService questions, RoundPublisher publisher)
    : RoundButtonHandler(rounds, pairs, questions)
{
    private readonly QuestionService _questions = questions;

    public override string Prefix => QuestionCards.NewPrefix;

    protected override async Task HandleRoundAsync(InteractionContext context, Round round, Pair pair, CancellationToken cancellationToken)
    {
        if (!round.IsOpen)
        {
            await context.ReplyPrivatelyAsync("This question isn't open any more. Use `/question` for a new one.", cancellationToken);
            return;
        }
        var request = new RoundRepository.Request(round.AskedCategory, round.AskedDepth is { } d ? (int)d : null, SwappedBy: context.UserId);
        var result = await _questions.OpenAsync(pair, context.GuildId, request, replacing: round.RoundId, cancellationToken);
        if (result is not { Outcome: QuestionService.OpenOutcome.Opened, Round: { } next })
        {
            await context.ReplyPrivatelyAsync("One of you has already answered this question, so it stays — answer it first, then ask for a new one.", cancellationToken);
            return;
        }
        await context.Responder.UpdateMessageAsync(await publisher.CardAsync(next, pair, cancellationToken), cancellationToken);
        var pressed = context.Interaction.Message;
        if (pressed is not null && !pressed.IsEphemeral)
            await publisher.RecordAsync(next.RoundId, pressed.ChannelId, pressed.Id, cancellationToken);
        await publisher.SwapAsync(round.RoundId, next, pair, pressed?.Id, cancellationToken);
    }
}
