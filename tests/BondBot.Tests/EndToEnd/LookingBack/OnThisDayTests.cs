using BondBot.FakeDiscord;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.LookingBack;

/// <summary>Issue 15, On this day: questions Alice and Bob revealed on 1 March come back in their daily prompts in June,
/// one a week for the pair, with both old answers. Alice checks in at 20:00 UTC, Bob at 21:00 UTC.</summary>
public sealed class OnThisDayTests
{
    private static readonly Instant March = Instant.FromUtc(2026, 3, 1, 12, 0);

    private static Instant AliceAt(int june) => Instant.FromUtc(2026, 6, june, 20, 0);
    private static Instant BobAt(int june) => Instant.FromUtc(2026, 6, june, 21, 0);

    private static bool IsOnThisDay(FakeMessage m) => World.Text(m).Contains("On this day, a while back", StringComparison.Ordinal);

    private static async Task<(BotHarness Bot, World World, Pair Pair)> StartAsync()
    {
        var bot = await BotHarness.StartAsync(clock: new FakeClock(March));
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);
        await PlayAsync(bot, pair, "alice-then-1", "bob-then-1");
        await PlayAsync(bot, pair, "alice-then-2", "bob-then-2");
        var settings = bot.Services.GetRequiredService<SettingsService>();
        await settings.UpdateAsync(world.Alice.Id, DateTimeZoneProviders.Tzdb["Etc/UTC"], new LocalTime(20, 0), CheckInDays.Every);
        await settings.UpdateAsync(world.Bob.Id, DateTimeZoneProviders.Tzdb["Etc/UTC"], new LocalTime(21, 0), CheckInDays.Every);
        return (bot, world, pair);
    }

    /// <summary>Plays a question round to its reveal at the clock's time, a minute apart so "oldest first" is defined.</summary>
    private static async Task PlayAsync(BotHarness bot, Pair pair, string aliceSays, string bobSays)
    {
        var questions = bot.Services.GetRequiredService<QuestionService>();
        var round = (await questions.OpenAsync(pair, null, new RoundRepository.Request(null, null), askerId: pair.UserA)).Round!;
        await questions.SubmitAsync(round.RoundId, pair.UserA, aliceSays);
        await questions.SubmitAsync(round.RoundId, pair.UserB, bobSays);
        bot.Clock.Advance(Duration.FromMinutes(1));
    }

    /// <summary>Answers the pair's open round (the daily prompt opens one) so a new one can be opened.</summary>
    private static async Task RevealOpenAsync(BotHarness bot, Pair pair)
    {
        var questions = bot.Services.GetRequiredService<QuestionService>();
        var open = await bot.Services.GetRequiredService<RoundRepository>().GetOpenAsync(pair.PairId);
        await questions.SubmitAsync(open!.RoundId, pair.UserA, "today-alice");
        await questions.SubmitAsync(open.RoundId, pair.UserB, "today-bob");
    }

    /// <summary>Runs the person's check-in at <paramref name="at"/> and returns the On this day DMs it brought (none or one).</summary>
    private static async Task<List<string>> OnThisDayAtAsync(BotHarness bot, FakeUser user, Instant at)
    {
        var before = bot.Fake.DirectMessagesTo(user).Count;
        await bot.AtAsync(at);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(user).Skip(before)
            .Any(m => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        return bot.Fake.DirectMessagesTo(user).Skip(before).Where(IsOnThisDay).Select(World.Text).ToList();
    }

    [Fact]
    public async Task Rounds_revealed_months_ago_come_back_once_a_week_the_same_for_both_and_recent_or_unrevealed_ones_never()
    {
        var (bot, world, pair) = await StartAsync();
        await using var _ = bot;
        bot.Clock.Reset(Instant.FromUtc(2026, 5, 31, 12, 0));                   // ten days before the first prompt
        await PlayAsync(bot, pair, "alice-recent", "bob-recent");
        var questions = bot.Services.GetRequiredService<QuestionService>();
        var open = (await questions.OpenAsync(pair, null, new RoundRepository.Request(null, null), askerId: pair.UserA)).Round!;
        const string waiting = "alice-waiting-for-bob";
        await questions.SubmitAsync(open.RoundId, pair.UserA, waiting);

        var alice = Assert.Single(await OnThisDayAtAsync(bot, world.Alice, AliceAt(10)));
        Assert.Contains("alice-then-1", alice);                                  // the oldest first, with both old answers
        Assert.Contains("bob-then-1", alice);
        Assert.Contains("Has anything changed?", alice);
        Assert.Contains($"<t:{March.ToUnixTimeSeconds()}:D>", alice);
        var bob = Assert.Single(await OnThisDayAtAsync(bot, world.Bob, BobAt(10)));
        Assert.Equal(alice, bob);                                                // the same one for both that week

        foreach (var day in new[] { 11, 12, 16 })                                // the rest of the week: nothing more
        {
            Assert.Empty(await OnThisDayAtAsync(bot, world.Alice, AliceAt(day)));
            Assert.Empty(await OnThisDayAtAsync(bot, world.Bob, BobAt(day)));
        }

        var nextWeek = Assert.Single(await OnThisDayAtAsync(bot, world.Alice, AliceAt(17)));   // a week later: the next oldest
        Assert.Contains("alice-then-2", nextWeek);
        Assert.Contains("bob-then-2", nextWeek);
        Assert.Equal(nextWeek, Assert.Single(await OnThisDayAtAsync(bot, world.Bob, BobAt(17))));

        Assert.Empty(await OnThisDayAtAsync(bot, world.Alice, AliceAt(24)));     // the round from 31 May is too recent
        Assert.Empty(await OnThisDayAtAsync(bot, world.Bob, BobAt(24)));
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice).Concat(bot.Fake.DirectMessagesTo(world.Bob)).Where(IsOnThisDay),
            // The answers, not the word: a question drawn at random may itself say "recent".
            m => World.Text(m).Contains("alice-recent", StringComparison.Ordinal) || World.Text(m).Contains("bob-recent", StringComparison.Ordinal));
        Assert.DoesNotContain(waiting, World.Everything(bot.Fake));             // an unrevealed answer: never, anywhere
    }

    [Fact]
    public async Task Turned_off_with_couple_nothing_comes_back_and_the_partner_is_told_and_on_again_it_returns()
    {
        var (bot, world, _) = await StartAsync();
        await using var __ = bot;
        bot.Clock.Reset(Instant.FromUtc(2026, 6, 10, 12, 0));
        var before = await world.ReplyAsync(await world.CommandAsync(world.Bob, "couple"));
        Assert.Contains("**On this day** is on", before.Content);               // on until turned off

        var off = await world.ReplyAsync(await world.CommandAsync(world.Bob, "couple", new FakeOption("looking_back", 3, "off")));
        Assert.True(off.Ephemeral);
        Assert.Contains("**On this day** is off", off.Content);
        await bot.DeliverAsync();
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("**On this day** is off", StringComparison.Ordinal));
        var summary = await world.ReplyAsync(await world.CommandAsync(world.Alice, "couple"));
        Assert.Contains("**On this day** is off", summary.Content);

        Assert.Empty(await OnThisDayAtAsync(bot, world.Alice, AliceAt(10)));
        Assert.Empty(await OnThisDayAtAsync(bot, world.Bob, BobAt(10)));

        bot.Clock.Reset(Instant.FromUtc(2026, 6, 11, 12, 0));
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "couple", new FakeOption("looking_back", 3, "on")));
        Assert.Contains("alice-then-1", Assert.Single(await OnThisDayAtAsync(bot, world.Alice, AliceAt(11))));
    }

    [Fact]
    public async Task Ask_it_again_waits_while_a_round_is_open_then_opens_the_old_question_for_both()
    {
        var (bot, world, pair) = await StartAsync();
        await using var _ = bot;
        await OnThisDayAtAsync(bot, world.Alice, AliceAt(10));
        var card = bot.Fake.DirectMessagesTo(world.Alice).Last(IsOnThisDay);

        var busy = await world.ClickAsync(world.Alice, card, "otd.again");       // today's question is open
        Assert.Contains("already have a question open", busy.Content);

        await RevealOpenAsync(bot, pair);
        var again = await world.ClickAsync(world.Alice, card, "otd.again");
        Assert.Contains("Asked again", again.Content);
        var old = (await bot.Services.GetRequiredService<RoundRepository>().GetAsync(1))!;
        var reopened = (await bot.Services.GetRequiredService<RoundRepository>().GetOpenAsync(pair.PairId))!;
        Assert.Equal(old.QuestionText, reopened.QuestionText);
        await bot.DeliverAsync();
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Bob), m => World.CustomIds(m).Contains($"q.answer:{reopened.RoundId}"));
    }

    [Fact]
    public async Task After_re_pairing_nothing_from_the_earlier_pairing_comes_back()
    {
        var (bot, world, _) = await StartAsync();
        await using var __ = bot;
        bot.Clock.Reset(Instant.FromUtc(2026, 6, 8, 12, 0));
        var ask = await world.ReplyAsync(await world.CommandAsync(world.Alice, "unpair"));
        await world.ClickAsync(world.Alice, ask, "pair.unpair");

        Assert.Empty(await OnThisDayAtAsync(bot, world.Alice, AliceAt(8)));      // unpaired: never
        bot.Clock.Reset(Instant.FromUtc(2026, 6, 9, 12, 0));
        await PairingFlowTests.PairAsync(world, world.Alice, world.Carol);
        Assert.Empty(await OnThisDayAtAsync(bot, world.Alice, AliceAt(10)));     // a new pair has no old rounds yet
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice), IsOnThisDay);
    }

    [Fact]
    public void Two_answers_of_the_longest_kind_with_many_lines_still_fit_one_embed_and_both_are_shown()
    {
        var longest = string.Concat(Enumerable.Repeat("a\n", QuestionService.MaxAnswerLength / 2));   // every line gets "> "
        var old = new BondBot.Features.LookingBack.OnThisDayRepository.Old(new string('q', 300), March, [(1UL, longest), (2UL, longest)]);

        var description = BondBot.Features.LookingBack.OnThisDayCards.Card(7, old).Embeds![0].Description!;

        Assert.True(description.Length <= BondBot.Discord.DiscordLimits.EmbedDescription);
        Assert.Contains("<@1>:", description);
        Assert.Contains("<@2>:", description);
        Assert.Contains("Has anything changed?", description);
    }
}
