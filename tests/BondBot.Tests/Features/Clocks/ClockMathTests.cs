using BondBot.Features.Clocks;
using NodaTime;

namespace BondBot.Tests.Features.Clocks;

/// <summary>The clock arithmetic behind <c>/us</c> and the heads-up, against NodaTime's own tzdb.</summary>
public sealed class ClockMathTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
    private static readonly DateTimeZone Sydney = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
    private static readonly LocalTime QuietStart = new(22, 0);
    private static readonly LocalTime QuietEnd = new(8, 0);

    [Fact]
    public void London_and_Los_Angeles_are_eight_hours_apart_in_winter_and_seven_in_the_March_weeks_between_the_two_changes()
    {
        Assert.Equal(Offset.FromHours(-8), ClockMath.Difference(London, LosAngeles, Instant.FromUtc(2027, 1, 10, 12, 0)));
        Assert.Equal(Offset.FromHours(-7), ClockMath.Difference(London, LosAngeles, Instant.FromUtc(2027, 3, 20, 12, 0)));
        Assert.Equal("7 h", ClockMath.Apart(ClockMath.Difference(London, LosAngeles, Instant.FromUtc(2027, 3, 20, 12, 0))));
    }

    [Fact]
    public void Next_change_from_mid_March_2027_is_the_UK_switch_on_28_March_back_to_eight_hours()
    {
        var change = ClockMath.NextDifferenceChange(London, LosAngeles, Instant.FromUtc(2027, 3, 20, 12, 0), Duration.FromDays(366))!;
        Assert.Equal(Instant.FromUtc(2027, 3, 28, 1, 0), change.At);   // the UK changes at 01:00 UTC on the last Sunday of March
        Assert.Equal(Offset.FromHours(-7), change.Before);
        Assert.Equal(Offset.FromHours(-8), change.After);
    }

    [Fact]
    public void Transitions_on_the_same_instant_in_both_zones_do_not_count_as_a_change()
    {
        // London and Paris switch together: the gap stays 1 h all year.
        Assert.Null(ClockMath.NextDifferenceChange(London, Paris, Instant.FromUtc(2027, 1, 1, 0, 0), Duration.FromDays(366)));
        Assert.Null(ClockMath.NextDifferenceChange(London, London, Instant.FromUtc(2027, 1, 1, 0, 0), Duration.FromDays(366)));
    }

    [Fact]
    public void Kolkata_and_Sydney_move_from_five_and_a_half_to_four_and_a_half_hours_when_Sydney_ends_summer_time_in_April()
    {
        var summer = Instant.FromUtc(2027, 3, 20, 12, 0);
        Assert.Equal("5 h 30 min", ClockMath.Apart(ClockMath.Difference(Kolkata, Sydney, summer)));
        var change = ClockMath.NextDifferenceChange(Kolkata, Sydney, summer, Duration.FromDays(366))!;
        // First Sunday of April 2027 is the 4th; 03:00 summer time (UTC+11) is 16:00 UTC on the 3rd.
        Assert.Equal(Instant.FromUtc(2027, 4, 3, 16, 0), change.At);
        Assert.Equal("4 h 30 min", ClockMath.Apart(change.After));

        var winter = ClockMath.NextDifferenceChange(Kolkata, Sydney, Instant.FromUtc(2027, 6, 1, 0, 0), Duration.FromDays(366))!;
        // First Sunday of October 2027 is the 3rd; 02:00 standard time (UTC+10) is 16:00 UTC on the 2nd.
        Assert.Equal(Instant.FromUtc(2027, 10, 2, 16, 0), winter.At);
        Assert.Equal("5 h 30 min", ClockMath.Apart(winter.After));
    }

    [Fact]
    public void A_change_beyond_the_horizon_is_not_reported()
    {
        Assert.Null(ClockMath.NextDifferenceChange(London, LosAngeles, Instant.FromUtc(2027, 3, 20, 12, 0), Duration.FromDays(7)));
        Assert.NotNull(ClockMath.NextDifferenceChange(London, LosAngeles, Instant.FromUtc(2027, 3, 21, 2, 0), Duration.FromDays(7)));
    }

    [Fact]
    public void Awake_windows_for_London_and_Los_Angeles_are_the_London_evening_and_last_seven_hours_a_day_at_a_seven_hour_gap()
    {
        var from = Instant.FromUtc(2027, 3, 20, 12, 0);
        var windows = ClockMath.AwakeWindows(London, LosAngeles, QuietStart, QuietEnd, from, Duration.FromDays(7), Duration.FromMinutes(30));
        // LA wakes at 08:00 PDT = 15:00 UTC = 15:00 London; London sleeps at 22:00: 15:00–22:00 UTC each day.
        Assert.Equal(new AwakeWindow(Instant.FromUtc(2027, 3, 20, 15, 0), Instant.FromUtc(2027, 3, 20, 22, 0)), windows[0]);
        Assert.All(windows, w => Assert.True(w.Length >= Duration.FromMinutes(30)));
        // After the UK change (28 Mar) London sleeps at 21:00 UTC, so the windows shrink to six hours.
        var later = ClockMath.AwakeWindows(London, LosAngeles, QuietStart, QuietEnd, Instant.FromUtc(2027, 3, 28, 12, 0), Duration.FromDays(1), Duration.FromMinutes(30));
        Assert.Equal(new AwakeWindow(Instant.FromUtc(2027, 3, 28, 15, 0), Instant.FromUtc(2027, 3, 28, 21, 0)), later[0]);
    }

    [Fact]
    public void Awake_window_that_is_open_now_starts_now_and_one_spanning_UTC_midnight_is_kept_whole()
    {
        // Kolkata (UTC+5:30) and Sydney (UTC+11): Sydney wakes 21:00 UTC, Kolkata sleeps 16:30 UTC; Kolkata wakes
        // 02:30 UTC, Sydney sleeps 11:00 UTC: one window 02:30–11:00 UTC.
        var from = Instant.FromUtc(2027, 3, 20, 5, 0);
        var windows = ClockMath.AwakeWindows(Kolkata, Sydney, QuietStart, QuietEnd, from, Duration.FromDays(7), Duration.FromMinutes(30));
        Assert.Equal(new AwakeWindow(from, Instant.FromUtc(2027, 3, 20, 11, 0)), windows[0]);
        Assert.Equal(new AwakeWindow(Instant.FromUtc(2027, 3, 21, 2, 30), Instant.FromUtc(2027, 3, 21, 11, 0)), windows[1]);
        // Quiet hours that do not span midnight (01:00–07:00) leave an awake stretch across local midnight.
        var owl = ClockMath.Awake(DateTimeZone.Utc, new LocalTime(1, 0), new LocalTime(7, 0), Instant.FromUtc(2027, 3, 20, 12, 0), Instant.FromUtc(2027, 3, 21, 12, 0));
        Assert.Equal(new AwakeWindow(Instant.FromUtc(2027, 3, 20, 12, 0), Instant.FromUtc(2027, 3, 21, 1, 0)), owl[0]);
    }

    [Fact]
    public void Eleven_hours_apart_with_ten_hour_waking_days_leaves_no_window()
    {
        var auckland = DateTimeZoneProviders.Tzdb["Pacific/Auckland"];
        var windows = ClockMath.AwakeWindows(London, auckland, new LocalTime(20, 0), new LocalTime(10, 0), Instant.FromUtc(2027, 6, 1, 0, 0), Duration.FromDays(7), Duration.FromMinutes(30));
        Assert.Empty(windows);
    }

    [Fact]
    public void Awake_hours_on_a_spring_forward_day_follow_the_new_offset()
    {
        // London springs forward 28 Mar 2027 01:00 UTC: waking at 08:00 BST is 07:00 UTC that day, 08:00 UTC the day before.
        var awake = ClockMath.Awake(London, QuietStart, QuietEnd, Instant.FromUtc(2027, 3, 27, 0, 0), Instant.FromUtc(2027, 3, 29, 0, 0));
        Assert.Equal(Instant.FromUtc(2027, 3, 27, 8, 0), awake[0].Start);
        Assert.Equal(Instant.FromUtc(2027, 3, 28, 7, 0), awake[1].Start);
        Assert.Equal(Instant.FromUtc(2027, 3, 28, 21, 0), awake[1].End);
    }
}
