using BondBot.FakeDiscord;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

public sealed class NudgeAndRitualFlowTests
{
    private static bool IsNudge(FakeMessage m) => m.Content?.Contains("🔔") == true;
    private static bool HasRitual(FakeMessage m) => m.Embeds.Any(e => e?["title"]?.GetValue<string>().StartsWith("🕯️") == true);

    private static Task ScheduleAsync(BotHarness bot, FakeUser user, string zone, int hour) =>
        bot.Services.GetRequiredService<SettingsService>().UpdateAsync(user.Id, DateTimeZoneProviders.Tzdb[zone], new LocalTime(hour, 0), CheckInDays.Every);


    /// <summary>Pairs Alice and Bob, opens a question and lets Alice answer it at the clock's current time.</summary>
    private static async Task<World> AliceAnsweredAsync(BotHarness bot)
    {
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "mine"));
        return world;
    }

    [Fact]
    public async Task The_partner_who_has_not_answered_gets_one_gentle_nudge_for_the_round_after_the_delay()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = await AliceAnsweredAsync(bot);

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 15, 59));
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), IsNudge);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 16, 0));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Count(IsNudge) == 1);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 20, 0));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), IsNudge);
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice), IsNudge);   // she answered: nothing for her
        var nudge = bot.Fake.DirectMessagesTo(world.Bob).Single(IsNudge);
        Assert.Equal($"🔔 <@{world.Alice.Id}> answered today's question. Your answer reveals both. If today isn't the day for it, **Not yet** saves it for later.", nudge.Content);
        Assert.Contains(World.CustomIds(nudge), id => id.StartsWith("q.answer", StringComparison.Ordinal));
        Assert.Contains(World.CustomIds(nudge), id => id.StartsWith(BondBot.Features.Questions.QuestionCards.NotYetPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain("mine", World.Text(bot.Fake.DirectMessagesTo(world.Bob).Single(IsNudge)));

        for (var day = 2; day <= 9; day++)                                          // a week of new local days: one nudge per round
            await bot.AtAsync(Instant.FromUtc(2026, 6, day, 12, 0));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), IsNudge);
    }

    [Fact]
    public async Task No_nudge_during_quiet_hours_in_the_persons_own_zone_or_while_paused()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = await AliceAnsweredAsync(bot);
        await ScheduleAsync(bot, world.Bob, "Asia/Tokyo", 20);                     // 16:00 UTC is 01:00 in Tokyo

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 16, 0));
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), IsNudge);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 23, 0));                   // 08:00 in Tokyo
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Count(IsNudge) == 1);

        await bot.Services.GetRequiredService<SettingsService>().PauseAsync(world.Bob.Id, 3);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 2, 23, 30));                  // next Tokyo day, but paused
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), IsNudge);
    }

    [Fact]
    public async Task The_weekly_ritual_rides_on_the_first_prompt_of_each_ritual_week_and_is_shared_by_the_pair()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));   // a Monday
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await ScheduleAsync(bot, world.Alice, "UTC", 20);
        await ScheduleAsync(bot, world.Bob, "Europe/Lisbon", 20);                 // 19:00 UTC in summer

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 20, 0));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Count(HasRitual) == 1 && bot.Fake.DirectMessagesTo(world.Bob).Count(HasRitual) == 1);
        string Title(FakeUser u) => bot.Fake.DirectMessagesTo(u).Last(HasRitual).Embeds.First(e => e!["title"]!.GetValue<string>().StartsWith("🕯️"))!["title"]!.GetValue<string>();
        Assert.Equal(Title(world.Alice), Title(world.Bob));
        var first = Title(world.Alice);

        for (var day = 2; day <= 6; day++)
            await bot.AtAsync(Instant.FromUtc(2026, 6, day, 20, 0));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), HasRitual);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 7, 20, 0));                   // Sunday: a new ritual week
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Count(HasRitual) == 2);
        Assert.NotEqual(first, Title(world.Alice));
        Assert.Contains("appreciated", World.Text(bot.Fake.DirectMessagesTo(world.Alice).Last(HasRitual)));
    }
}
