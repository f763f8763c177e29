namespace BondBot.Features.ThisOrThat;

/// <summary>Who a pair of options suits: everyone, couples apart (calls, visits), or couples together.</summary>
public enum OptionsDistance { Any, Apart, Together }

/// <summary>One pair of options from the deck, with the light question the reveal may end on.</summary>
public sealed record OptionPair(string Id, string Theme, string A, string B, string FollowUp, OptionsDistance Distance)
{
    /// <summary>"Sunrise call or midnight call?": the second option starts lower-case unless it is "I …" or an
    /// acronym, so the question reads as one sentence.</summary>
    public string Question => AsQuestion(A, B);

    public static string AsQuestion(string a, string b) => $"{a} or {Lower(b)}?";

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) && !text.StartsWith("I ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}

/// <summary>The This or that deck, read once from <c>Content/Decks/this-or-that.json</c> (embedded).</summary>
public sealed class ThisOrThatDeck(IReadOnlyList<OptionPair> pairs)
{
    public IReadOnlyList<OptionPair> Pairs { get; } = pairs;

    public static ThisOrThatDeck LoadEmbedded() => new(Content.EmbeddedDeck.Load<Entry>("this-or-that")
        .Select(e => new OptionPair(e.Id, e.Theme, e.A, e.B, e.FollowUp, Enum.Parse<OptionsDistance>(e.Distance, ignoreCase: true)))
        .ToList());

    private sealed record Entry(string Id, string Theme, string A, string B, string FollowUp, string Distance);
}
