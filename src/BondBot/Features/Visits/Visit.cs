using NodaTime;

namespace BondBot.Features.Visits;

/// <summary>One visit of a pair: the first and last day together (calendar dates, the same day for both partners),
/// the arrival time when one was given (local to <see cref="Zone"/>, the setter's zone), and who set it.</summary>
public sealed record Visit(long VisitId, long PairId, ulong SetterId, DateTimeZone Zone, LocalDate StartsOn, LocalTime? StartTime, LocalDate EndsOn)
{
    public bool HasUntil => EndsOn != StartsOn;

    /// <summary>The instant shown as a Discord timestamp: the arrival time when given, else noon of the first day in
    /// the setter's zone, so the date reads the same in every zone within twelve hours of theirs.</summary>
    public Instant StartInstant => Zone.AtLeniently(StartsOn.At(StartTime ?? new LocalTime(12, 0))).ToInstant();

    public Instant EndInstant => Zone.AtLeniently(EndsOn.At(new LocalTime(12, 0))).ToInstant();

    public int Days => Period.Between(StartsOn, EndsOn, PeriodUnits.Days).Days + 1;
}

/// <summary>Where a person stands with a visit on their own local date.</summary>
public enum VisitPhase { Ahead, Planning, Tomorrow, Today, Together, AfterGoodbye, Over }

/// <summary>The day arithmetic, kept pure: everything is counted on the viewer's own local date.</summary>
public static class VisitCalendar
{
    /// <summary>Three days before, the countdown line becomes a planning prompt.</summary>
    public const int PlanningDaysBefore = 3;

    /// <summary>The after-the-goodbye check-in comes the day after the visit, or on the first prompt day within this many
    /// days of it for someone whose check-ins skip that day (weekdays only, say).</summary>
    public const int GoodbyeWithinDays = 3;

    public static int DaysUntil(LocalDate today, LocalDate day) => Period.Between(today, day, PeriodUnits.Days).Days;

    /// <summary>The phase on <paramref name="today"/>. With <paramref name="promptsOn"/> (the days this person gets a
    /// daily prompt), the planning and after-goodbye lines move to the first prompt day in their window, so someone
    /// who skips the exact day still gets each once: planning from three days before until the day before, the goodbye
    /// from the day after until three days after. Without it, every day counts (<c>/us</c>, <c>/visit show</c>).</summary>
    public static VisitPhase PhaseOn(Visit visit, LocalDate today, Func<LocalDate, bool>? promptsOn = null)
    {
        promptsOn ??= _ => true;
        var until = DaysUntil(today, visit.StartsOn);
        var sinceEnd = DaysUntil(visit.EndsOn, today);
        if (until is > 0 and <= PlanningDaysBefore && FirstPromptDay(visit.StartsOn.PlusDays(-PlanningDaysBefore), PlanningDaysBefore, promptsOn) == today)
            return VisitPhase.Planning;
        if (sinceEnd is > 0 and <= GoodbyeWithinDays && FirstPromptDay(visit.EndsOn.PlusDays(1), GoodbyeWithinDays, promptsOn) == today)
            return VisitPhase.AfterGoodbye;
        return until switch
        {
            > 1 => VisitPhase.Ahead,
            1 => VisitPhase.Tomorrow,
            0 => VisitPhase.Today,
            _ when sinceEnd <= 0 => VisitPhase.Together,
            _ => VisitPhase.Over,
        };
    }

    private static LocalDate? FirstPromptDay(LocalDate from, int days, Func<LocalDate, bool> promptsOn) =>
        Enumerable.Range(0, days).Select(from.PlusDays).Cast<LocalDate?>().FirstOrDefault(d => promptsOn(d!.Value));
}
