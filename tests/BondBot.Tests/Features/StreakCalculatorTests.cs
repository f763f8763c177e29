using BondBot.Features.CheckIns;
using NodaTime;

namespace BondBot.Tests.Features;

public sealed class StreakCalculatorTests
{
    private static readonly LocalDate Today = new(2026, 6, 30);

    private static LocalDate[] Days(params int[] daysAgo) => daysAgo.Select(d => Today.PlusDays(-d)).ToArray();

    [Fact]
    public void No_check_ins_no_streak() => Assert.Equal(new StreakCalculator.Streaks(0, 0), StreakCalculator.Compute([], Today));

    [Fact]
    public void Consecutive_days_count_and_today_still_pending_does_not_break()
    {
        Assert.Equal(3, StreakCalculator.Compute(Days(3, 2, 1), Today).Current);
        Assert.Equal(4, StreakCalculator.Compute(Days(3, 2, 1, 0), Today).Current);
    }

    [Fact]
    public void One_missed_day_in_a_week_is_forgiven()
    {
        var streak = StreakCalculator.Compute(Days(5, 4, 2, 1), Today);   // day 3 missed
        Assert.Equal(4, streak.Current);
    }

    [Fact]
    public void A_second_miss_within_the_same_week_ends_the_streak()
    {
        var streak = StreakCalculator.Compute(Days(8, 7, 5, 3, 2, 1), Today);   // misses at 6 and 4
        Assert.Equal(3, streak.Current);
        Assert.Equal(3, streak.Best);
    }

    [Fact]
    public void Misses_a_week_apart_are_each_forgiven()
    {
        var checkedIn = Enumerable.Range(1, 20).Where(d => d != 4 && d != 12).ToArray();   // misses 8 days apart
        Assert.Equal(18, StreakCalculator.Compute(Days(checkedIn), Today).Current);
    }

    [Fact]
    public void Two_missed_days_in_a_row_end_it_and_the_best_is_remembered()
    {
        var streak = StreakCalculator.Compute(Days(12, 11, 10, 9, 8, 7, 4, 3), Today);
        Assert.Equal(0, streak.Current);   // day 2 and 1 missed
        Assert.Equal(6, streak.Best);
    }
}
