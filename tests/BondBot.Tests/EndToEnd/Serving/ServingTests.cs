using BondBot.FakeDiscord;
using BondBot.Features.Couple;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using BondBot.Features.Rituals;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.Serving;

/// <summary>Issue 13: questions and rituals served to suit the pair, depths that mix, solo reflection.</summary>
public sealed class ServingTests
{

    /// <summary>Opens a round as the daily prompt does and has both partners answer it, so the next one can open.</summary>
    private static async Task<Round> PlayRoundAsync(BotHarness bot, Pair pair)
    {
        var questions = bot.Services.GetRequiredService<QuestionService>();
        var round = (await questions.OpenAsync(pair, null, new RoundRepository.Request(null, null), askerId: pair.UserA)).Round!;
        await questions.SubmitAsync(round.RoundId, pair.UserA, "a");
        await questions.SubmitAsync(round.RoundId, pair.UserB, "b");
        return round;
    }

    private static DeckQuestion Card(BotHarness bot, Round round) => bot.Services.GetRequiredService<QuestionDeck>().Find(round.QuestionKey)!;

    [Fact]
    public async Task A_long_distance_pair_in_one_zone_says_so_once_and_gets_distance_questions_and_rituals_and_the_partner_is_told()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);
        var settings = bot.Services.GetRequiredService<SettingsService>();
        foreach (var user in new[] { world.Alice, world.Bob })
            await settings.UpdateAsync(user.Id, DateTimeZoneProviders.Tzdb["Europe/Berlin"], new LocalTime(20, 0), CheckInDays.Every);
        var profiles = bot.Services.GetRequiredService<CoupleProfiles>();
        Assert.Equal(CoupleDistance.Together, (await profiles.ForAsync(pair, world.Alice.Id)).Distance);   // guessed from one zone

        var shown = await world.ReplyAsync(await world.CommandAsync(world.Bob, "couple"));
        Assert.Contains("I'm guessing you live **together in one place**", shown.Content);
        var saved = await world.ReplyAsync(await world.CommandAsync(world.Alice, "couple", new FakeOption("distance", 3, "apart")));
        Assert.Contains("Saved ✅", saved.Content);
        Assert.Contains("**apart (long distance)**", saved.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("updated how BondBot sees the two of you")));

        var cards = new List<DeckQuestion>();
        for (var i = 0; i < 60; i++)
            cards.Add(Card(bot, await PlayRoundAsync(bot, pair)));
        Assert.DoesNotContain(cards, c => c.Distance == Distance.Together);
        Assert.Contains(cards, c => c.Distance == Distance.Apart);
        var rituals = bot.Services.GetRequiredService<RitualDeck>();
        var profile = await profiles.ForAsync(pair, world.Alice.Id);
        Assert.All(Enumerable.Range(0, 30), w => Assert.NotEqual(Distance.Together,
            rituals.For(pair.PairId, new LocalDate(2026, 6, 7).PlusWeeks(w), profile.Apart, profile.Together, profile.Stage == CoupleStage.New).Distance));

        // The weekly ritual they actually receive works at a distance.
        await bot.AtAsync(Instant.FromUtc(2026, 6, 7, 18, 0));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("This week's ritual")));
        var ritualText = World.Text(bot.Fake.DirectMessagesTo(world.Alice).First(m => World.Text(m).Contains("This week's ritual")));
        Assert.Contains(rituals.Rituals, r => r.Distance != Distance.Together && ritualText.Contains(r.Title));
    }

    [Fact]
    public async Task A_pair_together_never_gets_long_distance_questions()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);
        await world.ReplyAsync(await world.CommandAsync(world.Bob, "couple", new FakeOption("distance", 3, "together")));

        var cards = new List<DeckQuestion>();
        for (var i = 0; i < 80; i++)
            cards.Add(Card(bot, await PlayRoundAsync(bot, pair)));

        Assert.DoesNotContain(cards, c => c.Distance == Distance.Apart);
    }

    [Fact]
    public async Task A_new_couple_gets_no_shared_history_questions_until_they_say_they_have_been_together_a_while()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);
        var questions = bot.Services.GetRequiredService<QuestionService>();
        var deck = bot.Services.GetRequiredService<QuestionDeck>();
        var established = deck.Questions.Where(q => q.Stage == Stage.Established).GroupBy(q => (q.Category, q.Depth)).First().Key;

        async Task<List<DeckQuestion>> DrawAsync()
        {
            var drawn = new List<DeckQuestion>();
            for (var i = 0; i < 25; i++)
            {
                var round = (await questions.OpenAsync(pair, null, new RoundRepository.Request(established.Category, established.Depth), askerId: pair.UserA)).Round!;
                drawn.Add(Card(bot, round));
                await questions.SubmitAsync(round.RoundId, pair.UserA, "a");
                await questions.SubmitAsync(round.RoundId, pair.UserB, "b");
            }
            return drawn;
        }

        Assert.DoesNotContain(await DrawAsync(), c => c.Stage == Stage.Established);
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "couple", new FakeOption("stage", 3, "established")));
        Assert.Contains(await DrawAsync(), c => c.Stage == Stage.Established);
    }

    [Fact]
    public async Task Unpaired_people_and_people_whose_partner_is_paused_reflect_on_solo_questions()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var deck = bot.Services.GetRequiredService<QuestionDeck>();
        bool IsSolo(FakeMessage m) => deck.Questions.Any(q => q.Solo && q.Text == m.Embeds[0]!["description"]!.GetValue<string>());

        for (var i = 0; i < 10; i++)
            Assert.True(IsSolo(await world.ReplyAsync(await world.DmCommandAsync(world.Carol, "question"))));

        await PairingFlowTests.PairOfAsync(bot, world);
        await world.ReplyAsync(await world.DmCommandAsync(world.Bob, "pause", new FakeOption("days", 4, 3)));
        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "question"));
        Assert.True(IsSolo(reply));
        Assert.Contains("is taking a short break", reply.Content);
        Assert.DoesNotContain("/pair", World.Text(reply));
        await bot.DeliverAsync();
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), m => m.Components.ToJsonString().Contains("q.answer"));
    }

    [Fact]
    public async Task Each_reveal_ends_with_a_listening_follow_up_that_changes_from_round_to_round()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);
        for (var i = 0; i < 6; i++)
            await PlayRoundAsync(bot, pair);
        await bot.DeliverAsync();

        string Footer(FakeMessage m) => m.Embeds[0]!["footer"]!["text"]!.GetValue<string>();
        var alices = bot.Fake.DirectMessagesTo(world.Alice).Where(m => World.Text(m).Contains("You both answered")).Select(Footer).ToList();
        var bobs = bot.Fake.DirectMessagesTo(world.Bob).Where(m => World.Text(m).Contains("You both answered")).Select(Footer).ToList();
        Assert.Equal(6, alices.Count);
        Assert.Equal(alices, bobs);                                      // both read the same follow-up for a round
        Assert.Equal(6, alices.Distinct().Count());
        var deck = BondBot.Content.EmbeddedDeck.Load<RevealFollowUps.FollowUp>("reveal-followups").Select(f => $"💬 {f.Text}");
        Assert.All(alices, footer => Assert.Contains(footer, deck));
    }
}
