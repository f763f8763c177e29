using BondBot.Features.Delivery.Outbox;
using NodaTime;

namespace BondBot.Features.Settings;

/// <summary>Reading and changing a person's schedule; every change recomputes the next check-in instant.</summary>
public sealed class SettingsService(UserSettingsRepository settings, IClock clock)
{
    public const int MaxPauseDays = 30;

    public Task<UserSettings> GetAsync(ulong userId, CancellationToken cancellationToken = default) => settings.GetAsync(userId, cancellationToken);

    /// <summary>Applies the given changes (null = unchanged) and returns the new settings. Giving a time chooses it;
    /// <paramref name="confirmTime"/> keeps the current one (the offered 20:00) as chosen.</summary>
    public async Task<UserSettings> UpdateAsync(ulong userId, DateTimeZone? zone, LocalTime? time, CheckInDays? days, CancellationToken cancellationToken = default,
        bool confirmTime = false)
    {
        var current = await settings.GetAsync(userId, cancellationToken);
        var updated = current with
        {
            Zone = zone ?? current.Zone, CheckInTime = time ?? current.CheckInTime, Days = days ?? current.Days,
            TimeChosen = current.TimeChosen || time is not null || confirmTime,
        };
        return await SaveAsync(updated, null, cancellationToken);
    }

    /// <summary>Pauses prompts; <paramref name="notices"/> (the partner's notice) are written with the change.</summary>
    public async Task<UserSettings> PauseAsync(ulong userId, int days, Func<UserSettings, IEnumerable<OutboxItem>>? notices = null, CancellationToken cancellationToken = default)
    {
        var current = await settings.GetAsync(userId, cancellationToken);
        return await SaveAsync(current with { PausedUntil = clock.GetCurrentInstant() + Duration.FromDays(days) }, notices, cancellationToken);
    }

    public async Task<UserSettings> ResumeAsync(ulong userId, Func<UserSettings, IEnumerable<OutboxItem>>? notices = null, CancellationToken cancellationToken = default)
    {
        var current = await settings.GetAsync(userId, cancellationToken);
        return await SaveAsync(current with { PausedUntil = null }, notices, cancellationToken);
    }

    private async Task<UserSettings> SaveAsync(UserSettings updated, Func<UserSettings, IEnumerable<OutboxItem>>? notices, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var next = updated.Schedule?.NextAfter(now, updated.PausedUntil);
        var saved = updated with { NextCheckInAt = next };
        await settings.SaveAsync(saved, now, notices?.Invoke(saved), cancellationToken);
        return saved;
    }
}
