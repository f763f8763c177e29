using BondBot.Features.Delivery;
using BondBot.Features.Pairing;

namespace BondBot.Features.Scheduling;

/// <summary>
/// Sends one person's daily prompt as the parts features contribute, in order, one short message each. The first
/// part that finds the person's DMs closed ends the prompt.
/// </summary>
public sealed class PromptSender(PairingService pairing, IEnumerable<IPromptPart> parts)
{
    private readonly IReadOnlyList<IPromptPart> _parts = parts.OrderBy(p => p.Order).ToList();

    public enum Outcome { Sent, Unreachable }

    public async Task<(Outcome Outcome, ulong? MessageId)> SendAsync(PromptLedger.Claimed claimed, CancellationToken cancellationToken)
    {
        var prompt = new DailyPrompt(claimed, await pairing.GetActivePairAsync(claimed.UserId, cancellationToken));
        ulong? first = null;
        foreach (var part in _parts)
        {
            var outcome = await part.SendAsync(prompt, cancellationToken);
            if (outcome.Unreachable)
                return (Outcome.Unreachable, first);
            first ??= outcome.MessageId;
        }
        return (Outcome.Sent, first);
    }
}
