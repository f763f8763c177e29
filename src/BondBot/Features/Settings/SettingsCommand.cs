using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Interactions;

namespace BondBot.Features.Settings;

/// <summary><c>/settings [timezone] [time] [days]</c>: each person's own zone and check-in time; with no options it
/// shows the current settings. Zones are found by city or country; abbreviations and fixed offsets are answered with
/// the real places they likely mean.</summary>
public sealed class SettingsCommand(SettingsService settings, ZoneDirectory zones, SettingsCards cards) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "settings",
        Description = "Your time zone and daily check-in time",
        Options =
        [
            new CommandOption { Type = CommandOptionType.String, Name = "timezone", Description = "Your city, country or zone, e.g. New York, India or Europe/Berlin", Autocomplete = true, MaxLength = 64 },
            new CommandOption { Type = CommandOptionType.String, Name = "time", Description = "Check-in time in your zone, e.g. 20:30, 7pm or 7:30 pm", MaxLength = 12 },
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
        var time = TimeText.Parse(timeText);
        var days = CheckInDaysExtensions.Parse(daysText);
        if (timeText is not null && time is null)
        {
            await context.ReplyPrivatelyAsync($"`{Sanitize(timeText)}` isn't a time I understand. Try `20:30`, `7pm` or `7:30 pm`.", cancellationToken);
            return;
        }
        if (daysText is not null && days is null)
        {
            await context.ReplyPrivatelyAsync("Days can be every day, weekdays or weekends.", cancellationToken);
            return;
        }
        ZoneDirectory.Place? place = null;
        if (zoneText is not null)
        {
            switch (zones.Resolve(zoneText))
            {
                case ZoneDirectory.Lookup.Found found:
                    place = found.Place;
                    break;
                case ZoneDirectory.Lookup.Ambiguous ambiguous:
                    await context.ReplyPrivatelyAsync(cards.Suggestions(ambiguous, time, days), cancellationToken);
                    return;
                default:
                    await context.ReplyPrivatelyAsync($"I don't know the time zone `{Sanitize(zoneText)}`. Type your city or country (for example `Berlin`, `New York` or `India`) and pick from the list.", cancellationToken);
                    return;
            }
        }
        var current = place is null && time is null && days is null
            ? await settings.GetAsync(context.UserId, cancellationToken)
            : await settings.UpdateAsync(context.UserId, place?.Zone, time, days, cancellationToken);
        await context.ReplyPrivatelyAsync(cards.Reply(current, changed: place is not null || time is not null || days is not null), cancellationToken);
    }

    public Task AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken) =>
        context.Responder.AutocompleteAsync(
            zones.Search(context.Data.Focused()?.Text, DiscordLimits.Choices).Select(p => CommandChoice.Of(zones.Describe(p), p.ZoneId)).ToList(),
            cancellationToken);

    // Echoed input goes inside code spans; backticks would break out of them.
    private static string Sanitize(string text) => DiscordLimits.Truncate(text.Replace("`", "'", StringComparison.Ordinal), 64);
}
