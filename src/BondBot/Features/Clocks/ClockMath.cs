using NodaTime;

namespace BondBot.Features.Clocks;

/// <summary>A moment when the gap between two clocks changes: from <see cref="Before"/> to <see cref="After"/> (each the
/// second zone's offset minus the first's).</summary>
public sealed record DifferenceChange(Instant At, Offset Before, Offset After);

/// <summary>A stretch of time when both partners are outside their quiet hours.</summary>
public sealed record AwakeWindow(Instant Start, Instant End)
{
    public Duration Length => End - Start;
}

/// <summary>
/// The arithmetic of two clocks, kept free of Discord and storage so the daylight-saving cases can be tested directly.
/// Everything works from UTC offsets at instants (never from wall-clock sums), because that is what changes on a
/// clock-change day.
/// </summary>
public static class ClockMath
{
    /// <summary>How far <paramref name="b"/>'s clock is ahead of <paramref name="a"/>'s at <paramref name="at"/>.</summary>
    public static Offset Difference(DateTimeZone a, DateTimeZone b, Instant at) => b.GetUtcOffset(at) - a.GetUtcOffset(at);

    /// <summary>The first instant in (<paramref name="from"/>, <paramref name="from"/> + <paramref name="within"/>]
    /// at which either zone changes its offset in a way that changes the difference; null if none. Transitions on the
    /// same instant in both zones (the EU switches together) cancel out and are skipped.</summary>
    public static DifferenceChange? NextDifferenceChange(DateTimeZone a, DateTimeZone b, Instant from, Duration within)
    {
        var end = from + within;
        var transitions = Transitions(a, from, end).Concat(Transitions(b, from, end)).Distinct().Order();
        foreach (var at in transitions)
        {
            var before = Difference(a, b, at - Duration.Epsilon);
            var after = Difference(a, b, at);
            if (before != after)
                return new DifferenceChange(at, before, after);
        }
        return null;
    }

    private static IEnumerable<Instant> Transitions(DateTimeZone zone, Instant from, Instant end) =>
        zone.GetZoneIntervals(from, end).Where(i => i.HasStart && i.Start > from && i.Start <= end).Select(i => i.Start);

    /// <summary>The windows in [<paramref name="from"/>, <paramref name="from"/> + <paramref name="span"/>) when
    /// neither person is in their quiet hours (<paramref name="quietStart"/>–<paramref name="quietEnd"/>, local, may
    /// span midnight), each at least <paramref name="minimum"/> long. Quiet hours are placed on each local date in each
    /// zone, so a 23-hour or 25-hour day moves them correctly.</summary>
    public static IReadOnlyList<AwakeWindow> AwakeWindows(DateTimeZone a, DateTimeZone b, LocalTime quietStart, LocalTime quietEnd,
        Instant from, Duration span, Duration minimum)
    {
        var end = from + span;
        var both = Intersect(Awake(a, quietStart, quietEnd, from, end), Awake(b, quietStart, quietEnd, from, end));
        return both.Where(w => w.Length >= minimum).ToList();
    }

    /// <summary>One person's waking stretches overlapping [from, end), clipped to it, in order.</summary>
    public static IReadOnlyList<AwakeWindow> Awake(DateTimeZone zone, LocalTime quietStart, LocalTime quietEnd, Instant from, Instant end)
    {
        if (quietStart == quietEnd)
            return [new AwakeWindow(from, end)];   // no quiet hours at all
        var windows = new List<AwakeWindow>();
        var first = from.InZone(zone).Date.PlusDays(-1);
        var last = end.InZone(zone).Date.PlusDays(1);
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            // Awake from the end of the quiet hours to their next start: the same day when they span midnight.
            var wake = zone.AtLeniently(date + quietEnd).ToInstant();
            var sleepDate = quietStart > quietEnd ? date : date.PlusDays(1);
            var sleep = zone.AtLeniently(sleepDate + quietStart).ToInstant();
            var start = Instant.Max(wake, from);
            var stop = Instant.Min(sleep, end);
            if (start < stop)
                windows.Add(new AwakeWindow(start, stop));
        }
        return windows;
    }

    private static List<AwakeWindow> Intersect(IReadOnlyList<AwakeWindow> x, IReadOnlyList<AwakeWindow> y)
    {
        var result = new List<AwakeWindow>();
        int i = 0, j = 0;
        while (i < x.Count && j < y.Count)
        {
            var start = Instant.Max(x[i].Start, y[j].Start);
            var stop = Instant.Min(x[i].End, y[j].End);
            if (start < stop)
                result.Add(new AwakeWindow(start, stop));
            if (x[i].End < y[j].End) i++; else j++;
        }
        return result;
    }

    /// <summary>"7 h", "4 h 30 min", "45 min" — the size of a gap, without its sign.</summary>
    public static string Apart(Offset difference)
    {
        var minutes = Math.Abs(difference.Seconds) / 60;
        var (h, m) = (minutes / 60, minutes % 60);
        return h == 0 ? $"{m} min" : m == 0 ? $"{h} h" : $"{h} h {m} min";
    }
}
