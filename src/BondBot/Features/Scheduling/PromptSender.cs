using BondBot.Discord;
using BondBot.Features.CheckIns;
using BondBot.Features.Delivery;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using BondBot.Features.Rituals;
using BondBot.Features.Settings;
using BondBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Scheduling;

/// <summary>
/// Sends one person's daily prompt as short messages, each with its own action: the check-in (mood buttons), today's
/// question card for their pair (a round is opened if none is), and — once a week and once a month — the ritual and
/// the pulse offer. Each part carries its own nonce derived from the ledger's, so a resend lands once; the question
/// card is a real round card, so a partner's answer refreshes only that card and never the check-in.
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
    OutboxWriter outbox,
    SqliteConnectionFactory connections,
    IClock clock)
{
    public enum Outcome { Sent, Unreachable }

    public async Task<(Outcome Outcome, ulong? MessageId)> SendAsync(PromptLedger.Claimed prompt, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(prompt.UserId, cancellationToken);
        var space = pair is null ? null : await spaces.ForPairAsync(pair.PairId, cancellationToken);
        // Prompts that need an answer always come by DM, at the person's own time; they point to the space when there is one.
        var checkIn = await dms.SendAsync(prompt.UserId, new MessagePayload
        {
            Embeds = [CheckInCards.PromptEmbed(space is null ? null : $"Your private space: <#{space.ChannelId}>")],
            Components = [CheckInCards.MoodRow(prompt.LocalDate)],
            Nonce = prompt.Nonce,
        }, cancellationToken);
        if (checkIn is null)
            return (Outcome.Unreachable, null);

        if (pair is not null && (await questions.OpenAsync(pair, pair.GuildId, null, null, cancellationToken: cancellationToken)).Round is { } round
            && await dms.SendAsync(prompt.UserId, await rounds.CardAsync(round, pair, cancellationToken) with { Nonce = PartNonce(prompt, "question") }, cancellationToken) is { } card)
            await rounds.RecordAsync(round.RoundId, card.ChannelId, card.Id, cancellationToken);

        if (pair is not null)
        {
            await SendRitualAsync(prompt, pair, space is not null, cancellationToken);
            await SendPulseOfferAsync(prompt, cancellationToken);
        }
        return (Outcome.Sent, checkIn.Id);
    }

    // The week's ritual rides on the person's first prompt of the week. With a space it is posted there once for both
    // (through the outbox, keyed by pair and week); without one each partner gets it with their own prompt.
    private async Task SendRitualAsync(PromptLedger.Claimed prompt, Pair pair, bool hasSpace, CancellationToken cancellationToken)
    {
        var week = RitualDeck.WeekOf(prompt.LocalDate, (IsoDayOfWeek)(options.Value.RitualDay == DayOfWeek.Sunday ? 7 : (int)options.Value.RitualDay));
        if (await ledger.ExistsAsync(prompt.UserId, week, PromptLedger.RitualKind, cancellationToken))
            return;
        if (hasSpace)
        {
            var shared = new MessagePayload { Embeds = [await RitualEmbedAsync(pair, null, week, cancellationToken)] };
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await outbox.WriteAsync(connection, transaction, OutboxItem.ToBoth(OutboxKinds.Ritual, pair.PairId, [pair.UserA, pair.UserB], shared, $"ritual:{pair.PairId}:{week:yyyy-MM-dd}"));
            await outbox.CommitAsync(transaction, cancellationToken);
        }
        else if (await dms.SendAsync(prompt.UserId, new MessagePayload { Embeds = [await RitualEmbedAsync(pair, prompt.UserId, week, cancellationToken)], Nonce = PartNonce(prompt, "ritual") },
                     cancellationToken) is null)
        {
            return;
        }
        await ledger.TryRecordAsync(prompt.UserId, week, PromptLedger.RitualKind, LedgerStatus.Sent, clock.GetCurrentInstant(), cancellationToken);
    }

    // The monthly pulse is offered on the person's first prompt of each month.
    private async Task SendPulseOfferAsync(PromptLedger.Claimed prompt, CancellationToken cancellationToken)
    {
        var firstOfMonth = new LocalDate(prompt.LocalDate.Year, prompt.LocalDate.Month, 1);
        if (await ledger.ExistsAsync(prompt.UserId, firstOfMonth, PromptLedger.PulseKind, cancellationToken))
            return;
        var offer = new MessagePayload
        {
            Content = "💗 It's a new month: how close have you felt lately? Six quick ratings, private until you've both answered.",
            Components = [Pulse.PulseCards.OfferRow(NodaTime.Text.YearMonthPattern.Iso.Format(prompt.LocalDate.ToYearMonth()))],
            Nonce = PartNonce(prompt, "pulse"),
        };
        if (await dms.SendAsync(prompt.UserId, offer, cancellationToken) is not null)
            await ledger.TryRecordAsync(prompt.UserId, firstOfMonth, PromptLedger.PulseKind, LedgerStatus.Sent, clock.GetCurrentInstant(), cancellationToken);
    }

    private static string PartNonce(PromptLedger.Claimed prompt, string part) => PromptLedger.NonceFor(prompt.UserId, prompt.LocalDate, $"{prompt.Kind}:{part}");

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
