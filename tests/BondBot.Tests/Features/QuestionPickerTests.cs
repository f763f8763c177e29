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
    public void Deeper_and_deepest_questions_join_the_mix_as_the_pair_answers_more()
    {
        var deeper = Enumerable.Range(0, 200).Select(s => QuestionPicker.Pick(Deck, Fresh(DepthMix.DeeperAfter), null, null, new Random(s))!.Depth).ToList();
        Assert.Contains(2, deeper);
        Assert.DoesNotContain(3, deeper);
        var deepest = Enumerable.Range(0, 200).Select(s => QuestionPicker.Pick(Deck, Fresh(DepthMix.DeepestAfter), null, null, new Random(s))!.Depth).ToList();
        Assert.Contains(1, deepest);
        Assert.Contains(3, deepest);
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
        int? last = null;
        for (var i = 0; i < Deck.Count; i++)
        {
            var q = QuestionPicker.Pick(Deck, new QuestionPicker.History(asked, 100, [], last), null, null, new Random(i))!;
            Assert.DoesNotContain(q.Key, seen);
            seen.Add(q.Key);
            asked[q.Key] = ++order;
            last = q.Depth;
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

    [Fact]
    public void Cards_that_do_not_suit_the_pair_are_left_out_unless_nothing_else_is_left()
    {
        IReadOnlyList<DeckQuestion> deck =
        [
            new("apart", "fun", 1, "a", Distance: Distance.Apart),
            new("together", "fun", 1, "t", Distance: Distance.Together),
            new("history", "fun", 1, "h", Stage: Stage.Established),
            new("any", "fun", 1, "x"),
        ];
        var apartNew = new QuestionPicker.Fit(Apart: true, Together: false, NewCouple: true, BusyDay: false);
        var drawn = Enumerable.Range(0, 100).Select(s => QuestionPicker.Pick(deck, Fresh(), null, null, new Random(s), apartNew)!.Key).ToHashSet();
        Assert.Equal(["any", "apart"], drawn.Order());
        var together = new QuestionPicker.Fit(false, true, false, false);
        Assert.Equal(["any", "history", "together"], Enumerable.Range(0, 100).Select(s => QuestionPicker.Pick(deck, Fresh(), null, null, new Random(s), together)!.Key).ToHashSet().Order());
        Assert.Equal("together", QuestionPicker.Pick([deck[1]], Fresh(), null, null, new Random(1), apartNew)!.Key);
    }
}

public sealed class DepthMixTests
{
    [Fact]
    public void Over_many_draws_the_mix_is_about_half_light_a_third_deeper_a_fifth_deepest_and_never_two_deepest_in_a_row()
    {
        var random = new Random(7);
        int? last = null;
        var counts = new int[4];
        for (var i = 0; i < 10_000; i++)
        {
            var depth = DepthMix.Choose(3, last, busyDay: false, random);
            Assert.False(depth == 3 && last == 3, $"two Deepest in a row at draw {i}");
            counts[depth]++;
            last = depth;
        }
        // With Deepest held back after a Deepest, the shares settle a little lighter than the raw 50/30/20 weights.
        Assert.InRange(counts[1] / 10_000.0, 0.45, 0.60);
        Assert.InRange(counts[2] / 10_000.0, 0.27, 0.38);
        Assert.InRange(counts[3] / 10_000.0, 0.13, 0.22);
    }

    [Fact]
    public void Before_unlocking_only_reached_depths_are_drawn_and_busy_days_are_lighter()
    {
        Assert.All(Enumerable.Range(0, 500), s => Assert.Equal(1, DepthMix.Choose(1, null, false, new Random(s))));
        Assert.All(Enumerable.Range(0, 500), s => Assert.InRange(DepthMix.Choose(2, null, false, new Random(s)), 1, 2));
        Assert.All(Enumerable.Range(0, 500), s => Assert.NotEqual(3, DepthMix.Choose(3, null, busyDay: true, new Random(s))));
        Assert.Equal([0.77, 0.23, 0], DepthMix.Weights(3, null, busyDay: true).Select(w => Math.Round(w, 2)));
        Assert.Equal(1, DepthMix.Reached(DepthMix.DeeperAfter - 1));
        Assert.Equal(2, DepthMix.Reached(DepthMix.DeeperAfter));
        Assert.Equal(3, DepthMix.Reached(DepthMix.DeepestAfter));
    }
}
