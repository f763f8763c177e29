using BondBot.Features.Clocks;
using BondBot.Features.Pairing;

namespace BondBot.Features.Visits;

/// <summary>The next visit in <c>/us</c>: the same countdown the daily prompt carries, on the viewer's own date.
/// <c>/us</c> is asked for, so it answers whatever the pair's distance setting.</summary>
public sealed class VisitUsLine(VisitService visits) : IUsLine
{
    public int Order => 10;

    public Task<string?> LineAsync(Pair pair, ulong viewerId, CancellationToken ct) => visits.CountdownLineAsync(pair, viewerId, ct);
}
