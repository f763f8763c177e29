using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Space;

/// <summary>A space never outlives its pair: when the pair ends (unpair or erase), the channel is deleted — the
/// partners were told in the same transaction — so neither keeps reading what was shared there.</summary>
public sealed class SpacePairEndHook(OutboxWriter outbox) : IPairEndHook
{
    public Task OnPairEndingAsync(DbConnection connection, DbTransaction transaction, Pair pair, Instant now) =>
        SpaceRepository.CloseForPairAsync(connection, transaction, pair.PairId, outbox);
}
