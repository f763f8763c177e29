using NodaTime;
using NodaTime.TimeZones;

namespace BondBot.Features.Settings;

/// <summary>
/// A person's own check-in time in their own zone (pure: no clock, no storage). Daylight-saving rules: a local
/// time skipped by a spring-forward gap fires at the first valid instant after it (the end of the gap); a time
/// repeated by a fall-back overlap fires once, at its first occurrence.
/// </summary>
public sealed record CheckInSchedule(DateTimeZone Zone, LocalTime Time, CheckInDays Days)
{
    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>The first due instant strictly after <paramref name="after"/>, and not before <paramref name="notBefore"/>
    /// (the end of a pause).</summary>
    public Instant NextAfter(Instant after, Instant? notBefore = null)
    {
        var from = notBefore is { } pause && pause > after ? pause : after;
        var date = from.InZone(Zone).Date;
        // Eight days always contains a matching day for every CheckInDays value.
        for (var i = 0; i < 9; i++, date = date.PlusDays(1))
        {
            if (!Days.Includes(date.DayOfWeek))
                continue;
            var due = At(date);
            if (due > after && (notBefore is null || due >= notBefore.Value))
                return due;
        }
        throw new InvalidOperationException("No check-in day found within nine days.");
    }

    /// <summary>The instant of the check-in on a local date.</summary>
    public Instant At(LocalDate date) => Zone.ResolveLocal(date.At(Time), Resolver).ToInstant();

    /// <summary>The person's local date at an instant (what "today" means for them).</summary>
    public LocalDate LocalDate(Instant instant) => instant.InZone(Zone).Date;
}
