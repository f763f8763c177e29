using BondBot.Features.ThisOrThat;

namespace BondBot.Tests.Features;

public sealed class ThisOrThatPickerTests
{
    private static readonly IReadOnlyList<OptionPair> Deck = ThisOrThatDeck.LoadEmbedded().Pairs;

    /// <summary>Draws <paramref name="runs"/> runs in a row for one couple, remembering what they saw.</summary>
    private static List<IReadOnlyList<OptionPair>> Runs(int runs, bool apart, bool together, int seed = 7)
    {
        var random = new Random(seed);
        var lastSeen = new Dictionary<string, long>();
        var drawn = new List<IReadOnlyList<OptionPair>>();
        for (var run = 1; run <= runs; run++)
        {
            var items = ThisOrThatPicker.Draw(Deck, lastSeen, apart, together, random);
            foreach (var item in items) lastSeen[item.Id] = run;
            drawn.Add(items);
        }
        return drawn;
    }

    [Theory]
    [InlineData(true, false, OptionsDistance.Together)]
    [InlineData(false, true, OptionsDistance.Apart)]
    public void A_couple_never_gets_pairs_meant_for_the_other_distance(bool apart, bool together, OptionsDistance never)
    {
        var served = Runs(60, apart, together).SelectMany(r => r).ToList();
        Assert.DoesNotContain(served, p => p.Distance == never);
        Assert.Contains(served, p => p.Distance == (never == OptionsDistance.Apart ? OptionsDistance.Together : OptionsDistance.Apart));
    }

    [Fact]
    public void No_pair_repeats_until_the_suitable_pool_is_used_up_then_the_longest_ago_come_back()
    {
        var pool = Deck.Count(p => ThisOrThatPicker.Suits(p, apart: false, together: true));
        var runs = Runs(pool / 5 + 2, apart: false, together: true);
        var served = runs.SelectMany(r => r).ToList();

        Assert.All(runs, r => Assert.Equal(ThisOrThatPicker.RunLength, r.Select(p => p.Id).Distinct().Count()));
        Assert.Equal(pool, served.Take(pool).Select(p => p.Id).Distinct().Count());
        // Once the pool is used up, the pairs that return are those seen longest ago (the first runs).
        var firstRuns = runs.Take(3).SelectMany(r => r).Select(p => p.Id).ToHashSet();
        Assert.All(served.Skip(pool).Take(5), p => Assert.Contains(p.Id, firstRuns));
    }

    [Fact]
    public void A_run_draws_five_different_themes_while_unseen_pairs_allow()
    {
        Assert.All(Runs(20, apart: true, together: true), r => Assert.Equal(ThisOrThatPicker.RunLength, r.Select(p => p.Theme).Distinct().Count()));
    }

    [Fact]
    public void The_question_reads_as_one_sentence()
    {
        Assert.Equal("Sunrise call or midnight call?", new OptionPair("x", "t", "Sunrise call", "Midnight call", "Why?", OptionsDistance.Any).Question);
        Assert.Equal("I travel to you or you travel to me?", new OptionPair("x", "t", "I travel to you", "You travel to me", "Why?", OptionsDistance.Any).Question);
        Assert.Equal("Coffee or I decide?", new OptionPair("x", "t", "Coffee", "I decide", "Why?", OptionsDistance.Any).Question);
    }
}
