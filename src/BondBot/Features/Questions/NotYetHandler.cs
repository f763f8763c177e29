using BondBot.Discord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Questions;

/// <summary>"Not yet": either partner sets the round aside without judgement, even after the other answered (their answer
/// is kept, never shown); the partner is told gently, and this card and every copy become the pair's new question.</summary>
public sealed class NotYetHandler(RoundRepository rounds, PairingRepository pairs, QuestionService questions, RoundPublisher publisher)
    : RoundButtonHandler(rounds, pairs, questions)
{
    private readonly QuestionService _questions = questions;
    private readonly RoundRepository _rounds = rounds;

    public override string Prefix => QuestionCards.NotYetPrefix;

    protected override async Task HandleRoundAsync(InteractionContext context, Round round, Pair pair, CancellationToken cancellationToken)
    {
        var partnerId = pair.PartnerOf(context.UserId);
        var partnerAnswered = (await _rounds.GetAnsweredUsersAsync(round.RoundId, cancellationToken)).Contains(partnerId);
        var (outcome, next) = await _questions.NotYetAsync(round, pair, context.UserId, retired =>
        [
            OutboxItem.ToPartner(OutboxKinds.NotYet, pair.PairId, partnerId, new MessagePayload
            {
                Content = $"🌙 {PairingMessages.Mention(context.UserId)} saved “{Short(round.QuestionText)}” for another day" +
                          (retired ? " — it won't come back." : partnerAnswered ? ". Your answer is kept, unseen, for when it returns." : ".") +
                          " There's a new question for you two.",
            }, $"not-yet:{round.RoundId}:{round.SetAsideTimes}"),
        ], cancellationToken);
        if (outcome == QuestionService.NotYetOutcome.NotOpen)
        {
            await context.ReplyPrivatelyAsync("This question isn't open any more. Use `/question` for the current one.", cancellationToken);
            return;
        }
        var said = outcome == QuestionService.NotYetOutcome.Retired
            ? "Set aside for good — it won't come back. 🌙"
            : "Saved for another day 🌙 It comes back in a few weeks; answers given so far are kept.";
        if (next is null)
        {
            await context.Responder.UpdateMessageAsync(await publisher.CardAsync(round with { Status = "set-aside" }, pair, cancellationToken) with { Content = said }, cancellationToken);
            return;
        }
        await context.Responder.UpdateMessageAsync(await publisher.CardAsync(next, pair, cancellationToken) with { Content = $"{said} Here's a new question." }, cancellationToken);
        var pressed = context.Interaction.Message;
        if (pressed is not null && !pressed.IsEphemeral)
            await publisher.RecordAsync(next.RoundId, pressed.ChannelId, pressed.Id, cancellationToken);
        await publisher.SwapAsync(round.RoundId, next, pair, pressed?.Id, cancellationToken);
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "…";
}
