using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Settings;

/// <summary><c>/pause days:</c> stops your prompts for a while; your partner is told, without reasons.</summary>
public sealed class PauseCommand(SettingsService settings, PairingService pairing) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "pause",
        Description = "Take a break from check-ins for a few days",
        Options = [new CommandOption { Type = CommandOptionType.Integer, Name = "days", Description = "How many days (1–30)", Required = true, MinValue = 1, MaxValue = SettingsService.MaxPauseDays }],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (context.Data.GetInteger("days") is not { } days || days is < 1 or > SettingsService.MaxPauseDays)
        {
            await context.ReplyPrivatelyAsync($"A pause can be 1 to {SettingsService.MaxPauseDays} days.", cancellationToken);
            return;
        }
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var saved = await settings.PauseAsync(context.UserId, (int)days, s => PauseNotices.Paused(pair, context.UserId, s), cancellationToken);
        var until = saved.PausedUntil!.Value.ToUnixTimeSeconds();
        await context.ReplyPrivatelyAsync($"Paused until <t:{until}:f>. Rest well — `/resume` brings check-ins back any time.", cancellationToken);
    }
}

/// <summary><c>/resume</c>: ends a pause; the partner is told, as they were of the pause.</summary>
public sealed class ResumeCommand(SettingsService settings, PairingService pairing, SettingsCards cards) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new() { Name = "resume", Description = "End your break and get check-ins again" };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(context.UserId, cancellationToken);
        if (current.PausedUntil is null)
        {
            await context.ReplyPrivatelyAsync("You're not paused. " + cards.Describe(current, changed: false), cancellationToken);
            return;
        }
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var saved = await settings.ResumeAsync(context.UserId, _ => PauseNotices.Back(pair, context.UserId), cancellationToken);
        await context.ReplyPrivatelyAsync("Welcome back 💛 " + cards.Describe(saved, changed: false), cancellationToken);
    }
}
