using BondBot.Discord;
using BondBot.Features.CheckIns;
using BondBot.Features.Delivery;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using BondBot.Features.Rituals;
using BondBot.Features.Settings;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Scheduling;

/// <summary>
/// Builds and sends one person's daily prompt: the check-in mood buttons and today's question for their pair (a
/// round is opened if none is), with its Answer button; once a week also the pair's connection ritual and a nudge
/// to appreciate the partner. The ledger's nonce makes a resend land only once.
/// </summary>
public sealed class PromptSender(
    DirectMessenger dms,
    PairingService pairing,
    QuestionService questions,
    RoundPublisher rounds,
    RitualDeck rituals,
    UserSettingsRepository settings,
    PromptLedger ledger,
    IOptions<SchedulerOptions> options,
    Space.SpaceRepository spaces,
    Space.PairDelivery pairDelivery,
    IClock clock)
{
    public enum Outcome { Sent, Unreachable }

    public async Task<(Outcome Outcome, ulong? MessageId)> SendAsync(PromptLedger.Claimed prompt, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(prompt.UserId, cancellationToken);
        var space = pair is null ? null : await spaces.ForPairAsync(pair.PairId, cancellationToken);
        // Prompts that need an answer always come by DM, at the person's own time; they point to the space when there is one.
        var embeds = new List<Embed> { CheckInCards.PromptEmbed(space is null ? null : $"Your private space: <#{space.ChannelId}>") };
        var components = new List<Component> { CheckInCards.MoodRow(prompt.LocalDate) };
        Round? round = null;
        if (pair is not null && (await questions.OpenAsync(pair, pair.GuildId, null, null, cancellationToken: cancellationToken)).Round is { } open)
        {
            round = open;
            var card = await rounds.CardAsync(open, pair, cancellationToken);
            embeds.AddRange(card.Embeds ?? []);
            components.AddRange(card.Components ?? []);
        }
        var week = RitualDeck.WeekOf(prompt.LocalDate, (IsoDayOfWeek)(options.Value.RitualDay == DayOfWeek.Sunday ? 7 : (int)options.Value.RitualDay));
        var ritualDue = pair is not null && !await ledger.ExistsAsync(prompt.UserId, week, PromptLedger.RitualKind, cancellationToken);
        if (ritualDue && space is null)
            embeds.Add(await RitualEmbedAsync(pair!, prompt.UserId, week, cancellationToken));
        // The monthly pulse is offered on the person's first prompt of each month.
        var firstOfMonth = new LocalDate(prompt.LocalDate.Year, prompt.LocalDate.Month, 1);
        var pulseDue = pair is not null && !await ledger.ExistsAsync(prompt.UserId, firstOfMonth, PromptLedger.PulseKind, cancellationToken);
        if (pulseDue)
            components.Add(Pulse.PulseCards.OfferRow(NodaTime.Text.YearMonthPattern.Iso.Format(prompt.LocalDate.ToYearMonth())));
        var message = await dms.SendAsync(prompt.UserId, new MessagePayload
        {
            Embeds = embeds,
            Components = components,
            Nonce = prompt.Nonce,
            EnforceNonce = true,
        }, cancellationToken);
        if (message is null)
            return (Outcome.Unreachable, null);
        if (round is not null)
            await rounds.RecordAsync(round.RoundId, message.ChannelId, message.Id, cancellationToken);
        if (ritualDue)
        {
            await ledger.TryRecordAsync(prompt.UserId, week, PromptLedger.RitualKind, "sent", clock.GetCurrentInstant(), cancellationToken);
            // With a space, the week's ritual is posted there once for both: the pair's first prompt of the week claims it.
            if (space is not null && await ledger.TryRecordAsync(pair!.UserA, week, PromptLedger.SpaceRitualKind, "sent", clock.GetCurrentInstant(), cancellationToken))
                await pairDelivery.SendAsync(pair, new MessagePayload { Embeds = [await RitualEmbedAsync(pair, null, week, cancellationToken)] }, cancellationToken);
        }
        if (pulseDue)
            await ledger.TryRecordAsync(prompt.UserId, firstOfMonth, PromptLedger.PulseKind, "sent", clock.GetCurrentInstant(), cancellationToken);
        return (Outcome.Sent, message.Id);
    }

    // Both partners get the same idea for the week; partners in different zones get one that works at a distance.
    private async Task<Embed> RitualEmbedAsync(Pair pair, ulong? userId, LocalDate week, CancellationToken cancellationToken)
    {
        var a = (await settings.GetAsync(pair.UserA, cancellationToken)).Zone;
        var b = (await settings.GetAsync(pair.UserB, cancellationToken)).Zone;
        var ritual = rituals.For(pair.PairId, week, apart: a is not null && b is not null && a.Id != b.Id);
        return new Embed
        {
            Title = $"🕯️ This week's ritual: {ritual.Title}",
            Description = userId is { } user
                ? $"{ritual.Text}\n\nAnd before the week ends: tell {PairingMessages.Mention(pair.PartnerOf(user))} one thing you appreciated about them this week."
                : $"{ritual.Text}\n\nAnd before the week ends: tell each other one thing you appreciated this week.",
            Color = 0x9B59B6,
        };
    }
}
