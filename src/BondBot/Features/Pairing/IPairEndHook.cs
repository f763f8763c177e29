using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Pairing;

/// <summary>
/// Runs inside the transaction that ends a pair (unpair or erase), for what must end with it — a higher feature's
/// private space, say. Pairing owns the moment; the feature that owns the data implements this, so the dependency
/// points one way.
/// </summary>
public interface IPairEndHook
{
    Task OnPairEndingAsync(DbConnection connection, DbTransaction transaction, Pair pair, Instant now);
}
