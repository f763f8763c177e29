using BondBot.Discord;
using BondBot.Features.CheckIns;
using BondBot.Features.Delivery;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;

namespace BondBot.Features.Scheduling;

/// <summary>
/// Builds and sends one person's daily prompt: the check-in mood buttons and today's question for their pair (a
/// round is opened if none is), with its Answer button. The ledger's nonce makes a resend land only once.
/// </summary>
public sealed class PromptSender(DirectMessenger dms, PairingService pairing, QuestionService questions, RoundPublisher rounds)
{
    public enum Outcome { Sent, Unreachable }

    public async Task<(Outcome Outcome, ulong? MessageId)> SendAsync(PromptLedger.Claimed prompt, CancellationToken cancellationToken)
    {
        var embeds = new List<Embed> { CheckInCards.PromptEmbed() };
        var components = new List<Component> { CheckInCards.MoodRow(prompt.LocalDate) };
        Round? round = null;
        if (await pairing.GetActivePairAsync(prompt.UserId, cancellationToken) is { } pair
            && (await questions.OpenAsync(pair, pair.GuildId, null, null, cancellationToken: cancellationToken)).Round is { } open)
        {
            round = open;
            var card = await rounds.CardAsync(open, pair, cancellationToken);
            embeds.AddRange(card.Embeds ?? []);
            components.AddRange(card.Components ?? []);
        }
        var message = await dms.SendAsync(prompt.UserId, new MessagePayload
        {
            Embeds = embeds,
            Components = components,
            Nonce = prompt.Nonce,
            EnforceNonce = true,
        }, cancellationToken);
        if (message is null)
            return (Outcome.Unreachable, null);
        if (round is not null)
            await rounds.RecordAsync(round.RoundId, message.ChannelId, message.Id, cancellationToken);
        return (Outcome.Sent, message.Id);
    }
}
