using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>The check-in rules: a mood from 1 to 5 and three optional short answers, once per person per local day.</summary>
public sealed class CheckInService(CheckInRepository checkIns, UserSettingsRepository settings, PairingRepository pairs, IClock clock)
{
    public const int MaxNoteLength = 300;

    /// <summary>The person's local "today": their own zone, or UTC until they set one.</summary>
    public async Task<LocalDate> TodayAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        var zone = (await settings.GetAsync(userId, cancellationToken)).Zone ?? DateTimeZone.Utc;
        return clock.GetCurrentInstant().InZone(zone).Date;
    }

    public async Task<LocalDate> RecordMoodAsync(ulong userId, int mood, LocalDate? day = null, CancellationToken cancellationToken = default)
    {
        if (mood is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(mood), "Mood is 1 to 5.");
        var date = day ?? await TodayAsync(userId, cancellationToken);
        var pair = await pairs.GetActivePairAsync(userId, cancellationToken);
        await checkIns.SaveMoodAsync(userId, date, pair?.PairId, mood, clock.GetCurrentInstant(), cancellationToken);
        return date;
    }

    /// <summary>Whether a day is one the person may still fill in: their today, or yesterday (a modal left open over midnight).</summary>
    public async Task<bool> IsOpenDayAsync(ulong userId, LocalDate date, CancellationToken cancellationToken = default)
    {
        var today = await TodayAsync(userId, cancellationToken);
        return date == today || date == today.PlusDays(-1);
    }

    public Task<CheckIn?> GetAsync(ulong userId, LocalDate date, CancellationToken cancellationToken = default) =>
        checkIns.GetAsync(userId, date, cancellationToken);

    /// <summary>Saves the day's check-in with its notes; for a pair the partner's card is written with it (see
    /// <see cref="CheckInRepository.SaveNotesAsync"/>). A blank field erases a saved note only when the form showed
    /// that note (<paramref name="shown"/>): clearing it was deliberate. Returns the saved check-in and the pair it
    /// was shared with, if any.</summary>
    public async Task<(CheckIn Saved, Pair? Pair)> RecordNotesAsync(ulong userId, LocalDate date, int mood, string? goodThing, string? stress, string? need,
        CheckInForm.Shown shown = CheckInForm.Shown.None, CancellationToken cancellationToken = default)
    {
        if (mood is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(mood), "Mood is 1 to 5.");
        var pair = await pairs.GetActivePairAsync(userId, cancellationToken);
        var saved = await checkIns.SaveNotesAsync(userId, date, pair?.PairId, mood,
            Edit(goodThing, shown, CheckInForm.Shown.Good), Edit(stress, shown, CheckInForm.Shown.Stress), Edit(need, shown, CheckInForm.Shown.Need),
            clock.GetCurrentInstant(),
            saved => pair is null
                ? []
                : [OutboxItem.ToPartner(OutboxKinds.CheckInCard, pair.PairId, pair.PartnerOf(userId), CheckInPartnerCard.For(saved), $"checkin:{pair.PairId}:{userId}:{date:yyyy-MM-dd}")],
            cancellationToken);
        return (saved, pair);
    }

    private static CheckInRepository.NoteEdit Edit(string? text, CheckInForm.Shown shown, CheckInForm.Shown field) =>
        new(Clean(text), KeepWhenBlank: !shown.HasFlag(field));

    /// <summary>Streaks of this pair: days both checked in while paired with each other.</summary>
    public async Task<StreakCalculator.Streaks> StreaksAsync(Pair pair, ulong forUser, CancellationToken cancellationToken = default)
    {
        var days = await checkIns.DaysBothCheckedInAsync(pair.PairId, pair.UserA, pair.UserB, cancellationToken);
        return StreakCalculator.Compute(days, await TodayAsync(forUser, cancellationToken));
    }

    /// <summary>Moods for insights: your own within this pair, and your partner's only as far as they were shared with you.</summary>
    public Task<IReadOnlyDictionary<LocalDate, int>> MoodsAsync(Pair pair, ulong userId, ulong viewerId, LocalDate from, LocalDate to, CancellationToken cancellationToken = default) =>
        checkIns.MoodsAsync(userId, pair.PairId, sharedOnly: userId != viewerId, from, to, cancellationToken);

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is { Length: > MaxNoteLength } long_ ? long_[..MaxNoteLength] : text.Trim();
}
