namespace BondBot.Features.Delivery.Outbox;

/// <summary>
/// The outbox asks the pair's private space (a higher feature) where a pair delivery may be posted. Delivery owns
/// the question and Space answers it, so the dependency points one way. Without a registered answer every pair
/// delivery goes by DM.
/// </summary>
public interface IPairSpaces
{
    /// <summary>The channel of the pair's space when the pair is still together, the space still exists and only the
    /// two of them (and the bot) can see it; otherwise null (and an unsafe space is detached, both told why).</summary>
    Task<ulong?> UsableChannelAsync(long pairId, CancellationToken cancellationToken);

    /// <summary>The space's channel could not be posted in any more (deleted, no access): forget it.</summary>
    Task LostAsync(long pairId, ulong channelId, CancellationToken cancellationToken);
}
