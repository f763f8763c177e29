using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>
/// Streaks count consecutive days on which both partners checked in. One missed day per week is forgiven, so one
/// partner's busy day does not wipe out a month: a miss is forgiven when no other miss was forgiven in the 7 days
/// before it; a second miss inside that week ends the streak. Forgiven days do not add to the count. Today never
/// breaks a streak — it is still in progress.
/// </summary>
public static class StreakCalculator
{
    public const int ForgivenessWindowDays = 7;

    public readonly record struct Streaks(int Current, int Best);

    public static Streaks Compute(IReadOnlyCollection<LocalDate> daysBothCheckedIn, LocalDate today)
    {
        if (daysBothCheckedIn.Count == 0)
            return new Streaks(0, 0);
        var days = daysBothCheckedIn.ToHashSet();
        var run = 0;
        var best = 0;
        LocalDate? lastForgiven = null;
        for (var day = days.Min(); day <= today; day = day.PlusDays(1))
        {
            if (days.Contains(day))
            {
                run++;
                best = Math.Max(best, run);
                continue;
            }
            if (day == today)
                break;
            var canForgive = run > 0 && (lastForgiven is null || Period.Between(lastForgiven.Value, day, PeriodUnits.Days).Days >= ForgivenessWindowDays);
            if (canForgive)
            {
                lastForgiven = day;
            }
            else
            {
                run = 0;
                lastForgiven = null;
            }
        }
        return new Streaks(run, best);
    }
}
