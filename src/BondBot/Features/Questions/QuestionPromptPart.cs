using BondBot.Features.Delivery;
using BondBot.Features.Scheduling;

namespace BondBot.Features.Questions;

/// <summary>The daily prompt's question: the pair's open round (one is opened if none is), as a real round card, so a
/// partner's answer refreshes that card and nothing else.</summary>
public sealed class QuestionPromptPart(QuestionService questions, RoundPublisher rounds, DirectMessenger dms) : IPromptPart
{
    public int Order => 10;

    public async Task<PromptPartOutcome> SendAsync(DailyPrompt prompt, CancellationToken cancellationToken)
    {
        if (prompt.Pair is not { } pair || (await questions.OpenAsync(pair, pair.GuildId, new RoundRepository.Request(null, null), cancellationToken: cancellationToken, askerId: prompt.UserId)).Round is not { } round)
            return PromptPartOutcome.Nothing;
        var card = await rounds.CardAsync(round, pair, cancellationToken);
        if (await dms.SendAsync(prompt.UserId, card with { Nonce = prompt.NonceFor("question") }, cancellationToken) is not { } sent)
            return PromptPartOutcome.Closed;
        await rounds.RecordAsync(round.RoundId, sent.ChannelId, sent.Id, cancellationToken);
        return PromptPartOutcome.Sent(sent.Id);
    }
}
