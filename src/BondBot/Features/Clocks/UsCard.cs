using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using NodaTime;

namespace BondBot.Features.Clocks;

/// <summary>The lines of <c>/us</c> for one viewer: both clocks, the gap, quiet hours, the next time both are awake,
/// how long they have been paired and the next clock change that alters the gap. Pure: everything comes in.</summary>
public static class UsCard
{
    public static readonly Duration WindowSpan = Duration.FromDays(7);
    public static readonly Duration MinimumWindow = Duration.FromMinutes(30);
    public static readonly Duration ChangeHorizon = Duration.FromDays(366);

    public static List<string> Lines(Pair pair, UserSettings me, UserSettings partner, Instant now, LocalTime quietStart, LocalTime quietEnd)
    {
        var them = PairingMessages.Mention(partner.UserId);
        var lines = new List<string> { $"🕰️ **You and {them}**" };
        bool Quiet(DateTimeZone zone) => Scheduling.SchedulerOptions.IsQuiet(now.InZone(zone).TimeOfDay, quietStart, quietEnd);

        if (me.Zone is not { } mine || partner.Zone is not { } theirs)
        {
            lines.Add(me.Zone is { } z ? $"Your time: **{ClockWords.DayAndTime(now.InZone(z))}** ({z.Id})" : "I don't know your time zone yet — set it with `/settings timezone`.");
            lines.Add(partner.Zone is { } p ? $"{them}'s time: **{ClockWords.DayAndTime(now.InZone(p))}** ({p.Id})" : $"I don't know {them}'s time zone yet — they can set it with `/settings timezone`.");
        }
        else if (mine.Id == theirs.Id)
        {
            // One zone: one clock, no gap, no window to find, no clock change that could move you apart.
            lines.Add($"You're in the same time zone ({mine.Id}): it's **{ClockWords.DayAndTime(now.InZone(mine))}** for you both.");
            if (Quiet(mine)) lines.Add("It's quiet hours for you both right now.");
        }
        else
        {
            lines.Add($"Your time: **{ClockWords.DayAndTime(now.InZone(mine))}** ({mine.Id})");
            lines.Add($"{them}'s time: **{ClockWords.DayAndTime(now.InZone(theirs))}** ({theirs.Id})");
            var gap = ClockMath.Difference(mine, theirs, now);
            lines.Add(gap == Offset.Zero ? "Same time right now, though you're in different time zones."
                : $"**{ClockMath.Apart(gap)} apart** — {them} is {ClockMath.Apart(gap)} {(gap > Offset.Zero ? "ahead of" : "behind")} you.");
            lines.Add((Quiet(mine), Quiet(theirs)) switch
            {
                (true, true) => "It's quiet hours for you both right now.",
                (true, false) => "You're in your quiet hours right now.",
                (false, true) => $"{them} is in their quiet hours right now.",
                _ => "Neither of you is in quiet hours right now.",
            });
            lines.Add(Window(ClockMath.AwakeWindows(mine, theirs, quietStart, quietEnd, now, WindowSpan, MinimumWindow), mine, now));
            lines.Add(Change(ClockMath.NextDifferenceChange(mine, theirs, now, ChangeHorizon), mine));
        }
        lines.Add(Paired(pair, me.Zone ?? DateTimeZone.Utc, now));
        return lines;
    }

    private static string Window(IReadOnlyList<AwakeWindow> windows, DateTimeZone mine, Instant now)
    {
        if (windows.Count == 0)
            return "This week there's no stretch of 30 minutes or more when you're both awake.";
        var w = windows[0];
        var (start, end) = (w.Start.InZone(mine), w.End.InZone(mine));
        var until = start.Date == end.Date ? ClockWords.Clock(end.TimeOfDay) : ClockWords.DayAndTime(end);
        return w.Start <= now
            ? $"You're both awake now, until {until} your time ({ClockWords.Stamp(w.End)})."
            : $"Next time you're both awake: **{ClockWords.DayAndTime(start)}–{until}** your time ({ClockWords.Stamp(w.Start)}–{ClockWords.Stamp(w.End)}).";
    }

    private static string Change(DifferenceChange? change, DateTimeZone mine) => change is null
        ? "No clock change in the next year alters the gap between you."
        : $"From {ClockWords.Date(change.At.InZone(mine).Date)} you'll be {Gap(change.After)} instead of {Instead(change.Before)} (the clocks change {ClockWords.Stamp(change.At, 'f')}).";

    /// <summary>"8 h apart", or "on the same time" when the offsets meet.</summary>
    public static string Gap(Offset difference) => difference == Offset.Zero ? "on the same time" : $"{ClockMath.Apart(difference)} apart";

    /// <summary>The gap being left: "7 h" (after "8 h apart instead of"), or "the same time".</summary>
    public static string Instead(Offset difference) => difference == Offset.Zero ? "the same time" : ClockMath.Apart(difference);

    private static string Paired(Pair pair, DateTimeZone zone, Instant now)
    {
        var since = pair.CreatedAt.InZone(zone).Date;
        var days = Period.Between(since, now.InZone(zone).Date, PeriodUnits.Days).Days;
        return days <= 0 ? "You paired today 💛" : $"Paired for {Interactions.Plural.Of(days, "day")} (since {ClockWords.Date(since)}) 💛";
    }
}
