using BondBot.Discord;
using BondBot.Features.Scheduling;

namespace BondBot.Features.CheckIns;

/// <summary>Something another feature adds to the day's check-in DM: a line under the questions (a visit countdown)
/// and/or a button beside the moods' row (a one-tap "thinking of you"). One DM a day stays one DM; the feature that
/// adds the line implements this, so the dependency points one way.</summary>
public interface ICheckInPromptExtra
{
    /// <summary>Lower comes first.</summary>
    int Order { get; }

    Task<CheckInPromptExtra?> ForAsync(DailyPrompt prompt, CancellationToken cancellationToken);
}

/// <summary>A line for the prompt's text and a button for its second row; either may be absent.</summary>
public sealed record CheckInPromptExtra(string? Line, Component? Button = null);
