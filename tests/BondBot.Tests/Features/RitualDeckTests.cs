using BondBot.Features.Rituals;
using NodaTime;

namespace BondBot.Tests.Features;

public sealed class RitualDeckTests
{
    private static readonly RitualDeck Deck = RitualDeck.LoadEmbedded();
    private static readonly string[] Dimensions = ["trust", "knowledge", "mutuality", "commitment", "caring", "interdependence"];

    [Fact]
    public void The_ritual_file_has_enough_varied_ideas_within_limits()
    {
        Assert.True(Deck.Rituals.Count >= 60, $"only {Deck.Rituals.Count}");
        Assert.True(Deck.Rituals.Count(r => r.LongDistance) >= 40);
        Assert.Equal(Deck.Rituals.Count, Deck.Rituals.Select(r => r.Id).Distinct().Count());
        Assert.All(Deck.Rituals, r =>
        {
            Assert.InRange(r.Title.Length, 3, 60);
            Assert.InRange(r.Text.Length, 20, 350);
            Assert.Contains(r.Dimension, Dimensions);
        });
        Assert.All(Dimensions, d => Assert.True(Deck.Rituals.Count(r => r.Dimension == d) >= 8, d));
    }

    [Fact]
    public void Partners_apart_get_long_distance_ideas_and_weeks_rotate()
    {
        var week = new LocalDate(2026, 6, 7);
        Assert.All(Enumerable.Range(0, 30), i => Assert.True(Deck.For(i, week.PlusWeeks(i), apart: true).LongDistance));
        Assert.NotEqual(Deck.For(1, week, false).Id, Deck.For(1, week.PlusWeeks(1), false).Id);
        Assert.Equal(new LocalDate(2026, 6, 7), RitualDeck.WeekOf(new LocalDate(2026, 6, 10), IsoDayOfWeek.Sunday));
        Assert.Equal(new LocalDate(2026, 6, 7), RitualDeck.WeekOf(new LocalDate(2026, 6, 7), IsoDayOfWeek.Sunday));
    }
}
