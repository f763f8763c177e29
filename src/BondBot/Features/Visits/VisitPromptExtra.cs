using BondBot.Features.CheckIns;
using BondBot.Features.Couple;
using BondBot.Features.Scheduling;

namespace BondBot.Features.Visits;

/// <summary>The visit's line on the daily check-in DM, counted on the recipient's own local date. Proactive, so only for
/// pairs apart or sometimes apart; <c>/visit show</c> still answers everyone.</summary>
public sealed class VisitPromptExtra(VisitService visits, CoupleProfiles profiles) : ICheckInPromptExtra
{
    public int Order => 20;

    public async Task<CheckInPromptExtra?> ForAsync(DailyPrompt prompt, CancellationToken cancellationToken)
    {
        if (prompt.Pair is not { } pair)
            return null;
        if (await visits.PromptLineAsync(pair, prompt.UserId, prompt.LocalDate, cancellationToken) is not { } line)
            return null;
        // Asked only once there is a line: most prompts have no visit, and the profile reads three settings rows.
        if (!(await profiles.ForAsync(pair, prompt.UserId, cancellationToken)).Apart)
            return null;
        return new CheckInPromptExtra(line);
    }
}
