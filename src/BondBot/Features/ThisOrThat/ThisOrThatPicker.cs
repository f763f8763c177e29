namespace BondBot.Features.ThisOrThat;

/// <summary>Draws the pairs of options for a run: only those that suit the couple (no apart-only pairs for a couple
/// together, no together-only pairs for a couple apart), none they have seen while unseen ones remain, and then the
/// least recently seen first. Within a run, themes differ where the pool allows. A pure function.</summary>
public static class ThisOrThatPicker
{
    public const int RunLength = 5;

    /// <param name="lastSeen">Deck id → the latest run (ascending ids) in which this couple saw it.</param>
    public static IReadOnlyList<OptionPair> Draw(IReadOnlyList<OptionPair> deck, IReadOnlyDictionary<string, long> lastSeen,
        bool apart, bool together, Random random)
    {
        var suited = deck.Where(p => Suits(p, apart, together)).ToList();
        var fresh = suited.Where(p => !lastSeen.ContainsKey(p.Id)).OrderBy(_ => random.Next()).ToList();
        var seen = suited.Where(p => lastSeen.ContainsKey(p.Id)).OrderBy(p => lastSeen[p.Id]).ThenBy(_ => random.Next()).ToList();
        // Unseen pairs first; seen ones (longest ago first) only fill what the unseen cannot.
        var chosen = new List<OptionPair>();
        Fill(chosen, fresh);
        Fill(chosen, seen);
        return chosen;
    }

    /// <summary>Adds from <paramref name="source"/> in order until the run is full: first one per theme not in the run
    /// yet (variety), then any.</summary>
    private static void Fill(List<OptionPair> chosen, IReadOnlyList<OptionPair> source)
    {
        foreach (var pair in source)
            if (chosen.Count < RunLength && chosen.All(c => c.Theme != pair.Theme))
                chosen.Add(pair);
        foreach (var pair in source)
            if (chosen.Count < RunLength && !chosen.Contains(pair))
                chosen.Add(pair);
    }

    public static bool Suits(OptionPair pair, bool apart, bool together) => pair.Distance switch
    {
        OptionsDistance.Apart => apart,
        OptionsDistance.Together => together,
        _ => true,
    };
}
