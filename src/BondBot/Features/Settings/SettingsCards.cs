using BondBot.Discord;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Settings;

/// <summary>How settings read back: the zone with its local time now, the check-in time and days, the next check-in
/// as a Discord timestamp (each viewer sees it in their own zone), and, until a time is chosen, the offer to start.</summary>
public sealed class SettingsCards(ZoneDirectory zones)
{
    public const string ZonePrefix = "set.zone";
    public const string StartPrefix = "set.start";
    public const string ChooseTimePrefix = "set.time";
    public const string TimeFormPrefix = "set.timeform";
    public const string TimeField = "time";
    /// <summary>Suggested zones shown at once; autocomplete reaches the rest.</summary>
    public const int MaxSuggestions = 5;

    public string Describe(UserSettings s, bool changed)
    {
        var head = changed ? "Saved ✅ " : "";
        if (s.Zone is null)
            return head + $"Your check-in time is **{TimeText.Format(s.CheckInTime)}** {s.Days.Describe()}, but you haven't set a time zone yet, so no check-ins are sent. " +
                   "Set it with `/settings timezone:` — type your city or country (for example `Berlin` or `India`) and pick from the list.";
        var zone = $"Time zone **{s.Zone.Id}**{Where(s.Zone)}";
        if (!s.TimeChosen)
            return head + $"{zone}.\nYour daily check-in isn't on yet: it would come at **{TimeText.Format(s.CheckInTime)}** your time, {s.Days.Describe()}. " +
                   "Start it, or choose another time.";
        var next = s.NextCheckInAt is { } at ? $" Your next check-in is <t:{at.ToUnixTimeSeconds()}:F> (<t:{at.ToUnixTimeSeconds()}:R>)." : "";
        var pause = s.PausedUntil is { } until ? $" Check-ins are paused until <t:{until.ToUnixTimeSeconds()}:f>; `/resume` ends the pause." : "";
        return head + $"{zone}, check-in at **{TimeText.Format(s.CheckInTime)}** {s.Days.Describe()}.{next}{pause}";
    }

    /// <summary>The settings as a message: the description, with Start / Choose another time until a time is chosen.</summary>
    public MessagePayload Reply(UserSettings s, bool changed) => new()
    {
        Content = Describe(s, changed),
        Components = s.Zone is not null && !s.TimeChosen
            ?
            [
                Component.Row(
                    Component.Button(StartPrefix, $"Start check-ins at {TimeText.Format(s.CheckInTime)}", ButtonStyle.Primary),
                    Component.Button(ChooseTimePrefix, "Choose another time")),
            ]
            : [],
    };

    /// <summary>The places a zone that cannot be kept (EST, GMT+5, a country with several zones) likely means, each a
    /// button that saves it; the time and days given with it ride along so nothing typed is lost.</summary>
    public MessagePayload Suggestions(ZoneDirectory.Lookup.Ambiguous ambiguous, LocalTime? time, CheckInDays? days)
    {
        var shown = ambiguous.Places.Take(MaxSuggestions).ToList();
        var lines = shown.Select(p => $"• {zones.Describe(p)}");
        var more = ambiguous.Places.Count > shown.Count ? "\nNot there? Type your city in `/settings timezone:` and pick it from the list." : "";
        return new MessagePayload
        {
            Content = $"{ambiguous.Why}\n{string.Join('\n', lines)}{more}",
            Components =
            [
                Component.Row(shown.Select(p => Component.Button(
                    CustomId.Create(ZonePrefix, p.ZoneId, time is { } t ? t.ToString("HHmm", null) : "-", days?.ToKey() ?? "-"),
                    DiscordLimits.Truncate($"{p.ZoneId} · {zones.LocalTimeNow(p)}", 80))).ToArray()),
            ],
        };
    }

    public static ModalPayload TimeForm(LocalTime current) => new(TimeFormPrefix, "Your daily check-in time",
    [
        Component.LabeledTextInput(TimeField, "Check-in time, your local time", TextInputStyle.Short, 12,
            placeholder: "20:30, 7pm or 7:30 pm", value: TimeText.Format(current)),
    ]);

    private string Where(DateTimeZone zone) => zones.Find(zone.Id) is { } place
        ? $" ({(place.Country ?? place.Region)}, {zones.LocalTimeNow(place)} there now)"
        : "";
}
