using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Settings;

/// <summary><c>/settings [timezone] [time] [days]</c>: each person's own zone and check-in time; with no options it
/// shows the current settings and the next check-in as a Discord timestamp (every viewer sees it in their zone).</summary>
public sealed class SettingsCommand(SettingsService settings) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "settings",
        Description = "Your time zone and daily check-in time",
        Options =
        [
            new CommandOption { Type = CommandOptionType.String, Name = "timezone", Description = "Your time zone, e.g. Europe/Berlin or America/New_York", Autocomplete = true, MaxLength = 64 },
            new CommandOption { Type = CommandOptionType.String, Name = "time", Description = "Check-in time, 24-hour HH:mm, e.g. 20:30", MaxLength = 5 },
            new CommandOption
            {
                Type = CommandOptionType.String, Name = "days", Description = "Which days you get a check-in",
                Choices = [CommandChoice.Of("Every day", "every"), CommandChoice.Of("Weekdays", "weekdays"), CommandChoice.Of("Weekends", "weekends")],
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var zoneText = context.Data.GetString("timezone");
        var timeText = context.Data.GetString("time");
        var daysText = context.Data.GetString("days");
        var zone = SettingsService.ParseZone(zoneText);
        var time = SettingsService.ParseTime(timeText);
        var days = CheckInDaysExtensions.Parse(daysText);
        if (zoneText is not null && zone is null)
        {
            await context.ReplyPrivatelyAsync($"I don't know the time zone `{Sanitize(zoneText)}`. Use a name like `Europe/Berlin`, `America/New_York` or `Asia/Tokyo` — start typing and pick from the list.", cancellationToken);
            return;
        }
        if (timeText is not null && time is null)
        {
            await context.ReplyPrivatelyAsync($"`{Sanitize(timeText)}` isn't a time I understand. Use 24-hour `HH:mm`, for example `20:30` or `07:05`.", cancellationToken);
            return;
        }
        if (daysText is not null && days is null)
        {
            await context.ReplyPrivatelyAsync("Days can be every day, weekdays or weekends.", cancellationToken);
            return;
        }
        var current = zone is null && time is null && days is null
            ? await settings.GetAsync(context.UserId, cancellationToken)
            : await settings.UpdateAsync(context.UserId, zone, time, days, cancellationToken);
        await context.ReplyPrivatelyAsync(Describe(current, changed: zone is not null || time is not null || days is not null), cancellationToken);
    }

    public Task AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var typed = context.Data.Focused()?.Text.Trim() ?? "";
        var matches = DateTimeZoneProviders.Tzdb.Ids
            .Where(id => id.Contains('/') && id.Contains(typed.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase))
            .OrderBy(id => id.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal)
            .Take(DiscordLimits.Choices)
            .Select(id => CommandChoice.Of(id, id))
            .ToList();
        return context.Responder.AutocompleteAsync(matches, cancellationToken);
    }

    public static string Describe(UserSettings s, bool changed)
    {
        var head = changed ? "Saved ✅ " : "";
        if (s.Zone is null)
            return head + $"Your check-in time is **{s.CheckInTime:HH:mm}** {s.Days.Describe()}, but you haven't set a time zone yet, so no check-ins are sent. " +
                   "Set it with `/settings timezone:` (for example `Europe/Berlin`).";
        var next = s.NextCheckInAt is { } at ? $"Your next check-in is <t:{at.ToUnixTimeSeconds()}:F> (<t:{at.ToUnixTimeSeconds()}:R>)." : "";
        var pause = s.PausedUntil is { } until ? $" Check-ins are paused until <t:{until.ToUnixTimeSeconds()}:f>; `/resume` ends the pause." : "";
        return head + $"Time zone **{s.Zone.Id}**, check-in at **{s.CheckInTime:HH:mm}** {s.Days.Describe()}. {next}{pause}";
    }

    // Echoed input goes inside code spans; backticks would break out of them.
    private static string Sanitize(string text) => DiscordLimits.Truncate(text.Replace("`", "'", StringComparison.Ordinal), 64);
}
