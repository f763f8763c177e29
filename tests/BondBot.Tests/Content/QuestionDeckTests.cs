using System.Text.RegularExpressions;
using BondBot.Features.Questions;

namespace BondBot.Tests.Content;

/// <summary>The question deck is content, and content has rules: counts per category and depth, one open question
/// per card, inclusive and plain wording, no duplicates, no sentence copied from the notes we write from.</summary>
public sealed partial class QuestionDeckTests
{
    private static readonly QuestionDeck Deck = QuestionDeck.LoadEmbedded();

    [Fact]
    public void The_deck_has_at_least_1200_questions_and_20_in_every_category_and_depth()
    {
        Assert.True(Deck.Questions.Count >= 1200, $"only {Deck.Questions.Count} questions");
        Assert.Equal(18, QuestionCategory.All.Count);
        var thin = (from c in QuestionCategory.All
                    from d in new[] { 1, 2, 3 }
                    let n = Deck.Questions.Count(q => q.Category == c.Key && q.Depth == d)
                    where n < 20
                    select $"{c.Key}-{d}: {n}").ToList();
        Assert.True(thin.Count == 0, string.Join(", ", thin));
    }

    [Fact]
    public void Solo_cards_are_enough_for_someone_on_their_own_at_every_depth()
    {
        var thin = (from c in QuestionCategory.All
                    from d in new[] { 1, 2, 3 }
                    let n = Deck.Questions.Count(q => q.Category == c.Key && q.Depth == d && q.Solo)
                    where n < 10
                    select $"{c.Key}-{d}: {n}").ToList();
        Assert.True(thin.Count == 0, string.Join(", ", thin));
        Assert.True(Deck.Questions.Count(q => q.Distance == Distance.Apart) >= 100);
    }

    [Fact]
    public void Ids_are_unique_and_name_their_category_and_depth()
    {
        Assert.Equal(Deck.Questions.Count, Deck.Questions.Select(q => q.Key).Distinct().Count());
        Assert.All(Deck.Questions, q => Assert.Matches(IdPattern(), q.Key));
        Assert.All(Deck.Questions, q => Assert.StartsWith($"{q.Category}-{q.Depth}-", q.Key));
    }

    [Fact]
    public void Every_card_is_one_open_question_in_plain_inclusive_words()
    {
        Assert.All(Deck.Questions, q =>
        {
            Assert.NotNull(QuestionCategory.Find(q.Category));
            Assert.InRange(q.Text.Length, 10, QuestionDeck.MaxTextLength);
            Assert.EndsWith("?", q.Text);
            Assert.Equal(1, q.Text.Count(c => c == '?'));
            Assert.DoesNotMatch(ContentRules.YesNoOpening(), q.Text);
            Assert.DoesNotMatch(ContentRules.Gendered(), q.Text);
            Assert.DoesNotMatch(ContentRules.TherapyIdiom(), q.Text);
        });
    }

    [Fact]
    public void Openings_vary()
    {
        var whatsA = Deck.Questions.Count(q => WhatsAOpening().IsMatch(q.Text));
        Assert.True(whatsA < Deck.Questions.Count / 10, $"{whatsA} cards open with \"What's a/one/something\"");
        var common = Deck.Questions.GroupBy(q => string.Join(' ', q.Text.Split(' ').Take(3))).MaxBy(g => g.Count())!;
        Assert.True(common.Count() <= Deck.Questions.Count * 3 / 100, $"\"{common.Key}\" opens {common.Count()} cards");
    }

    [Fact]
    public void No_two_cards_are_the_same_or_nearly_the_same()
    {
        var close = ContentRules.NearDuplicates(Deck.Questions.Select(q => (q.Key, ContentRules.ContentWords(q.Text))).ToList());
        Assert.True(close.Count == 0, string.Join(", ", close));
        Assert.Equal(Deck.Questions.Count, Deck.Questions.Select(q => q.Text.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void No_card_shares_a_run_of_eight_words_with_the_notes_it_was_written_from()
    {
        var forbidden = ContentRules.ForbiddenRunHashes();
        Assert.True(forbidden.Count > 100);
        var copied = Deck.Questions.Where(q => ContentRules.RunHashes(q.Text).Any(forbidden.Contains)).Select(q => q.Key).ToList();
        Assert.True(copied.Count == 0, string.Join(", ", copied));
    }

    [GeneratedRegex(@"^[a-z-]+-[123]-\d{2}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^What('s| is) (a|an|one|something)\b")]
    private static partial Regex WhatsAOpening();
}
