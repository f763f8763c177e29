using BondBot.Content;
using BondBot.Features.Questions;

namespace BondBot.Features.Pulse;

/// <summary>What the pulse results suggest: an idea for the pair's lowest area that changes month to month, and a
/// conversation question for the area where their numbers differ most.</summary>
public sealed class PulseIdeas(IReadOnlyList<PulseIdeas.Idea> ideas, QuestionDeck questions)
{
    public sealed record Idea(string Id, string Area, string Text);

    public static IReadOnlyList<Idea> LoadEmbedded() => EmbeddedDeck.Load<Idea>("pulse-ideas");

    /// <summary>The idea for an area in a month (<c>yyyy-MM</c>): the same for both partners, another next month.</summary>
    public string IdeaFor(string area, string month) => EmbeddedDeck.ForDay(ideas.Where(i => i.Area == area).ToList(), MonthNumber(month), salt: 1).Text;

    /// <summary>A light or deeper question from the area's own category, also rotating by month.</summary>
    public string? QuestionFor(string area, string month) =>
        questions.Questions.Where(q => q.Category == area && q.Depth <= 2 && q.Distance == Distance.Any && q.Stage == Stage.Any).ToList() is { Count: > 0 } pool
            ? EmbeddedDeck.ForDay(pool, MonthNumber(month), salt: 2).Text
            : null;

    private static int MonthNumber(string month) =>
        int.Parse(month[..4], System.Globalization.CultureInfo.InvariantCulture) * 12 + int.Parse(month[5..7], System.Globalization.CultureInfo.InvariantCulture);
}
