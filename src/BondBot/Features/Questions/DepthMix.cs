namespace BondBot.Features.Questions;

/// <summary>
/// Which depth a pair's next question has, once deeper ones are unlocked: a mix, not a switch. Deeper questions come
/// after a few revealed rounds and Deepest later (the questions deepen step by step, as in the 36-questions study),
/// but then about half stay Light, a third Deeper and a fifth Deepest; never two Deepest in a row; on a day the pair
/// marked busy, no Deepest and fewer Deeper. Pure: the same inputs and random draw give the same depth.
/// </summary>
public static class DepthMix
{
    /// <summary>Rounds revealed together before Deeper (2) and Deepest (3) questions join the mix.</summary>
    public const int DeeperAfter = 5;
    public const int DeepestAfter = 15;

    /// <summary>The deepest level a pair has reached by its revealed rounds.</summary>
    public static int Reached(int revealedRounds) => revealedRounds >= DeepestAfter ? 3 : revealedRounds >= DeeperAfter ? 2 : 1;

    /// <summary>The weight of each depth 1–3 (index 0–2) for a pair: they sum to 1.</summary>
    public static double[] Weights(int reached, int? lastDepth, bool busyDay)
    {
        double[] weights = reached switch
        {
            >= 3 => [0.5, 0.3, 0.2],
            2 => [0.6, 0.4, 0],
            _ => [1, 0, 0],
        };
        if (lastDepth == 3 || busyDay) weights[2] = 0;
        if (busyDay) weights[1] /= 2;
        var total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }

    /// <summary>Draws the next depth (1–3).</summary>
    public static int Choose(int reached, int? lastDepth, bool busyDay, Random random)
    {
        var weights = Weights(reached, lastDepth, busyDay);
        var draw = random.NextDouble();
        for (var depth = 1; depth <= 3; depth++)
        {
            draw -= weights[depth - 1];
            if (draw < 0) return depth;
        }
        return Array.FindLastIndex(weights, w => w > 0) + 1;
    }
}
