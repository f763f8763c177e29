namespace BondBot.Features.Guess;

/// <summary>One love-map prompt: <see cref="Ask"/> goes to the person guessed about, <see cref="Guess"/> (with a
/// <c>{partner}</c> placeholder) to the one guessing, who may pick one of <see cref="Choices"/> when there are any.</summary>
public sealed record GuessPrompt(string Id, string Set, string Ask, string Guess, IReadOnlyList<string> Choices);

/// <summary>The built-in guess prompts, read once from <c>Content/Decks/guess.json</c>.</summary>
public sealed class GuessDeck
{
    /// <summary>The sets in the order the <c>/guess</c> option lists them, with the names people see.</summary>
    public static readonly IReadOnlyList<(string Key, string Name)> Sets =
    [
        ("favourites", "Favourites"), ("friends", "Friends"), ("worries", "Worries"), ("comforts", "Comforts"),
        ("dreams", "Dreams"), ("habits", "Habits"), ("tastes", "Tastes"), ("childhood", "Childhood"),
    ];

    private readonly Dictionary<string, GuessPrompt> _byId;

    public GuessDeck(IEnumerable<GuessPrompt> prompts)
    {
        Prompts = prompts.ToList();
        _byId = Prompts.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<GuessPrompt> Prompts { get; }

    public GuessPrompt? Find(string id) => _byId.GetValueOrDefault(id);

    public static GuessDeck LoadEmbedded() =>
        new(Content.EmbeddedDeck.Load<Item>("guess").Select(i => new GuessPrompt(i.Id, i.Set, i.Ask, i.Guess, i.Choices ?? [])));

    private sealed record Item(string Id, string Set, string Ask, string Guess, List<string>? Choices);
}

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
