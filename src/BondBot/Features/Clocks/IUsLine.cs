using BondBot.Features.Pairing;

namespace BondBot.Features.Clocks;

/// <summary>
/// A line another feature adds to <c>/us</c> (the next visit's countdown, for example), so <c>/us</c> knows none of
/// them. Lines are shown in <see cref="Order"/> after the clocks; null means "nothing to say for this pair".
/// </summary>
public interface IUsLine
{
    int Order { get; }

    Task<string?> LineAsync(Pair pair, ulong viewerId, CancellationToken ct);
}
