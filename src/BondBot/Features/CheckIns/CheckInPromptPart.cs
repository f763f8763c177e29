using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Features.Scheduling;

namespace BondBot.Features.CheckIns;

/// <summary>The daily prompt's first part: the check-in with its mood buttons, who sees it, and what other features add
/// (<see cref="ICheckInPromptExtra"/>). Always by DM, at the person's own time; when it cannot be delivered the prompt ends here.</summary>
public sealed class CheckInPromptPart(DirectMessenger dms, CheckInPrompts prompts, CheckInAudiences audiences, IEnumerable<ICheckInPromptExtra> extras)
    : IPromptPart
{
    public int Order => 0;

    public async Task<PromptPartOutcome> SendAsync(DailyPrompt prompt, CancellationToken cancellationToken)
    {
        var added = new List<CheckInPromptExtra>();
        foreach (var extra in extras.OrderBy(e => e.Order))
            if (await extra.ForAsync(prompt, cancellationToken) is { } found)
                added.Add(found);
        var embed = CheckInCards.PromptEmbed(prompts.For(prompt.LocalDate), await audiences.ForAsync(prompt.Pair, prompt.UserId, cancellationToken));
        var lines = added.Select(a => a.Line).OfType<string>().ToList();
        var buttons = added.Select(a => a.Button).OfType<Component>().Take(5).ToArray();
        var sent = await dms.SendAsync(prompt.UserId, new MessagePayload
        {
            Embeds = [lines.Count == 0 ? embed : embed with { Description = embed.Description + "\n\n" + string.Join('\n', lines) }],
            Components = buttons.Length == 0 ? [CheckInCards.MoodRow(prompt.LocalDate)] : [CheckInCards.MoodRow(prompt.LocalDate), Component.Row(buttons)],
            Nonce = prompt.NonceFor(""),
        }, cancellationToken);
        return sent is null ? PromptPartOutcome.Closed : PromptPartOutcome.Sent(sent.Id);
    }
}
