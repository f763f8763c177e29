using BondBot.Discord;
using BondBot.Features.Couple;
using BondBot.Features.Delivery;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Rituals;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using BondBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.WeekTogether;

/// <summary>
/// "Your week together" rides on the first prompt of the ritual week, like the ritual: the picture of the week that
/// just ended, once per pair and week, posted in their space (or one DM each) through the outbox with the picture
/// stored beside it. Not for pairs who turned it off, nor where their server's admins did (<c>/admin feature</c>), and
/// not for a week with nothing in it.
/// </summary>
public sealed class WeekCardPromptPart(
    PromptLedger ledger,
    CoupleSettingsRepository couples,
    UserSettingsRepository settings,
    WeekFactsReader weeks,
    Space.SpaceRepository spaces,
    Switches.IServerFeatures features,
    OutboxWriter outbox,
    IDbConnections connections,
    IOptions<SchedulerOptions> options,
    IClock clock) : IPromptPart
{
    public int Order => 21;

    /// <summary>The pair's once-a-week mark in the ledger (kept under the first partner, named by pair so a new
    /// pairing in the same week starts fresh).</summary>
    public static string LedgerKind(long pairId) => $"week-card:{pairId}";

    public async Task<PromptPartOutcome> SendAsync(DailyPrompt prompt, CancellationToken cancellationToken)
    {
        if (prompt.Pair is not { } pair)
            return PromptPartOutcome.Nothing;
        var week = RitualDeck.WeekOf(prompt.LocalDate, options.Value.RitualIsoDay);
        if (await ledger.ExistsAsync(pair.UserA, week, LedgerKind(pair.PairId), cancellationToken)
            || !(await couples.GetAsync(pair.PairId, cancellationToken)).GetsWeekCard
            || (await spaces.ServerOfAsync(pair, cancellationToken) is { } server && !await features.IsOnAsync(server, Switches.ServerFeature.WeeklyCard, cancellationToken)))
            return PromptPartOutcome.Nothing;
        var zone = (await settings.GetAsync(prompt.UserId, cancellationToken)).Zone ?? DateTimeZone.Utc;
        var facts = await weeks.ReadAsync(pair, week.PlusDays(-7), zone, cancellationToken);
        if (!facts.Empty)
        {
            // Written before the ledger mark: a crash in between writes the same keys again, which changes nothing.
            var card = new MessagePayload { Content = "🌿 **Your week together**, in one picture. (`/couple week_card:off` stops these.)" };
            var picture = WeekCardPicture.Render(facts);
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginWriteAsync(cancellationToken);
            await outbox.WriteAsync(connection, transaction, OutboxItem
                .ToBoth(OutboxKinds.WeekCard, pair.PairId, [pair.UserA, pair.UserB], card, $"week-card:{pair.PairId}:{week:yyyy-MM-dd}")
                .Select(item => item with { Files = [picture] }));
            await outbox.CommitAsync(transaction, cancellationToken);
        }
        await ledger.TryRecordAsync(pair.UserA, week, LedgerKind(pair.PairId), LedgerStatus.Sent, clock.GetCurrentInstant(), cancellationToken);
        return PromptPartOutcome.Nothing;
    }
}
