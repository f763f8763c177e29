using System.Text.Json.Nodes;
using BondBot.Features.Questions;
using BondBot.Features.Rituals;
using NodaTime;

namespace BondBot.Tests.Content;

/// <summary>The other decks: rituals, this-or-that, guess my answer, check-in prompts, the repair kit, pulse ideas and
/// reveal follow-ups. Each file's ids are unique, its texts within their limits and the rules, and its counts reached.</summary>
public sealed class DeckFilesTests
{
    private static readonly RitualDeck Rituals = RitualDeck.LoadEmbedded();

    private static JsonArray Deck(string name)
    {
        using var stream = typeof(RitualDeck).Assembly.GetManifestResourceStream($"BondBot.Content.Decks.{name}.json")
            ?? throw new InvalidDataException($"{name}.json is not embedded.");
        return JsonNode.Parse(stream)!.AsArray();
    }

    private static string S(JsonNode? item, string key) => item![key]!.GetValue<string>();

    /// <summary>Unique ids, every text field within its length and free of gendered words and therapy idioms, no two
    /// items nearly the same, no sentence copied from the notes.</summary>
    private static void Valid(JsonArray items, IReadOnlyDictionary<string, (int Min, int Max)> lengths)
    {
        Assert.Equal(items.Count, items.Select(i => S(i, "id")).Distinct().Count());
        var forbidden = ContentRules.ForbiddenRunHashes();
        foreach (var item in items)
            foreach (var (field, (min, max)) in lengths)
            {
                var text = S(item, field);
                Assert.InRange(text.Length, min, max);
                Assert.DoesNotMatch(ContentRules.Gendered(), text);
                Assert.DoesNotMatch(ContentRules.TherapyIdiom(), text);
                Assert.DoesNotContain(ContentRules.RunHashes(text), forbidden.Contains);
            }
        var close = ContentRules.NearDuplicates(items.Select(i => (S(i, "id"), ContentRules.ContentWords(string.Join(' ', lengths.Keys.Select(k => S(i, k)))))).ToList());
        Assert.True(close.Count == 0, string.Join(", ", close));
    }

    [Fact]
    public void At_least_150_rituals_for_pairs_apart_and_together_low_energy_weeks_and_new_couples()
    {
        Assert.True(Rituals.Rituals.Count >= 150, $"only {Rituals.Rituals.Count}");
        Assert.Equal(Rituals.Rituals.Count, Rituals.Rituals.Select(r => r.Id).Distinct().Count());
        Assert.True(Rituals.Rituals.Count(r => r.Distance == Distance.Apart) >= 60);
        Assert.True(Rituals.Rituals.Count(r => r.Distance == Distance.Together) >= 40);
        Assert.True(Rituals.Rituals.Count(r => r.Energy == Energy.Low) >= 30);
        Assert.True(Rituals.Rituals.Count(r => r.Stage == RitualStage.New) >= 20);
        Assert.All(QuestionCategory.All, c => Assert.True(Rituals.Rituals.Count(r => r.Category == c.Key) >= 4, c.Key));
        Assert.All(Rituals.Rituals, r =>
        {
            Assert.InRange(r.Title.Length, 3, 60);
            Assert.InRange(r.Text.Length, 20, 350);
            Assert.DoesNotMatch(ContentRules.Gendered(), r.Text);
        });
    }

