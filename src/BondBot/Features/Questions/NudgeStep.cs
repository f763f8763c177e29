using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Features.Pairing;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using BondBot.Interactions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Questions;

/// <summary>
/// One gentle reminder when your partner answered a question and you have not, some hours later: one per round, at most
/// one a day, never while you are paused, never to closed DMs, and never during your own quiet hours.
/// </summary>
public sealed class NudgeStep(
    RoundRepository rounds,
    PairingRepository pairs,
    UserSettingsRepository settings,
    DmChannelRepository channels,
    DirectMessenger dms,
    PromptLedger ledger,
    Space.SpaceRepository spaces,
    Switches.IServerFeatures features,
    IOptions<SchedulerOptions> options) : ISchedulerStep
{
    public async Task<int> RunAsync(Instant now, CancellationToken cancellationToken)
    {
        var sent = 0;
        // Only rounds never nudged are read: a nudge is sent once per round, however long it stays half-answered.
        foreach (var round in await rounds.GetHalfAnsweredAsync(now - Duration.FromTimeSpan(options.Value.NudgeAfter), cancellationToken))
        {
            if (await pairs.GetPairAsync(round.PairId, cancellationToken) is not { } pair || !await NudgesOnAsync(pair, cancellationToken))
                continue;
            var waiting = pair.PartnerOf(round.AnsweredBy);
            var their = await settings.GetAsync(waiting, cancellationToken);
            var local = now.InZone(their.Zone ?? DateTimeZone.Utc);
            // Paused, in quiet hours, or nudged today for another round: looked at again later; nothing is written.
            if (their.IsPaused(now) || options.Value.IsQuiet(local.TimeOfDay) || await ledger.ExistsAsync(waiting, local.Date, PromptLedger.NudgeKind, cancellationToken))
                continue;
            if (!await rounds.MarkNudgedAsync(round.RoundId, now, cancellationToken) || await channels.IsUnreachableAsync(waiting, cancellationToken))
                continue;   // nudged by a concurrent pass, or closed DMs: this round's nudge is spent without a refused request
            await ledger.TryRecordAsync(waiting, local.Date, PromptLedger.NudgeKind, LedgerStatus.Claimed, now, cancellationToken);
            var message = await dms.SendAsync(waiting, Nudge(round), cancellationToken);
            await ledger.MarkAsync(new PromptLedger.Claimed(waiting, local.Date, PromptLedger.NudgeKind, now, ""), message is null ? LedgerStatus.Failed : LedgerStatus.Sent, message?.Id, now, cancellationToken);
            if (message is not null) sent++;
        }
        return sent;
    }

    /// <summary>A nudge is a DM, so it follows the switch of the pair's server (<see cref="Space.SpaceRepository.ServerOfAsync"/>);
    /// pairs made in DMs are always nudged. Switched off there: not nudged (the round stays unmarked, so switching
    /// back on nudges it then).</summary>
    private async Task<bool> NudgesOnAsync(Pairing.Pair pair, CancellationToken cancellationToken) =>
        await spaces.ServerOfAsync(pair, cancellationToken) is not { } guild || await features.IsOnAsync(guild, Switches.ServerFeature.Nudges, cancellationToken);

    private static MessagePayload Nudge(RoundRepository.HalfAnswered round) => new()
    {
        Content = $"🔔 {PairingMessages.Mention(round.AnsweredBy)} answered today's question. Your answer reveals both. If today isn't the day for it, **Not yet** saves it for later.",
        Components =
        [
            Component.Row(
                Component.Button(CustomId.Create(QuestionCards.AnswerPrefix, round.RoundId), "Answer", ButtonStyle.Primary),
                Component.Button(CustomId.Create(QuestionCards.NotYetPrefix, round.RoundId), "Not yet")),
        ],
    };
}
