using NodaTime;

namespace BondBot.Features.Settings;

/// <summary>A person's own schedule. <see cref="Zone"/> is null until they set it, and no prompt is sent until then.</summary>
public sealed record UserSettings(ulong UserId, DateTimeZone? Zone, LocalTime CheckInTime, CheckInDays Days, Instant? PausedUntil, Instant? NextCheckInAt)
{
    public static readonly LocalTime DefaultTime = new(20, 0);

    public CheckInSchedule? Schedule => Zone is null ? null : new CheckInSchedule(Zone, CheckInTime, Days);

    public bool IsPaused(Instant now) => PausedUntil is { } until && until > now;
}