    [Fact]
    public void A_pair_apart_gets_rituals_that_work_at_a_distance_and_a_pair_together_ones_for_one_place_and_weeks_rotate()
    {
        var week = new LocalDate(2026, 6, 7);
        Assert.All(Enumerable.Range(0, 60), i => Assert.NotEqual(Distance.Together, Rituals.For(i, week.PlusWeeks(i), apart: true, together: false, newCouple: false).Distance));
        Assert.All(Enumerable.Range(0, 60), i => Assert.NotEqual(Distance.Apart, Rituals.For(i, week.PlusWeeks(i), apart: false, together: true, newCouple: false).Distance));
        Assert.All(Enumerable.Range(0, 60), i => Assert.NotEqual(RitualStage.Established, Rituals.For(i, week.PlusWeeks(i), true, true, newCouple: true).Stage));
        Assert.All(Enumerable.Range(0, 60), i => Assert.NotEqual(RitualStage.New, Rituals.For(i, week.PlusWeeks(i), true, true, newCouple: false).Stage));
        var sometimes = Enumerable.Range(0, 200).Select(i => Rituals.For(i, week.PlusWeeks(i), true, true, false).Distance).ToHashSet();
        Assert.Equal(3, sometimes.Count);                          // a pair sometimes apart gets both kinds
        Assert.NotEqual(Rituals.For(1, week, false, true, false).Id, Rituals.For(1, week.PlusWeeks(1), false, true, false).Id);
        Assert.Equal(new LocalDate(2026, 6, 7), RitualDeck.WeekOf(new LocalDate(2026, 6, 10), IsoDayOfWeek.Sunday));
        Assert.Equal(new LocalDate(2026, 6, 7), RitualDeck.WeekOf(new LocalDate(2026, 6, 7), IsoDayOfWeek.Sunday));
    }

    [Fact]
    public void At_least_250_this_or_that_pairs_in_themes_of_eight_or_more()
    {
        var deck = Deck("this-or-that");
        Assert.True(deck.Count >= 250, $"only {deck.Count}");
        Valid(deck, new Dictionary<string, (int, int)> { ["a"] = (2, 40), ["b"] = (2, 40), ["followUp"] = (10, 200) });
        Assert.All(deck.GroupBy(i => S(i, "theme")), theme => Assert.True(theme.Count() >= 8, theme.Key));
        Assert.All(deck, i => Assert.EndsWith("?", S(i, "followUp")));
    }

    [Fact]
    public void At_least_200_guess_prompts_that_name_the_partner_and_offer_short_choices()
    {
        var deck = Deck("guess");
        Assert.True(deck.Count >= 200, $"only {deck.Count}");
        Valid(deck, new Dictionary<string, (int, int)> { ["ask"] = (10, 200), ["guess"] = (10, 200) });
        Assert.All(deck, i =>
        {
            Assert.Contains("{partner}", S(i, "guess"));
            Assert.DoesNotMatch(ContentRules.YesNoOpening(), S(i, "ask"));
            if (i!["choices"] is JsonArray choices)
                Assert.All(choices, c => Assert.InRange(c!.GetValue<string>().Length, 1, 40));
        });
        Assert.True(deck.GroupBy(i => S(i, "set")).All(g => g.Count() >= 20));
    }

    [Fact]
    public void At_least_30_check_in_prompts_per_slot_each_label_within_discords_45_characters()
    {
        var deck = Deck("checkin-prompts");
        Valid(deck, new Dictionary<string, (int, int)> { ["label"] = (5, 45), ["placeholder"] = (5, 100) });
        foreach (var slot in new[] { "good", "weight", "need" })
            Assert.True(deck.Count(i => S(i, "slot") == slot) >= 30, slot);
    }

    [Fact]
    public void The_repair_kit_has_at_least_15_cards_for_each_antidote()
    {
        var deck = Deck("repair-kit");
        Valid(deck, new Dictionary<string, (int, int)> { ["text"] = (10, 240) });
        foreach (var antidote in new[] { "gentle-startup", "appreciation", "responsibility", "self-soothing" })
            Assert.True(deck.Count(i => S(i, "antidote") == antidote) >= 15, antidote);
    }

    [Fact]
    public void Pulse_ideas_cover_every_area_five_times_and_reveal_follow_ups_number_at_least_40()
    {
        var ideas = Deck("pulse-ideas");
        Valid(ideas, new Dictionary<string, (int, int)> { ["text"] = (20, 240) });
        foreach (var area in new[] { "trust", "knowledge", "mutuality", "commitment", "caring", "interdependence" })
            Assert.True(ideas.Count(i => S(i, "area") == area) >= 5, area);
        var followUps = Deck("reveal-followups");
        Assert.True(followUps.Count >= 40);
        Valid(followUps, new Dictionary<string, (int, int)> { ["text"] = (10, 140) });
    }
}
