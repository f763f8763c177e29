using System.Text.RegularExpressions;
using BondBot.Features.Questions;

namespace BondBot.Tests.Features;

/// <summary>Validates the embedded deck: the data file is content, and content has rules too.</summary>
public sealed partial class QuestionDeckTests
{
    private static readonly QuestionDeck Deck = QuestionDeck.LoadEmbedded();

    [Fact]
    public void The_deck_has_at_least_400_questions_with_unique_well_formed_ids()
    {
        Assert.True(Deck.Questions.Count >= 400, $"only {Deck.Questions.Count} questions");
        Assert.Equal(Deck.Questions.Count, Deck.Questions.Select(q => q.Key).Distinct().Count());
        Assert.All(Deck.Questions, q => Assert.Matches(IdPattern(), q.Key));
        Assert.All(Deck.Questions, q => Assert.StartsWith($"{q.Category}-{q.Depth}-", q.Key));
    }

    [Fact]
    public void Every_question_is_short_open_ended_and_in_a_known_category()
    {
        Assert.All(Deck.Questions, q =>
        {
            Assert.NotNull(QuestionCategory.Find(q.Category));
            Assert.InRange(q.Depth, 1, 3);
            Assert.InRange(q.Text.Length, 10, QuestionDeck.MaxTextLength);
            Assert.EndsWith("?", q.Text);
            Assert.DoesNotMatch(YesNoOpening(), q.Text);
        });
        Assert.Equal(Deck.Questions.Count, Deck.Questions.Select(q => q.Text.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void Every_category_has_questions_at_every_depth_lightest_most()
    {
        foreach (var category in QuestionCategory.All)
        {
            var counts = Enumerable.Range(1, 3).Select(d => Deck.Questions.Count(q => q.Category == category.Key && q.Depth == d)).ToArray();
            Assert.True(counts[0] >= 12 && counts[1] >= 10 && counts[2] >= 8, $"{category.Key}: {string.Join("/", counts)}");
            Assert.True(counts[0] >= counts[2], $"{category.Key} should start light");
        }
    }

    [GeneratedRegex(@"^[a-z-]+-[123]-\d{2}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(Do|Does|Did|Is|Are|Was|Were|Have|Has|Can|Could|Would|Will|Should|Am)\b")]
    private static partial Regex YesNoOpening();
}
