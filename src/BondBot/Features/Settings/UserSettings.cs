using NodaTime;

namespace BondBot.Features.Settings;

/// <summary>A person's own schedule. <see cref="Zone"/> is null until they set it; no prompt is sent until the zone is
/// set and the check-in time was chosen (<see cref="TimeChosen"/>): the default 20:00 is only offered, never assumed.</summary>
public sealed record UserSettings(ulong UserId, DateTimeZone? Zone, LocalTime CheckInTime, CheckInDays Days, Instant? PausedUntil, Instant? NextCheckInAt,
    bool TimeChosen = false)
{
    public static readonly LocalTime DefaultTime = new(20, 0);

    public CheckInSchedule? Schedule => Zone is null || !TimeChosen ? null : new CheckInSchedule(Zone, CheckInTime, Days);

    public bool IsPaused(Instant now) => PausedUntil is { } until && until > now;
}
