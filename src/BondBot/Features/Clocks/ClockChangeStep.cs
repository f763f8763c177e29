using BondBot.Discord;
using BondBot.Features.Couple;
using BondBot.Features.Delivery;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Clocks;

/// <summary>
/// A week before either partner's clocks change in a way that changes the gap between them, each gets one short DM:
/// the new gap, from when, and that their check-in stays at their own local time. Only for pairs apart or sometimes
/// apart; never while paused; never in the person's quiet hours (a later pass sends it, as long as the change is still
/// ahead). Once per person per transition, kept in the prompt ledger so restarts change nothing.
/// </summary>
public sealed class ClockChangeStep(
    ClockPairsRepository repository,
    PromptLedger ledger,
    UserSettingsRepository settings,
    CoupleProfiles profiles,
    IOptions<SchedulerOptions> options) : ISchedulerStep
{
    public static readonly Duration Ahead = Duration.FromDays(7);

    public async Task<int> RunAsync(Instant now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var (pair, zoneA, zoneB) in await repository.PairsInTwoZonesAsync(cancellationToken))
        {
            // The arithmetic first: most passes find no change within the week and read nothing more.
            if (ClockMath.NextDifferenceChange(zoneA, zoneB, now, Ahead) is not { } change)
                continue;
            // Reads before anything else: for the rest of the week, once both have heard, a pass costs two lookups and
            // takes no write lock (TryRecordAsync below stays the guarantee when passes race).
            var (date, kind) = (ClockPairsRepository.Date(change.At), ClockPairsRepository.Kind(change.At));
            var toldA = await ledger.ExistsAsync(pair.UserA, date, kind, cancellationToken);
            var toldB = await ledger.ExistsAsync(pair.UserB, date, kind, cancellationToken);
            if ((toldA && toldB) || !(await profiles.ForAsync(pair, pair.UserA, cancellationToken)).Apart)
                continue;
            var a = await settings.GetAsync(pair.UserA, cancellationToken);
            var b = await settings.GetAsync(pair.UserB, cancellationToken);
            if (a.Zone is null || b.Zone is null)
                continue;
            foreach (var (me, partner, told) in new[] { (a, b, toldA), (b, a, toldB) })
            {
                if (told)
                    continue;
                // Paused or asleep: nothing is written, so a later pass before the change tries again.
                if (me.IsPaused(now) || options.Value.IsQuiet(now.InZone(me.Zone!).TimeOfDay))
                    continue;
                var notice = OutboxItem.ToPerson(OutboxKinds.ClockChange, me.UserId, Notice(me, partner, change));
                if (await repository.TryRecordAsync(me.UserId, change.At, now, notice, cancellationToken))
                    sent++;
            }
        }
        return sent;
    }

    /// <summary>The DM, from <paramref name="me"/>'s side (the gap is shown without its sign, so it reads the same for
    /// both; the day is their own local date of the change).</summary>
    public static MessagePayload Notice(UserSettings me, UserSettings partner, DifferenceChange change)
    {
        var them = PairingMessages.Mention(partner.UserId);
        var day = ClockWords.Date(change.At.InZone(me.Zone!).Date);
        var yours = me.TimeChosen ? $"Your check-in stays at {ClockWords.Clock(me.CheckInTime)} your time" : "Your check-ins stay at your own local time";
        var theirs = partner.TimeChosen ? $", and {them}'s at {ClockWords.Clock(partner.CheckInTime)} theirs." : ", and theirs at theirs.";
        return new MessagePayload
        {
            Content = $"🕰️ A clock change is coming: from {day} ({ClockWords.Stamp(change.At, 'f')}) you and {them} will be "
                + $"**{UsCard.Gap(change.After)}** instead of {UsCard.Instead(change.Before)}.\n{yours}{theirs} `/us` shows both clocks any time.",
            AllowedMentions = AllowedMentions.None,
        };
    }
}
