using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using NodaTime;

namespace BondBot.Features.Couple;

/// <summary>Resolves a pair's <see cref="CoupleProfile"/>: their choices first; where they have not chosen, partners
/// in different time zones count as apart and in the same zone as together (unknown zones: sometimes), and a pair is new
/// for its first <see cref="NewFor"/>.</summary>
public sealed class CoupleProfiles(CoupleSettingsRepository couples, UserSettingsRepository settings, IClock clock)
{
    public static readonly Duration NewFor = Duration.FromDays(42);

    public async Task<CoupleProfile> ForAsync(Pair pair, ulong askerId, CancellationToken cancellationToken = default)
    {
        var chosen = await couples.GetAsync(pair.PairId, cancellationToken);
        var asker = await settings.GetAsync(askerId, cancellationToken);
        var now = clock.GetCurrentInstant();
        var distance = chosen.Distance ?? await GuessDistanceAsync(pair, cancellationToken);
        var stage = chosen.Stage ?? (now - pair.CreatedAt < NewFor ? CoupleStage.New : CoupleStage.Established);
        var today = now.InZone(asker.Zone ?? DateTimeZone.Utc).Date;
        return new CoupleProfile(distance, chosen.Distance is not null, stage, (chosen.BusyDays ?? BusyDays.None).Includes(today.DayOfWeek));
    }

    private async Task<CoupleDistance> GuessDistanceAsync(Pair pair, CancellationToken cancellationToken)
    {
        var a = (await settings.GetAsync(pair.UserA, cancellationToken)).Zone;
        var b = (await settings.GetAsync(pair.UserB, cancellationToken)).Zone;
        if (a is null || b is null) return CoupleDistance.Sometimes;
        return a.Id == b.Id ? CoupleDistance.Together : CoupleDistance.Apart;
    }
}
