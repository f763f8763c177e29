using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Notes;

/// <summary>When something written now should reach the partner: the arithmetic of "their next morning" and "after their
/// quiet hours", always in the recipient's own zone (a note from Berlin lands at breakfast in Los Angeles).</summary>
public sealed class NoteTimes(IOptions<SchedulerOptions> options)
{
    public static readonly LocalTime DefaultMorning = new(8, 0);

    /// <summary>The morning a note is delivered at: their check-in time if they chose one, else 08:00, moved to the end of
    /// their quiet hours when it falls inside them; the next such instant after <paramref name="now"/>.</summary>
    public Instant NextMorning(Instant now, DateTimeZone zone, LocalTime? checkInTime)
    {
        var at = checkInTime ?? DefaultMorning;
        if (options.Value.IsQuiet(at))
            at = options.Value.QuietEnd;
        return NextAt(now, zone, at);
    }

    /// <summary>The end of their quiet hours when they are in them now; null when a message may go at once.</summary>
    public Instant? QuietUntil(Instant now, DateTimeZone zone) =>
        options.Value.IsQuiet(now.InZone(zone).TimeOfDay) ? NextAt(now, zone, options.Value.QuietEnd) : null;

    /// <summary>The recipient's zone (theirs, else the sender's, else UTC) and chosen check-in time.</summary>
    public static (DateTimeZone Zone, LocalTime? CheckIn) Of(UserSettings recipient, UserSettings sender) =>
        (recipient.Zone ?? sender.Zone ?? DateTimeZone.Utc, recipient.TimeChosen ? recipient.CheckInTime : null);

    // Lenient: a morning inside a spring-forward gap moves to just after it rather than vanishing.
    private static Instant NextAt(Instant now, DateTimeZone zone, LocalTime at)
    {
        var today = now.InZone(zone).Date;
        var candidate = zone.AtLeniently(today.At(at)).ToInstant();
        return candidate > now ? candidate : zone.AtLeniently(today.PlusDays(1).At(at)).ToInstant();
    }
}
