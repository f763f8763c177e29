using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.LookingBack;

/// <summary>"Ask it again" on an On this day message: the old question becomes the pair's new round, word for word,
/// when none is open (the partner gets its card like any new question). The round id in the custom_id is untrusted:
/// only a revealed round of the presser's current pair is asked again.</summary>
public sealed class AskAgainHandler(PairingService pairing, RoundRepository rounds, QuestionService questions, RoundPublisher publisher,
    Space.SpaceRepository spaces, Settings.UserSettingsRepository settings, IClock clock) : IComponentHandler
{
    public string Prefix => OnThisDayCards.AskAgainPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (await pairing.GetActivePairAsync(context.UserId, cancellationToken) is not { } pair)
        {
            await context.ReplyPrivatelyAsync("Questions are for the two of you — pair first with `/pair partner:@them`.", cancellationToken);
            return;
        }
        if (customId.LongAt(0) is not { } id || await rounds.GetAsync(id, cancellationToken) is not { Status: "revealed" } earlier || earlier.PairId != pair.PairId)
        {
            await context.ReplyPrivatelyAsync("This question belongs to a pairing that has ended, so I can't ask it again. `/question` gets you a new one.", cancellationToken);
            return;
        }
        var partnerId = pair.PartnerOf(context.UserId);
        if ((await settings.GetAsync(partnerId, cancellationToken)).IsPaused(clock.GetCurrentInstant()))
        {
            await context.ReplyPrivatelyAsync($"{PairingMessages.Mention(partnerId)} is taking a short break — ask it again once they're back.", cancellationToken);
            return;
        }
        var result = await questions.AskAgainAsync(pair, earlier, round => [QuestionCardDeliveries.ToPartner(round, pair, partnerId)], cancellationToken);
        if (result is not { Outcome: QuestionService.OpenOutcome.Opened, Round: { } round })
        {
            await context.ReplyPrivatelyAsync("You two already have a question open — answer that one first (`/question` shows it), then press **Ask it again**.",
                cancellationToken);
            return;
        }
        if (await spaces.ForPairAsync(pair.PairId, cancellationToken) is { } space)
        {
            await context.ReplyPrivatelyAsync($"Asked again 💬 It's your new question, waiting in your space: <#{space.ChannelId}>", cancellationToken);
            return;
        }
        var card = await publisher.CardAsync(round, pair, cancellationToken);
        await context.Responder.ReplyAsync(card with { Content = $"Asked again 💬 Answer it fresh — {PairingMessages.Mention(partnerId)} gets it too." }, cancellationToken);
        var sent = await context.Responder.GetOriginalAsync(cancellationToken);
        await publisher.RecordAsync(round.RoundId, sent.ChannelId, sent.Id, cancellationToken);
    }
}
