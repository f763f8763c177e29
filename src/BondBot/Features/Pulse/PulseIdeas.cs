using BondBot.Content;
using BondBot.Features.Questions;

namespace BondBot.Features.Pulse;

/// <summary>What the pulse results suggest: an idea for the pair's lowest area that changes month to month, and a
/// conversation question for the area where their numbers differ most.</summary>
public sealed class PulseIdeas
{
    public sealed record Idea(string Id, string Area, string Text);

    // Grouped once: results are built inside the saving transaction, so they shouldn't scan the whole deck each time.
    private readonly ILookup<string, Idea> _ideas;
    private readonly ILookup<string, DeckQuestion> _questions;

    public PulseIdeas(IReadOnlyList<Idea> ideas, QuestionDeck questions)
    {
        _ideas = ideas.ToLookup(i => i.Area);
        // Light or Deeper questions that suit any pair: the pulse doesn't know whether the two live apart.
        _questions = questions.Questions.Where(q => q.Depth <= 2 && q.Distance == Distance.Any && q.Stage == Stage.Any).ToLookup(q => q.Category);
    }

    public static IReadOnlyList<Idea> LoadEmbedded() => EmbeddedDeck.Load<Idea>("pulse-ideas");

    /// <summary>The idea for an area in a month (<c>yyyy-MM</c>): the same for both partners, another next month.</summary>
    public string IdeaFor(string area, string month) => EmbeddedDeck.ForDay(_ideas[area].ToList(), MonthNumber(month), salt: 1).Text;

    /// <summary>A light or deeper question from the area's own category, also rotating by month.</summary>
    public string? QuestionFor(string area, string month) =>
        _questions[area].ToList() is { Count: > 0 } pool ? EmbeddedDeck.ForDay(pool, MonthNumber(month), salt: 2).Text : null;

    private static int MonthNumber(string month) =>
        int.Parse(month[..4], System.Globalization.CultureInfo.InvariantCulture) * 12 + int.Parse(month[5..7], System.Globalization.CultureInfo.InvariantCulture);
}
