using BondBot.Features.Questions;

namespace BondBot.Tests.Features;

public sealed class QuestionPickerTests
{
    private static readonly IReadOnlyList<DeckQuestion> Deck =
    [
        .. Enumerable.Range(0, 4).Select(i => new DeckQuestion($"fun-1-{i}", "fun", 1, $"f1 {i}")),
        .. Enumerable.Range(0, 4).Select(i => new DeckQuestion($"trust-1-{i}", "trust", 1, $"t1 {i}")),
        .. Enumerable.Range(0, 3).Select(i => new DeckQuestion($"trust-2-{i}", "trust", 2, $"t2 {i}")),
        .. Enumerable.Range(0, 2).Select(i => new DeckQuestion($"trust-3-{i}", "trust", 3, $"t3 {i}")),
    ];

    private static QuestionPicker.History Fresh(int revealed = 0) => new(new Dictionary<string, long>(), revealed, []);

    [Fact]
    public void A_new_pair_starts_with_light_questions()
    {
        for (var seed = 0; seed < 20; seed++)
            Assert.Equal(1, QuestionPicker.Pick(Deck, Fresh(), null, null, new Random(seed))!.Depth);
    }

    [Fact]
    public void Deeper_questions_come_as_the_pair_answers_more()
    {
        Assert.Equal(2, QuestionPicker.Pick(Deck, Fresh(QuestionPicker.DeeperAfter), null, null, new Random(1))!.Depth);
        Assert.Equal(3, QuestionPicker.Pick(Deck, Fresh(QuestionPicker.DeepestAfter), null, null, new Random(1))!.Depth);
    }

    [Fact]
    public void Filters_choose_category_and_depth()
    {
        var q = QuestionPicker.Pick(Deck, Fresh(), "trust", 3, new Random(1))!;
        Assert.Equal(("trust", 3), (q.Category, q.Depth));
        Assert.Null(QuestionPicker.Pick(Deck, Fresh(), "fun", 3, new Random(1)));
    }

    [Fact]
    public void No_question_repeats_until_the_matching_deck_is_used_up_then_the_least_recent_returns()
    {
        var asked = new Dictionary<string, long>();
        var order = 0L;
        var seen = new List<string>();
        for (var i = 0; i < Deck.Count; i++)
        {
            var q = QuestionPicker.Pick(Deck, new QuestionPicker.History(asked, 100, []), null, null, new Random(i))!;
            Assert.DoesNotContain(q.Key, seen);
            seen.Add(q.Key);
            asked[q.Key] = ++order;
        }
        var again = QuestionPicker.Pick(Deck, new QuestionPicker.History(asked, 100, []), null, null, new Random(99))!;
        Assert.Equal(seen[0], again.Key);
    }

    [Fact]
    public void Recent_categories_are_avoided_for_variety()
    {
        for (var seed = 0; seed < 20; seed++)
            Assert.Equal("trust", QuestionPicker.Pick(Deck, new QuestionPicker.History(new Dictionary<string, long>(), 0, ["fun"]), null, null, new Random(seed))!.Category);
    }
}
