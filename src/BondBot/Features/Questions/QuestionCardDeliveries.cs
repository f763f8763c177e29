using BondBot.Discord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;

namespace BondBot.Features.Questions;

/// <summary>
/// Question cards that go through the outbox: to the partner (in the pair's space with a mention while they have
/// one, else by DM) and, for a question started in a server channel, to the asker's own DMs. Each sent card is
/// recorded so its status keeps up with the answers; a card that arrives after someone already answered is brought
/// up to date at once.
/// </summary>
public sealed class QuestionCardDeliveries(RoundCardRepository cards, RoundPublisher publisher, RoundRepository rounds, PairingRepository pairs) : IDeliveryObserver
{
    private const string KeyPrefix = "card";

    public static OutboxItem ToPartner(Round round, Pair pair, ulong partnerId) =>
        OutboxItem.ToPartner(OutboxKinds.QuestionCard, pair.PairId, partnerId, QuestionCards.Card(round, pair, []), Key(round, partnerId));

    public static OutboxItem ToOwnDms(Round round, Pair pair, ulong userId) =>
        OutboxItem.ToPerson(OutboxKinds.QuestionCard, userId, QuestionCards.Card(round, pair, []), Key(round, userId));

    private static string Key(Round round, ulong userId) => $"{KeyPrefix}:{round.RoundId}:{userId}";

    public async Task DeliveredAsync(string kind, string? key, Message message, CancellationToken cancellationToken)
    {
        if (kind != OutboxKinds.QuestionCard || key?.Split(':') is not [KeyPrefix, var id, _] || !long.TryParse(id, out var roundId))
            return;
        await cards.AddAsync(roundId, message.ChannelId, message.Id, cancellationToken);
        // The card was written when the round opened, with nobody answered: if that changed before it went out, or the
        // round was swapped or revealed, the copy just sent is refreshed like every other copy.
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } round || await pairs.GetPairAsync(round.PairId, cancellationToken) is not { } pair)
            return;
        if (round.Status is "replaced" or "set-aside" or "retired" && await rounds.GetOpenAsync(round.PairId, cancellationToken) is { } current)
            await publisher.SwapAsync(roundId, current, pair, exceptMessageId: null, cancellationToken);
        else if (!round.IsOpen || (await rounds.GetAnsweredUsersAsync(roundId, cancellationToken)).Count > 0)
            await publisher.RefreshAsync(roundId, pair, exceptMessageId: null, cancellationToken);
    }
}
