using BondBot.Features.Delivery.Outbox;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.Settings;

/// <summary>Reading and changing a person's schedule; every change recomputes the next check-in instant.</summary>
public sealed class SettingsService(UserSettingsRepository settings, IClock clock)
{
    public const int MaxPauseDays = 30;
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    public Task<UserSettings> GetAsync(ulong userId, CancellationToken cancellationToken = default) => settings.GetAsync(userId, cancellationToken);

    public static DateTimeZone? ParseZone(string? id) => string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    public static LocalTime? ParseTime(string? text) =>
        text is not null && TimePattern.Parse(text.Trim()) is { Success: true } result ? result.Value : null;

    /// <summary>Applies the given changes (null = unchanged) and returns the new settings.</summary>
    public async Task<UserSettings> UpdateAsync(ulong userId, DateTimeZone? zone, LocalTime? time, CheckInDays? days, CancellationToken cancellationToken = default)
    {
        var current = await settings.GetAsync(userId, cancellationToken);
        var updated = current with { Zone = zone ?? current.Zone, CheckInTime = time ?? current.CheckInTime, Days = days ?? current.Days };
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
