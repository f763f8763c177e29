using BondBot.Features.Pairing;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Questions;

/// <summary>When a pair ends, its open rounds will never be answered together: they are marked so nudges never look at
/// them again (the nudge query reads only rounds not yet nudged).</summary>
public sealed class RoundsPairEndHook : IPairEndHook
{
    public Task OnPairEndingAsync(DbConnection connection, DbTransaction transaction, Pair pair, Instant now) =>
        connection.ExecuteAsync(
            "UPDATE rounds SET nudged_at = COALESCE(nudged_at, @now) WHERE pair_id = @PairId AND status = 'open'", new { now, pair.PairId }, transaction);
}
