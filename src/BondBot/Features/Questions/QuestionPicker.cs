namespace BondBot.Features.Questions;

/// <summary>
/// Chooses a pair's next question (pure: no clock, no storage). Never-asked questions come first, then the least
/// recently asked. Without filters the depth follows the pair's progress — light first, deeper as they answer more
/// together, the escalating self-disclosure of the 36-questions study — and categories rotate for variety.
/// </summary>
public static class QuestionPicker
{
    /// <summary>Rounds revealed together before deeper (2) and deepest (3) questions are offered.</summary>
    public const int DeeperAfter = 5;
    public const int DeepestAfter = 15;

    public sealed record History(IReadOnlyDictionary<string, long> LastAskedOrder, int RevealedCount, IReadOnlyList<string> RecentCategories);

    public static DeckQuestion? Pick(IReadOnlyList<DeckQuestion> candidates, History history, string? category, int? depth, Random random)
    {
        var pool = candidates.Where(q => (category is null || q.Category == category) && (depth is null || q.Depth == depth)).ToList();
        if (pool.Count == 0)
            return null;
        if (category is null && depth is null)
            pool = Progression(pool, history);

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

    /// <summary>The depths a pair is ready for, preferring the deepest it has reached; falls back to any depth so
    /// a pair that has used up its level still gets a question.</summary>
    private static List<DeckQuestion> Progression(List<DeckQuestion> pool, History history)
    {
        var reached = history.RevealedCount >= DeepestAfter ? 3 : history.RevealedCount >= DeeperAfter ? 2 : 1;
        for (var depth = reached; depth >= 1; depth--)
        {
            var atDepth = pool.Where(q => q.Depth == depth && !history.LastAskedOrder.ContainsKey(q.Key)).ToList();
            if (atDepth.Count > 0)
                return atDepth;
        }
        var allowed = pool.Where(q => q.Depth <= reached).ToList();
        return allowed.Count > 0 ? allowed : pool;
    }
}
