namespace BondBot.Features.Scheduling;

/// <summary>The <c>Scheduler</c> configuration section.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>Turn the prompt scheduler off (e.g. while migrating a database elsewhere).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due prompts are looked for.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After downtime, a prompt missed by less than this is still sent; older ones are skipped.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(3);

    /// <summary>How many due people one pass claims at most.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Sends in flight at once; the client's rate limiter paces them to Discord's limits.</summary>
    public int MaxConcurrentSends { get; set; } = 32;

    /// <summary>How long after your partner answered a question you get one gentle reminder.</summary>
    public TimeSpan NudgeAfter { get; set; } = TimeSpan.FromHours(4);

    /// <summary>No nudge between these local times (in each person's own zone).</summary>
    public TimeSpan QuietHoursStart { get; set; } = TimeSpan.FromHours(22);

    public TimeSpan QuietHoursEnd { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The quiet hours as local times of day (the settings hold them as spans since midnight).</summary>
    public NodaTime.LocalTime QuietStart => NodaTime.LocalTime.FromTicksSinceMidnight(QuietHoursStart.Ticks);

    public NodaTime.LocalTime QuietEnd => NodaTime.LocalTime.FromTicksSinceMidnight(QuietHoursEnd.Ticks);

    /// <summary>Whether a local time of day falls in the quiet hours (which may span midnight).</summary>
    public bool IsQuiet(NodaTime.LocalTime time) => IsQuiet(time, QuietStart, QuietEnd);

    /// <summary>Whether <paramref name="time"/> falls between <paramref name="start"/> and <paramref name="end"/>,
    /// across midnight when start is later than end.</summary>
    public static bool IsQuiet(NodaTime.LocalTime time, NodaTime.LocalTime start, NodaTime.LocalTime end) =>
        start <= end ? time >= start && time < end : time >= start || time < end;

    /// <summary>The weekly ritual rides on the first check-in prompt on or after this day.</summary>
    public DayOfWeek RitualDay { get; set; } = DayOfWeek.Sunday;

    /// <summary><see cref="RitualDay"/> as NodaTime counts days (Sunday is 7, not 0).</summary>
    public NodaTime.IsoDayOfWeek RitualIsoDay => RitualDay == DayOfWeek.Sunday ? NodaTime.IsoDayOfWeek.Sunday : (NodaTime.IsoDayOfWeek)(int)RitualDay;
}
