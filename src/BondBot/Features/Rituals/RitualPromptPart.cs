using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using BondBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Rituals;

/// <summary>
/// The week's connection ritual rides on a person's first prompt of the ritual week, as its own message. With a space
/// it is posted there once for both (through the outbox, keyed by pair and week); without one each partner gets it
/// with their own prompt. Which rituals suit them follows what the pair chose with <c>/couple</c> (until then: partners
/// in different zones get ones that work at a distance).
/// </summary>
public sealed class RitualPromptPart(
    RitualDeck rituals,
    PromptLedger ledger,
    Couple.CoupleProfiles couples,
    Space.SpaceRepository spaces,
    DirectMessenger dms,
    OutboxWriter outbox,
    IDbConnections connections,
    IOptions<SchedulerOptions> options,
    IClock clock) : IPromptPart
{
    public int Order => 20;

    public async Task<PromptPartOutcome> SendAsync(DailyPrompt prompt, CancellationToken cancellationToken)
    {
        if (prompt.Pair is not { } pair)
            return PromptPartOutcome.Nothing;
        var week = RitualDeck.WeekOf(prompt.LocalDate, options.Value.RitualIsoDay);
        if (await ledger.ExistsAsync(prompt.UserId, week, PromptLedger.RitualKind, cancellationToken))
            return PromptPartOutcome.Nothing;
        ulong? sentId = null;
        if (await spaces.ForPairAsync(pair.PairId, cancellationToken) is not null)
        {
            var shared = new MessagePayload { Embeds = [await EmbedAsync(pair, null, week, cancellationToken)] };
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginWriteAsync();
            await outbox.WriteAsync(connection, transaction, OutboxItem.ToBoth(OutboxKinds.Ritual, pair.PairId, [pair.UserA, pair.UserB], shared, $"ritual:{pair.PairId}:{week:yyyy-MM-dd}"));
            await outbox.CommitAsync(transaction, cancellationToken);
        }
        else if (await dms.SendAsync(prompt.UserId, new MessagePayload { Embeds = [await EmbedAsync(pair, prompt.UserId, week, cancellationToken)], Nonce = prompt.NonceFor("ritual") },
                     cancellationToken) is { } sent)
        {
            sentId = sent.Id;
        }
        else
        {
            return PromptPartOutcome.Closed;
        }
        await ledger.TryRecordAsync(prompt.UserId, week, PromptLedger.RitualKind, LedgerStatus.Sent, clock.GetCurrentInstant(), cancellationToken);
        return sentId is { } id ? PromptPartOutcome.Sent(id) : PromptPartOutcome.Nothing;
    }

    private async Task<Embed> EmbedAsync(Pair pair, ulong? userId, LocalDate week, CancellationToken cancellationToken)
    {
        var profile = await couples.ForAsync(pair, userId ?? pair.UserA, cancellationToken);
        var ritual = rituals.For(pair.PairId, week, profile.Apart, profile.Together, profile.Stage == Couple.CoupleStage.New);
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
