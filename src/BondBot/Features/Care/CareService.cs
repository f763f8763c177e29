using BondBot.Features.Delivery;
using BondBot.Features.Pairing;
using BondBot.Features.Pulse;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Care;

/// <summary>
/// When someone seems to be struggling, they alone get one kind private message pointing first to support of their
/// own: after five check-ins in a row with a mood of 1 or 2, or when both partners' monthly pulse came out low (each
/// privately). At most once every 30 days per person, recorded in the prompt ledger so a restart never repeats it.
/// BondBot is not therapy; the message says so.
/// </summary>
public sealed class CareService(
    CheckIns.CheckInRepository checkIns,
    PromptLedger ledger,
    PairingService pairing,
    DirectMessenger dms,
    IOptions<CareOptions> options,
    IClock clock) : CheckIns.IMoodObserver, IPulseObserver
{
    public const int LowMood = 2;
    public const int InARow = 5;
    /// <summary>A pulse is low when its six ratings average 2 or less.</summary>
    public const double LowPulseAverage = 2.0;
    public static readonly Duration Cooldown = Duration.FromDays(30);
    public const string CareKind = "care";

    public Task MoodRecordedAsync(ulong userId, LocalDate date, CancellationToken cancellationToken) => CheckAsync(userId, date, cancellationToken);

    public async Task<bool> CheckAsync(ulong userId, LocalDate today, CancellationToken cancellationToken)
    {
        var recent = await checkIns.LatestMoodsAsync(userId, InARow, cancellationToken);
        if (recent.Count < InARow || recent.Any(m => m > LowMood))
            return false;
        return await SendAsync(userId, today, CareMessage.Reason.LowMoods, cancellationToken);
    }

    public async Task PairCompletedAsync(Pair pair, ulong userId, PulseRepository.Ratings mine, PulseRepository.Ratings theirs, CancellationToken cancellationToken)
    {
        if (!IsLow(mine) || !IsLow(theirs))
            return;
        var today = clock.GetCurrentInstant().InUtc().Date;
        foreach (var person in new[] { pair.UserA, pair.UserB })
            await SendAsync(person, today, CareMessage.Reason.LowPulse, cancellationToken);
    }

    private static bool IsLow(PulseRepository.Ratings ratings) => ratings.Values.Average(v => v ?? 0) <= LowPulseAverage;

    private async Task<bool> SendAsync(ulong userId, LocalDate today, CareMessage.Reason reason, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (await ledger.LastAsync(userId, CareKind, cancellationToken) is { } sent && now - sent < Cooldown)
            return false;
        if (!await ledger.TryRecordAsync(userId, today, CareKind, "sent", now, cancellationToken))
            return false;
        var partner = (await pairing.GetActivePairAsync(userId, cancellationToken))?.PartnerOf(userId);
        await dms.SendAsync(userId, CareMessage.For(reason, partner, options.Value.EffectiveResources), cancellationToken);
        return true;
    }
}
