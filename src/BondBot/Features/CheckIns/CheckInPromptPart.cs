using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Features.Scheduling;

namespace BondBot.Features.CheckIns;

/// <summary>The daily prompt's first part: the check-in with its mood buttons (pointing to the pair's space when they
/// have one). Always by DM, at the person's own time; when it cannot be delivered the prompt ends here.</summary>
public sealed class CheckInPromptPart(DirectMessenger dms, CheckInPrompts prompts, Space.SpaceRepository spaces) : IPromptPart
{
    public int Order => 0;

    public async Task<PromptPartOutcome> SendAsync(DailyPrompt prompt, CancellationToken cancellationToken)
    {
        var space = prompt.Pair is { } pair ? await spaces.ForPairAsync(pair.PairId, cancellationToken) : null;
        var sent = await dms.SendAsync(prompt.UserId, new MessagePayload
        {
            Embeds = [CheckInCards.PromptEmbed(prompts.For(prompt.LocalDate),
                prompt.Pair is { } p ? new CheckInAudience(p.PartnerOf(prompt.UserId), space?.ChannelId) : CheckInAudience.JustYou)],
            Components = [CheckInCards.MoodRow(prompt.LocalDate)],
            Nonce = prompt.NonceFor(""),
        }, cancellationToken);
        return sent is null ? PromptPartOutcome.Closed : PromptPartOutcome.Sent(sent.Id);
    }
}
