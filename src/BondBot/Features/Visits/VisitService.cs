using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.Visits;

/// <summary>The rules of <c>/visit</c>, with no Discord types: what a date must be, one current visit per pair, and
/// the countdown line everybody reads on their own local date.</summary>
public sealed class VisitService(VisitRepository visits, UserSettingsRepository settings, IClock clock)
{
    /// <summary>How far ahead a visit may be planned: far enough for any real plan, near enough to catch a typo'd year.</summary>
    public static readonly Period MaxAhead = Period.FromYears(2);

    /// <summary>A person's zone, and whether it was set (without one, dates are read in UTC and they're told so).</summary>
    public sealed record Where(DateTimeZone Zone, bool ZoneSet, LocalDate Today);

    public abstract record SetResult
    {
        public sealed record Saved(Visit Visit) : SetResult;
        public sealed record Refused(string Why) : SetResult;
    }

    public async Task<Where> WhereAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        var zone = (await settings.GetAsync(userId, cancellationToken)).Zone;
        return new Where(zone ?? DateTimeZone.Utc, zone is not null, clock.GetCurrentInstant().InZone(zone ?? DateTimeZone.Utc).Date);
    }

    public async Task<SetResult> SetAsync(Pair pair, ulong setterId, string? dateText, string? timeText, string? untilText,
        Func<Visit, IEnumerable<OutboxItem>> notices, CancellationToken cancellationToken = default)
    {
        var where = await WhereAsync(setterId, cancellationToken);
        var latest = where.Today.Plus(MaxAhead);
        if (ParseDate(dateText) is not { } date)
            return new SetResult.Refused($"I couldn't read {Shown(dateText)} as a date. Write it year-month-day, like `/visit set date:{Example(where.Today)}`.");
        if (date < where.Today)
            return new SetResult.Refused($"{Long(date)} has already passed for you (it's {Long(where.Today)} where you are). Pick today or a later day, like `/visit set date:{Example(where.Today)}`.");
        if (date > latest)
            return new SetResult.Refused($"That's more than two years away — I count visits up to {Long(latest)}. Did you mean another year? For example `/visit set date:{Example(where.Today)}`.");
        LocalTime? time = null;
        if (!string.IsNullOrWhiteSpace(timeText) && (time = TimeText.Parse(timeText)) is null)
            return new SetResult.Refused($"I couldn't read {Shown(timeText)} as a time. Use hours and minutes, like `time:18:30`.");
        var until = date;
        if (!string.IsNullOrWhiteSpace(untilText))
        {
            if (ParseDate(untilText) is not { } parsed)
                return new SetResult.Refused($"I couldn't read {Shown(untilText)} as a date. Write the last day together year-month-day, like `until:{Iso(date.PlusDays(3))}`.");
            if (parsed < date)
                return new SetResult.Refused($"`until` is your last day together, so it can't come before {Long(date)}. For example `until:{Iso(date.PlusDays(3))}`.");
            if (parsed > latest)
                return new SetResult.Refused($"That `until` is more than two years away — I count up to {Long(latest)}.");
            until = parsed;
        }
        var saved = await visits.SetAsync(pair.PairId, setterId, where.Zone, date, time, until, where.Today, clock.GetCurrentInstant(), notices, cancellationToken);
        return new SetResult.Saved(saved!);
    }

    /// <summary>The pair's current visit, not over yet on the asker's date.</summary>
    public async Task<Visit?> CurrentAsync(Pair pair, ulong askerId, CancellationToken cancellationToken = default) =>
        await visits.FirstEndingFromAsync(pair.PairId, (await WhereAsync(askerId, cancellationToken)).Today, cancellationToken);

    public async Task<Visit?> ClearAsync(Pair pair, ulong askerId, Func<Visit, IEnumerable<OutboxItem>> notices, CancellationToken cancellationToken = default) =>
        await visits.ClearAsync(pair.PairId, (await WhereAsync(askerId, cancellationToken)).Today, notices, cancellationToken);

    /// <summary>The countdown as <paramref name="viewerId"/> reads it today in their own zone ("✈️ 12 days until you see
    /// each other", "Today's the day 💛", the planning or after-the-goodbye line); null when there's nothing to count.</summary>
    public async Task<string?> CountdownLineAsync(Pair pair, ulong viewerId, CancellationToken cancellationToken = default) =>
        await LineOnAsync(pair, (await WhereAsync(viewerId, cancellationToken)).Today, cancellationToken: cancellationToken);

    /// <summary>The line for a given local date (the daily prompt knows the recipient's date already, and which days
    /// bring a prompt: <paramref name="promptsOn"/>).</summary>
    public async Task<string?> LineOnAsync(Pair pair, LocalDate today, Func<LocalDate, bool>? promptsOn = null, CancellationToken cancellationToken = default) =>
        // A visit that ended lately may still owe its goodbye line; if not, the next one's countdown is the line.
        (await visits.EndingFromAsync(pair.PairId, today.PlusDays(-VisitCalendar.GoodbyeWithinDays), 4, cancellationToken))
            .Select(visit => VisitLines.For(visit, today, promptsOn)).FirstOrDefault(line => line is not null);

    /// <summary>The line on <paramref name="userId"/>'s daily prompt of <paramref name="today"/>: on the days their
    /// check-ins run (a weekdays-only person gets the planning and goodbye lines on their next prompt day instead).</summary>
    public async Task<string?> PromptLineAsync(Pair pair, ulong userId, LocalDate today, CancellationToken cancellationToken = default)
    {
        var days = (await settings.GetAsync(userId, cancellationToken)).Days;
        return await LineOnAsync(pair, today, day => days.Includes(day.DayOfWeek), cancellationToken);
    }

    /// <summary>For <c>/insights</c>: "3 since you paired · last one ended Sun 2 Mar"; null when there were none yet.</summary>
    public async Task<string?> InsightLineAsync(Pair pair, ulong viewerId, CancellationToken cancellationToken = default)
    {
        var history = await visits.PastAsync(pair.PairId, (await WhereAsync(viewerId, cancellationToken)).Today, cancellationToken);
        return history is { Count: > 0, LastEndedOn: { } last }
            ? $"{history.Count} since you paired · last one ended {Short(last)}"
            : null;
    }

    private static LocalDate? ParseDate(string? text) =>
        LocalDatePattern.Iso.Parse(text?.Trim() ?? "") is { Success: true } result ? result.Value : null;

    // What the person typed, shown back inside a code span: backticks removed so it can't break out, and clipped.
    private static string Shown(string? text) =>
        (text ?? "").Replace("`", "", StringComparison.Ordinal).Trim() is { Length: > 0 } clean ? $"`{(clean.Length > 40 ? clean[..40] + "…" : clean)}`" : "that";

    // A month ahead: a plausible visit date to copy, always valid.
    private static string Example(LocalDate today) => Iso(today.PlusDays(30));

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Long(LocalDate date) => LocalDatePattern.CreateWithInvariantCulture("ddd d MMM yyyy").Format(date);

    public static string Short(LocalDate date) => LocalDatePattern.CreateWithInvariantCulture("ddd d MMM").Format(date);
}
