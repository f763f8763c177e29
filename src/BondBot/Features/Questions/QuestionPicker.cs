namespace BondBot.Features.Questions;

/// <summary>
/// Chooses a pair's next question (pure: no clock, no storage). Only cards that suit the pair are drawn (apart or
/// together; no shared-history cards for a new couple). Never-asked questions come first, then the least recently
/// asked. Without a depth asked for, the depth comes from <see cref="DepthMix"/>; categories rotate for variety.
/// </summary>
public static class QuestionPicker
{
    public sealed record History(IReadOnlyDictionary<string, long> LastAskedOrder, int RevealedCount, IReadOnlyList<string> RecentCategories, int? LastDepth = null);

    /// <summary>What suits a pair: <see cref="Apart"/> and <see cref="Together"/> (both for a pair sometimes apart),
    /// whether they are new, and whether today is one of their busy days.</summary>
    public sealed record Fit(bool Apart, bool Together, bool NewCouple, bool BusyDay)
    {
        public static readonly Fit Anyone = new(true, true, false, false);

        public bool Suits(DeckQuestion q) =>
            (q.Distance != Distance.Apart || Apart) && (q.Distance != Distance.Together || Together) && !(NewCouple && q.Stage == Stage.Established);
    }

    public static DeckQuestion? Pick(IReadOnlyList<DeckQuestion> candidates, History history, string? category, int? depth, Random random, Fit? fit = null)
    {
        fit ??= Fit.Anyone;
        var matching = candidates.Where(q => (category is null || q.Category == category) && (depth is null || q.Depth == depth)).ToList();
        var pool = matching.Where(fit.Suits).ToList();
        if (pool.Count == 0)
            pool = matching;   // a filter that leaves nothing must not leave the pair without a question
        if (pool.Count == 0)
            return null;
        if (depth is null)
            pool = Mixed(pool, history, fit, random);

        var fresh = pool.Where(q => !history.LastAskedOrder.ContainsKey(q.Key)).ToList();
        if (fresh.Count == 0)
        {
            // Everything here was asked: the least recently asked comes back first.
            var oldest = pool.Min(q => history.LastAskedOrder[q.Key]);
            return pool.First(q => history.LastAskedOrder[q.Key] == oldest);
        }
        if (category is null)
        {
            var varied = fresh.Where(q => !history.RecentCategories.Contains(q.Category)).ToList();
            if (varied.Count > 0) fresh = varied;
        }
        return fresh[random.Next(fresh.Count)];
    }

    /// <summary>The drawn depth's cards; when none of that depth are left unasked, the other reached depths by weight,
    /// so a pair that has used up a depth still gets a fresh question before anything repeats.</summary>
    private static List<DeckQuestion> Mixed(List<DeckQuestion> pool, History history, Fit fit, Random random)
    {
        var reached = DepthMix.Reached(history.RevealedCount);
        var chosen = DepthMix.Choose(reached, history.LastDepth, fit.BusyDay, random);
        var weights = DepthMix.Weights(reached, history.LastDepth, fit.BusyDay);
        var order = new[] { chosen }.Concat(Enumerable.Range(1, 3).Where(d => d != chosen && weights[d - 1] > 0).OrderByDescending(d => weights[d - 1]));
        foreach (var d in order)
        {
            var fresh = pool.Where(q => q.Depth == d && !history.LastAskedOrder.ContainsKey(q.Key)).ToList();
            if (fresh.Count > 0) return fresh;
        }
        var allowed = pool.Where(q => q.Depth <= reached && !(q.Depth == 3 && (history.LastDepth == 3 || fit.BusyDay))).ToList();
        return allowed.Count > 0 ? allowed : pool;
    }
}
