using BondBot.Features.Settings;
using NodaTime;

namespace BondBot.Tests.Features;

public sealed class CheckInScheduleTests
{
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    [Fact]
    public void Next_is_today_when_the_time_has_not_passed_and_tomorrow_when_it_has()
    {
        var schedule = new CheckInSchedule(Zone("Europe/Berlin"), new LocalTime(20, 0), CheckInDays.Every);
        var morning = Instant.FromUtc(2026, 6, 10, 6, 0);    // 08:00 in Berlin (UTC+2)
        Assert.Equal(Instant.FromUtc(2026, 6, 10, 18, 0), schedule.NextAfter(morning));
        Assert.Equal(Instant.FromUtc(2026, 6, 11, 18, 0), schedule.NextAfter(Instant.FromUtc(2026, 6, 10, 18, 0)));
    }

    [Fact]
    public void Partners_in_different_zones_get_their_own_local_time()
    {
        var now = Instant.FromUtc(2026, 6, 10, 0, 0);
        var tokyo = new CheckInSchedule(Zone("Asia/Tokyo"), new LocalTime(21, 0), CheckInDays.Every);
        var toronto = new CheckInSchedule(Zone("America/Toronto"), new LocalTime(21, 0), CheckInDays.Every);
        Assert.Equal(Instant.FromUtc(2026, 6, 10, 12, 0), tokyo.NextAfter(now));
        Assert.Equal(Instant.FromUtc(2026, 6, 10, 1, 0), toronto.NextAfter(now));   // still June 9 in Toronto at 00:00 UTC
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_fires_at_the_end_of_the_gap()
    {
        // Europe/Berlin, 2026-03-29: 02:00 jumps to 03:00.
        var schedule = new CheckInSchedule(Zone("Europe/Berlin"), new LocalTime(2, 30), CheckInDays.Every);
        var due = schedule.NextAfter(Instant.FromUtc(2026, 3, 28, 23, 0));
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 0), due);                   // 03:00 CEST
        Assert.Equal(new LocalDateTime(2026, 3, 29, 3, 0), due.InZone(schedule.Zone).LocalDateTime);
    }

    [Fact]
    public void A_time_repeated_by_fall_back_fires_once_at_its_first_occurrence()
    {
        // America/New_York, 2026-11-01: 01:00–02:00 happens twice.
        var schedule = new CheckInSchedule(Zone("America/New_York"), new LocalTime(1, 30), CheckInDays.Every);
        var first = schedule.NextAfter(Instant.FromUtc(2026, 11, 1, 0, 0));
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), first);                 // 01:30 EDT
        var next = schedule.NextAfter(first);
        Assert.Equal(Instant.FromUtc(2026, 11, 2, 6, 30), next);                  // the repeat at 06:30 UTC is skipped
    }

    [Fact]
    public void Weekdays_and_weekends_skip_the_other_days()
    {
        var friday = Instant.FromUtc(2026, 6, 12, 21, 0);  // after 20:00 UTC on a Friday
        var weekdays = new CheckInSchedule(DateTimeZone.Utc, new LocalTime(20, 0), CheckInDays.Weekdays);
        var weekends = new CheckInSchedule(DateTimeZone.Utc, new LocalTime(20, 0), CheckInDays.Weekends);
        Assert.Equal(IsoDayOfWeek.Monday, weekdays.NextAfter(friday).InUtc().DayOfWeek);
        Assert.Equal(IsoDayOfWeek.Saturday, weekends.NextAfter(friday).InUtc().DayOfWeek);
    }

    [Fact]
    public void A_pause_moves_the_next_check_in_to_after_it_ends()
    {
        var schedule = new CheckInSchedule(DateTimeZone.Utc, new LocalTime(20, 0), CheckInDays.Every);
        var now = Instant.FromUtc(2026, 6, 10, 12, 0);
        var pausedUntil = Instant.FromUtc(2026, 6, 13, 12, 0);
        Assert.Equal(Instant.FromUtc(2026, 6, 13, 20, 0), schedule.NextAfter(now, pausedUntil));
    }
}
