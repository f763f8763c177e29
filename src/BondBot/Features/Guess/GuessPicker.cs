namespace BondBot.Features.Guess;

/// <summary>Which prompt a pair plays next: one they have never had, at random; once every prompt of the pool has been
/// played, the one played longest ago. A pure function, so the no-repeat rule is tested without Discord.</summary>
public static class GuessPicker
{
    /// <param name="pool">The prompts that may be asked (the whole deck, or one set).</param>
    /// <param name="lastPlayed">For each prompt id the pair has had, the id of its latest round (ids only grow).</param>
    public static GuessPrompt? Pick(IReadOnlyList<GuessPrompt> pool, IReadOnlyDictionary<string, long> lastPlayed, Random random)
    {
        if (pool.Count == 0)
            return null;
        var fresh = pool.Where(p => !lastPlayed.ContainsKey(p.Id)).ToList();
        return fresh.Count > 0
            ? fresh[random.Next(fresh.Count)]
            : pool.MinBy(p => lastPlayed[p.Id]);
    }
}
