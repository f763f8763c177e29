using BondBot.Discord.Interactions;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Settings;

/// <summary>A suggested zone's button: saves that place (with the time and days given alongside) in the same message.</summary>
public sealed class ZoneChoiceHandler(SettingsService settings, ZoneDirectory zones, SettingsCards cards) : IComponentHandler
{
    public string Prefix => SettingsCards.ZonePrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (customId.At(0) is not { } id || zones.Find(id) is not { } place)
        {
            await context.ReplyPrivatelyAsync("That choice doesn't look right. Try `/settings timezone:` again.", cancellationToken);
            return;
        }
        var time = customId.At(1) is { Length: 4 } hhmm && int.TryParse(hhmm, out var n) && n / 100 < 24 && n % 100 < 60 ? new LocalTime(n / 100, n % 100) : (LocalTime?)null;
        var saved = await settings.UpdateAsync(context.UserId, place.Zone, time, CheckInDaysExtensions.Parse(customId.At(2)), cancellationToken);
        await context.Responder.UpdateMessageAsync(cards.Reply(saved, changed: true), cancellationToken);
    }
}

/// <summary><b>Start check-ins at 20:00</b>: keeps the offered time as the person's choice.</summary>
public sealed class StartCheckInsHandler(SettingsService settings, SettingsCards cards) : IComponentHandler
{
    public string Prefix => SettingsCards.StartPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var saved = await settings.UpdateAsync(context.UserId, null, null, null, cancellationToken, confirmTime: true);
        await context.Responder.UpdateMessageAsync(cards.Reply(saved, changed: true), cancellationToken);
    }
}

/// <summary><b>Choose another time</b>: a one-field form, pre-filled with the time offered.</summary>
public sealed class ChooseTimeHandler(SettingsService settings) : IComponentHandler
{
    public string Prefix => SettingsCards.ChooseTimePrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        await context.Responder.ShowModalAsync(SettingsCards.TimeForm((await settings.GetAsync(context.UserId, cancellationToken)).CheckInTime), cancellationToken);
}

/// <summary>The time form's submit: saves the time (which starts the check-ins) in the message the form came from.</summary>
public sealed class TimeFormHandler(SettingsService settings, SettingsCards cards) : IComponentHandler
{
    public string Prefix => SettingsCards.TimeFormPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var typed = context.Data.ModalFields().GetValueOrDefault(SettingsCards.TimeField);
        if (TimeText.Parse(typed) is not { } time)
        {
            await context.ReplyPrivatelyAsync(TextBack.Format("That isn't a time I understand. Try `20:30`, `7pm` or `7:30 pm` with **Choose another time**.", typed ?? ""), cancellationToken);
            return;
        }
        var saved = await settings.UpdateAsync(context.UserId, null, time, null, cancellationToken);
        if (context.Interaction.Message is not null)
            await context.Responder.UpdateMessageAsync(cards.Reply(saved, changed: true), cancellationToken);
        else
            await context.ReplyPrivatelyAsync(cards.Reply(saved, changed: true), cancellationToken);
    }
}
