using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Playground;

/// <summary>
/// Moves BondBot's clock forward and lets the bot catch up, the way the end-to-end tests do (BotHarness.AtAsync): set
/// the clock, run a scheduler pass, run an outbox pass. Long jumps go in steps of at most an hour so every prompt,
/// nudge and ritual on the way fires at its own time, well inside the scheduler's catch-up window.
/// </summary>
public sealed class TimeTravel(PlaygroundWorld world)
{
    private static readonly Duration Step = Duration.FromHours(1);
    private readonly SemaphoreSlim _one = new(1, 1);

    public Task ForwardAsync(Duration by) => ToAsync(world.Clock.GetCurrentInstant() + by);

    /// <summary>To the person's next check-in as BondBot has it scheduled; null when they have none yet.</summary>
    public async Task<Instant?> ToCheckInAsync(PlaygroundPerson person, CancellationToken cancellationToken)
    {
        var settings = await world.Services.GetRequiredService<UserSettingsRepository>().GetAsync(person.User.Id, cancellationToken);
        if (settings.Schedule is null || settings.NextCheckInAt is not { } next)
            return null;
        await ToAsync(next);
        return next;
    }

    public async Task ToAsync(Instant target)
    {
        await _one.WaitAsync();
        try
        {
            var scheduler = world.Services.GetRequiredService<CheckInScheduler>();
            var outbox = world.Services.GetRequiredService<OutboxWorker>();
            var now = world.Clock.GetCurrentInstant();
            do
            {
                now = Instant.Min(now + Step, target);
                world.Clock.MoveTo(now);
                await scheduler.RunOnceAsync(CancellationToken.None);
                await outbox.RunOnceAsync(CancellationToken.None);
            }
            while (now < target);
        }
        finally
        {
            _one.Release();
        }
    }
}
