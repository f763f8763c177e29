using BondBot.FakeDiscord;
using BondBot.Features.Delivery;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

/// <summary>The scheduler in the real host: BondBot's clock is moved by the test; prompts arrive as DMs at the fake.</summary>
public sealed class SchedulerFlowTests
{
    private static bool IsPrompt(FakeMessage m) => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal);

    private static int Prompts(FakeDiscordServer fake, FakeUser user) => fake.DirectMessagesTo(user).Count(IsPrompt);

    private static Task ScheduleAsync(BotHarness bot, FakeUser user, string zone, int hour, int minute = 0, CheckInDays days = CheckInDays.Every) =>
        bot.Services.GetRequiredService<SettingsService>().UpdateAsync(user.Id, DateTimeZoneProviders.Tzdb[zone], new LocalTime(hour, minute), days);


    [Fact]
    public async Task Each_partner_is_prompted_at_their_own_local_time_with_todays_question()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0));
        await using var bot = await BotHarness.StartAsync(clock: clock);
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await ScheduleAsync(bot, world.Alice, "Europe/Berlin", 20);   // 18:00 UTC in summer
        await ScheduleAsync(bot, world.Bob, "Asia/Tokyo", 20);        // 11:00 UTC, already past today

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 17, 59));
        Assert.Equal(0, Prompts(bot.Fake, world.Alice));
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 18, 0));
        await bot.Fake.WaitUntilAsync(() => Prompts(bot.Fake, world.Alice) == 1);
        Assert.Equal(0, Prompts(bot.Fake, world.Bob));

        // One message per action: the check-in, today's question card, and the week's ritual.
        var dms = bot.Fake.DirectMessagesTo(world.Alice);
        Assert.DoesNotContain("q.answer", dms.Single(IsPrompt).Components.ToJsonString());
        Assert.Single(dms, m => m.Components.ToJsonString().Contains("q.answer"));
        Assert.Single(dms, m => World.Text(m).Contains("This week's ritual"));

        await bot.AtAsync(Instant.FromUtc(2026, 6, 2, 11, 0));
        await bot.Fake.WaitUntilAsync(() => Prompts(bot.Fake, world.Bob) == 1);
        Assert.Equal(1, Prompts(bot.Fake, world.Alice));
    }

    [Fact]
    public async Task A_time_skipped_by_daylight_saving_fires_once_at_the_end_of_the_gap()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 7, 12, 0));
        await using var bot = await BotHarness.StartAsync(clock: clock);
        var world = new World(bot.Fake);
        await ScheduleAsync(bot, world.Carol, "America/New_York", 2, 30);   // 2026-03-08 02:30 does not exist there

        await bot.AtAsync(Instant.FromUtc(2026, 3, 8, 6, 59));     // 01:59 EST
        var before = Prompts(bot.Fake, world.Carol);                         // the 7th's 02:30 EST slot
        await bot.AtAsync(Instant.FromUtc(2026, 3, 8, 7, 0));      // 03:00 EDT, the end of the gap
        await bot.Fake.WaitUntilAsync(() => Prompts(bot.Fake, world.Carol) == before + 1);
        await bot.AtAsync(Instant.FromUtc(2026, 3, 8, 12, 0));
        Assert.Equal(before + 1, Prompts(bot.Fake, world.Carol));
    }

    [Fact]
    public async Task Pause_stops_prompts_tells_the_partner_and_resume_brings_them_back()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0));
        await using var bot = await BotHarness.StartAsync(clock: clock);
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await ScheduleAsync(bot, world.Alice, "UTC", 20);

        var paused = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "pause", new FakeOption("days", 4, 3)));
        Assert.Contains("Paused until", paused.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("short break")));

        await bot.AtAsync(Instant.FromUtc(2026, 6, 2, 20, 30));
        Assert.Equal(0, Prompts(bot.Fake, world.Alice));

        var resumed = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "resume"));
        Assert.Contains("Welcome back", resumed.Content);
        // The partner is told of the return as they were of the pause.
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains($"<@{world.Alice.Id}> is back from their break")));
        await bot.AtAsync(Instant.FromUtc(2026, 6, 3, 20, 0));
        await bot.Fake.WaitUntilAsync(() => Prompts(bot.Fake, world.Alice) == 1);
    }

    [Fact]
    public async Task After_downtime_a_recent_prompt_is_still_sent_and_an_old_one_is_skipped()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0));
        await using var bot = await BotHarness.StartAsync(clock: clock);
        var world = new World(bot.Fake);
        await ScheduleAsync(bot, world.Alice, "UTC", 20);

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 22, 0));     // two hours late: inside the window
        await bot.Fake.WaitUntilAsync(() => Prompts(bot.Fake, world.Alice) == 1);

        await bot.AtAsync(Instant.FromUtc(2026, 6, 3, 0, 30));     // the 2nd's slot is 4.5 hours old
        Assert.Equal(1, Prompts(bot.Fake, world.Alice));
        await bot.AtAsync(Instant.FromUtc(2026, 6, 3, 20, 0));
        await bot.Fake.WaitUntilAsync(() => Prompts(bot.Fake, world.Alice) == 2);
    }

    [Fact]
    public async Task Closed_dms_mark_the_person_unreachable_without_retrying_and_their_next_command_explains()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0));
        await using var bot = await BotHarness.StartAsync(clock: clock);
        var world = new World(bot.Fake);
        world.Bob.DmsOpen = false;
        await ScheduleAsync(bot, world.Bob, "UTC", 13);

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 13, 0));
        var channels = bot.Services.GetRequiredService<DmChannelRepository>();
        await bot.Fake.WaitUntilAsync(() => channels.IsUnreachableAsync(world.Bob.Id).GetAwaiter().GetResult());
        var attempts = bot.Fake.Requests.Count(r => r.Status == 403 && r.ErrorCode == 50007);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 13, 5));
        Assert.Equal(attempts, bot.Fake.Requests.Count(r => r.Status == 403 && r.ErrorCode == 50007));

        var help = await world.CommandAsync(world.Bob, "help");
        await bot.Fake.WaitUntilAsync(() => help.FollowUps.Any(m => m.Content == bot.AsSent(Reachability.Text)));
        Assert.True(help.FollowUps.Single().Ephemeral);
    }
}
