using BondBot.Interactions;

namespace BondBot.Features.Pairing;

/// <summary>The first step of every command played by two: the caller's current pair, or a private reply saying why
/// there is none (each command says it in its own words).</summary>
public static class PairRequired
{
    public static async Task<Pair?> PairOrReplyAsync(this InteractionContext context, PairingRepository pairs, string notPaired, CancellationToken cancellationToken) =>
        await Checked(context, await pairs.GetActivePairAsync(context.UserId, cancellationToken), notPaired, cancellationToken);

    public static async Task<Pair?> PairOrReplyAsync(this InteractionContext context, PairingService pairing, string notPaired, CancellationToken cancellationToken) =>
        await Checked(context, await pairing.GetActivePairAsync(context.UserId, cancellationToken), notPaired, cancellationToken);

    private static async Task<Pair?> Checked(InteractionContext context, Pair? pair, string notPaired, CancellationToken cancellationToken)
    {
        if (pair is null)
            await context.ReplyPrivatelyAsync(notPaired, cancellationToken);
        return pair;
    }
}
