namespace BondBot.Features.Switches;

/// <summary>
/// What a server's admins can switch off for their server with <c>/admin feature</c>. Every feature is on until
/// switched off. A switch stops its behaviour in that server only: other servers, and DMs, are untouched.
/// </summary>
public enum ServerFeature
{
    /// <summary><c>/question</c> used in a server channel.</summary>
    QuestionsInChannels,
    /// <summary>Opening private spaces.</summary>
    Spaces,
    /// <summary>The weekly card (its feature consults this switch).</summary>
    WeeklyCard,
    /// <summary>The one reminder to a partner who has not answered yet, for pairs whose server this is.</summary>
    Nudges,
}

public static class ServerFeatures
{
    /// <summary>Every switch with its stored name (also the choice value of <c>/admin feature name:</c>) and what it
    /// is called in replies.</summary>
    public static readonly IReadOnlyList<(ServerFeature Feature, string Name, string Title)> All =
    [
        (ServerFeature.QuestionsInChannels, "questions-in-channels", "Questions in channels"),
        (ServerFeature.Spaces, "spaces", "Private spaces"),
        (ServerFeature.WeeklyCard, "weekly-card", "Weekly card"),
        (ServerFeature.Nudges, "nudges", "Nudges"),
    ];

    public static string Name(this ServerFeature feature) => All.First(f => f.Feature == feature).Name;

    public static string Title(this ServerFeature feature) => All.First(f => f.Feature == feature).Title;

    public static ServerFeature? Parse(string? name) => All.FirstOrDefault(f => f.Name == name) is { Name: not null } found ? found.Feature : null;
}
