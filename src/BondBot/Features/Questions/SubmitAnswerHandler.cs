using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Questions;

/// <summary>The answer modal's submit: stores the answer, updates the cards' status, and reveals both answers
/// together when this was the second one. Nothing the person wrote is lost, even when it cannot be saved.</summary>
public sealed class SubmitAnswerHandler(QuestionService questions, PairingRepository pairs, RoundPublisher publisher) : IComponentHandler
{
    public string Prefix => QuestionCards.SubmitPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var text = context.Data.ModalFields().GetValueOrDefault(QuestionCards.AnswerField) ?? "";
        if (customId.LongAt(0) is not { } roundId)
        {
            await context.ReplyPrivatelyAsync(TextBack.Format("That answer form doesn't look right.", text), cancellationToken);
            return;
        }
        var result = await questions.SubmitAsync(roundId, context.UserId, text, cancellationToken);
        var pair = result.Round is { } r ? await pairs.GetPairAsync(r.PairId, cancellationToken) : null;
        switch (result.Outcome)
        {
            case SaveAnswerOutcome.Empty:
                await context.ReplyPrivatelyAsync("Your answer was empty, so nothing was saved.", cancellationToken);
                return;
            case SaveAnswerOutcome.TooLong:
                await context.ReplyPrivatelyAsync(TextBack.Format($"Answers can be up to {QuestionService.MaxAnswerLength} characters.", text), cancellationToken);
                return;
            case SaveAnswerOutcome.NotInPair:
                await context.ReplyPrivatelyAsync(RoundButtonHandler.NotForYou(pair), cancellationToken);
                return;
            case SaveAnswerOutcome.RoundClosed:
                await context.ReplyPrivatelyAsync(TextBack.Format("This question was already revealed or swapped for another one, so your answer wasn't saved.", text), cancellationToken);
                return;
        }

        var round = result.Round!;
        var partnerId = pair!.PartnerOf(context.UserId);
        if (result.Outcome == SaveAnswerOutcome.Revealed)
        {
            // The reveal itself was written to the outbox with the answer: it reaches both partners once, in their
            // space or their DMs, even if this reply or a card refresh fails.
            await context.ReplyPrivatelyAsync(
                $"Saved ✅ You've both answered — I'm sending both answers to you and {PairingMessages.Mention(partnerId)} now, privately.", cancellationToken);
            await publisher.RefreshAsync(round.RoundId, pair, null, cancellationToken);
            return;
        }
        var verb = result.Outcome == SaveAnswerOutcome.Updated ? "Updated" : "Saved";
        await context.ReplyPrivatelyAsync(
            $"{verb} ✅ Your answer stays hidden until {PairingMessages.Mention(partnerId)} answers too. You can change it until then with the **Answer** button.",
            cancellationToken);
        await publisher.RefreshAsync(round.RoundId, pair, null, cancellationToken);
    }

}
