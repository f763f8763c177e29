using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.Pulse;

/// <summary>The pulse rules: a month is the person's own local month; ratings are saved step by step; the partner's
/// ratings unlock only when both finished that month within this pair, and the first to finish is told (through the
/// outbox) when the pair is complete.</summary>
public sealed class PulseService(PulseRepository pulses, UserSettingsRepository settings, PulseIdeas ideas, IEnumerable<IPulseObserver> observers, IClock clock)
{
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.Iso;

    public async Task<string> CurrentMonthAsync(ulong userId, CancellationToken cancellationToken)
    {
        var zone = (await settings.GetAsync(userId, cancellationToken)).Zone ?? DateTimeZone.Utc;
        return MonthPattern.Format(clock.GetCurrentInstant().InZone(zone).Date.ToYearMonth());
    }

    public static string? PreviousMonth(string month) =>
        MonthPattern.Parse(month) is { Success: true } parsed ? MonthPattern.Format(parsed.Value.PlusMonths(-1)) : null;

    /// <summary>The first dimension still unrated this month within this pair, or null when the pulse is complete.</summary>
    public async Task<int?> NextStepAsync(ulong userId, Pair pair, string month, CancellationToken cancellationToken)
    {
        var ratings = await pulses.GetAsync(userId, month, pair.PairId, cancellationToken);
        if (ratings is null) return 0;
        var index = Array.FindIndex(ratings.Values, v => v is null);
        return index < 0 ? null : index;
    }

    public async Task RateAsync(ulong userId, Pair pair, string month, int dimension, int rating, CancellationToken cancellationToken)
    {
        var partnerId = pair.PartnerOf(userId);
        // The partner finished first: they get the side by side, built from the ratings inside the saving transaction.
        var completed = await pulses.SaveAsync(userId, partnerId, month, pair.PairId, dimension, rating, clock.GetCurrentInstant(), async (mine, theirs) =>
        {
            var theirLast = PreviousMonth(month) is { } previous ? await pulses.GetAsync(partnerId, previous, cancellationToken: cancellationToken) : null;
            var results = PulseCards.Results(theirs, theirLast is { Complete: true } ? theirLast : null, mine, userId, ideas, month);
            return [OutboxItem.ToPartner(OutboxKinds.PulseComplete, pair.PairId, partnerId,
                results with { Content = "You've both answered this month's closeness pulse:" }, $"pulse-complete:{pair.PairId}:{month}:{partnerId}")];
        }, cancellationToken);
        if (completed is var (mine, theirs))
            foreach (var observer in observers)
                await observer.PairCompletedAsync(pair, userId, mine, theirs, cancellationToken);
    }

    /// <summary>The results message for a finished pulse: own trend, plus the partner's only if they finished too, within this pair.</summary>
    public async Task<BondBot.Discord.MessagePayload> ResultsAsync(ulong userId, Pair pair, string month, CancellationToken cancellationToken)
    {
        var (mine, last, theirs) = await ReadAsync(userId, pair, month, cancellationToken);
        return PulseCards.Results(mine!, last, theirs, pair.PartnerOf(userId), ideas, month);
    }

    /// <summary>Pulse lines for insights: null when the person has not finished this month's pulse.</summary>
    public async Task<string?> InsightLinesAsync(ulong userId, Pair pair, CancellationToken cancellationToken)
    {
        var month = await CurrentMonthAsync(userId, cancellationToken);
        var (mine, last, theirs) = await ReadAsync(userId, pair, month, cancellationToken);
        return mine is { Complete: true } ? PulseCards.Lines(mine, last, theirs, pair.PartnerOf(userId)) : null;
    }

    /// <summary>Up to <paramref name="months"/> of your completed months within this pair, oldest first, each with your
    /// partner's ratings where they completed that month too (what the pulse card already showed you side by side).</summary>
    public async Task<IReadOnlyList<(string Month, PulseRepository.Ratings Mine, PulseRepository.Ratings? Partner)>> HistoryAsync(
        ulong userId, Pair pair, int months, CancellationToken cancellationToken)
    {
        var history = new List<(string, PulseRepository.Ratings, PulseRepository.Ratings?)>();
        // A few extra months read: an unfinished month is skipped, not counted against the picture's six.
        foreach (var month in await pulses.MonthsAsync(userId, pair.PairId, months + 2, cancellationToken))
        {
            if (history.Count == months || await pulses.GetAsync(userId, month, pair.PairId, cancellationToken) is not { Complete: true } mine)
                continue;
            var theirs = await pulses.GetAsync(pair.PartnerOf(userId), month, pair.PairId, cancellationToken);
            history.Add((month, mine, theirs is { Complete: true } ? theirs : null));
        }
        history.Reverse();
        return history;
    }

    // Your own month and the one before (your own trend, whoever you were with), and your partner's month only when
    // complete and given within this pair.
    private async Task<(PulseRepository.Ratings? Mine, PulseRepository.Ratings? LastMonth, PulseRepository.Ratings? Partner)> ReadAsync(
        ulong userId, Pair pair, string month, CancellationToken cancellationToken)
    {
        var mine = await pulses.GetAsync(userId, month, pair.PairId, cancellationToken);
        var last = PreviousMonth(month) is { } previous ? await pulses.GetAsync(userId, previous, cancellationToken: cancellationToken) : null;
        var theirs = await pulses.GetAsync(pair.PartnerOf(userId), month, pair.PairId, cancellationToken);
        return (mine, last is { Complete: true } ? last : null, theirs is { Complete: true } ? theirs : null);
    }
}
