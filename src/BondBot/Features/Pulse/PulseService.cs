using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using BondBot.Features.Space;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.Pulse;

/// <summary>The pulse rules: a month is the person's own local month; ratings are saved step by step; the partner's
/// ratings unlock only when both finished that month, and the first to finish is told when the pair is complete.</summary>
public sealed class PulseService(PulseRepository pulses, PairingService pairing, UserSettingsRepository settings, PairDelivery delivery, IClock clock)
{
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.Iso;

    public async Task<string> CurrentMonthAsync(ulong userId, CancellationToken cancellationToken)
    {
        var zone = (await settings.GetAsync(userId, cancellationToken)).Zone ?? DateTimeZone.Utc;
        return MonthPattern.Format(clock.GetCurrentInstant().InZone(zone).Date.ToYearMonth());
    }

    public static string? PreviousMonth(string month) =>
        MonthPattern.Parse(month) is { Success: true } parsed ? MonthPattern.Format(parsed.Value.PlusMonths(-1)) : null;

    /// <summary>The first dimension still unrated this month, or null when the pulse is complete.</summary>
    public async Task<int?> NextStepAsync(ulong userId, string month, CancellationToken cancellationToken)
    {
        var ratings = await pulses.GetAsync(userId, month, cancellationToken);
        if (ratings is null) return 0;
        var index = Array.FindIndex(ratings.Values, v => v is null);
        return index < 0 ? null : index;
    }

    public async Task RateAsync(ulong userId, string month, int dimension, int rating, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(userId, cancellationToken);
        await pulses.SaveAsync(userId, month, pair?.PairId, dimension, rating, clock.GetCurrentInstant(), cancellationToken);
    }

    /// <summary>The results message for a finished pulse: own trend, plus the partner's only if they finished too.</summary>
    public async Task<BondBot.Discord.MessagePayload> ResultsAsync(ulong userId, Pair pair, string month, CancellationToken cancellationToken)
    {
        var mine = (await pulses.GetAsync(userId, month, cancellationToken))!;
        var last = PreviousMonth(month) is { } previous ? await pulses.GetAsync(userId, previous, cancellationToken) : null;
        var partnerId = pair.PartnerOf(userId);
        var theirs = await pulses.GetAsync(partnerId, month, cancellationToken);
        return PulseCards.Results(mine, last is { Complete: true } ? last : null, theirs is { Complete: true } ? theirs : null, partnerId);
    }

    /// <summary>Pulse lines for insights: null when the person has not finished this month's pulse.</summary>
    public async Task<string?> InsightLinesAsync(ulong userId, Pair pair, CancellationToken cancellationToken)
    {
        var month = await CurrentMonthAsync(userId, cancellationToken);
        if (await pulses.GetAsync(userId, month, cancellationToken) is not { Complete: true } mine)
            return null;
        var last = PreviousMonth(month) is { } previous ? await pulses.GetAsync(userId, previous, cancellationToken) : null;
        var theirs = await pulses.GetAsync(pair.PartnerOf(userId), month, cancellationToken);
        return PulseCards.Lines(mine, last is { Complete: true } ? last : null, theirs is { Complete: true } ? theirs : null, pair.PartnerOf(userId), withSuggestion: false);
    }

    /// <summary>When this finish completes the pair's month, the partner (who finished first) gets the side-by-side too.</summary>
    public async Task NotifyPartnerIfPairCompleteAsync(ulong userId, Pair pair, string month, CancellationToken cancellationToken)
    {
        var partnerId = pair.PartnerOf(userId);
        if (await pulses.GetAsync(partnerId, month, cancellationToken) is not { Complete: true })
            return;
        var results = await ResultsAsync(partnerId, pair, month, cancellationToken);
        await delivery.SendToAsync(pair, partnerId, results with { Content = "You've both answered this month's closeness pulse:" }, cancellationToken);
    }
}
