using BondBot.FakeDiscord;
using BondBot.Features.Delivery;
using BondBot.Features.Settings;
using BondBot.Interactions;
using BondBot.Storage;
using BondBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.Trust;

/// <summary>Nothing a partner must see is lost: failing DMs, outages longer than the nonce window, a crash between
/// commit and send, closed DMs, a busy database.</summary>
public sealed class DeliveryReliabilityTests
{
    private static bool IsPrompt(FakeMessage m) => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal);

    private static Task ScheduleAsync(BotHarness bot, FakeUser user, string zone, int hour) =>
        bot.Services.GetRequiredService<SettingsService>().UpdateAsync(user.Id, DateTimeZoneProviders.Tzdb[zone], new LocalTime(hour, 0), CheckInDays.Every);

    [Fact]
    public async Task One_partners_dm_failing_for_90_seconds_costs_nobody_the_reveal_and_each_gets_it_once()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);
        var bobsDm = bot.Fake.DirectMessagesTo(world.Bob).First().ChannelId;
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "alice-says"));

        var outage = bot.Fake.FailRequests(503, $"channels/{bobsDm}/messages");
        var reply = await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestCard(bot.Fake, world.General.Id), "bob-says"));
        Assert.Contains("both answered", reply.Content);
        Assert.DoesNotContain("nothing was changed", reply.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("bob-says")));
        await bot.DeliverAsync();
        for (var seconds = 30; seconds <= 90; seconds += 30)
        {
            bot.Clock.Advance(Duration.FromSeconds(30));
            await bot.DeliverAsync();
            Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("alice-says"));
        }
        outage.Dispose();
        bot.Clock.Advance(Duration.FromMinutes(2));
        await bot.DeliverAsync();
        await bot.DeliverAsync();

        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("alice-says"));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("bob-says"));
    }

    [Fact]
    public async Task A_six_minute_outage_over_a_check_in_time_still_brings_each_person_exactly_one_prompt()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 19, 0)));
        var world = new World(bot.Fake);
        await ScheduleAsync(bot, world.Alice, "UTC", 20);
        await ScheduleAsync(bot, world.Bob, "Europe/London", 21);     // 20:00 UTC in summer too

        var outage = bot.Fake.FailRequests(503);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 20, 0));
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 20, 3));
        Assert.Empty(bot.Fake.DirectMessagesTo(world.Alice));
        outage.Dispose();
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 20, 6));        // past Discord's nonce window, inside the catch-up window
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 20, 10));

        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), IsPrompt);
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), IsPrompt);
    }

    [Fact]
    public async Task A_partner_answering_after_the_daily_prompt_leaves_its_mood_buttons_ritual_and_pulse_offer_in_place()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await ScheduleAsync(bot, world.Alice, "UTC", 20);
        await ScheduleAsync(bot, world.Bob, "UTC", 20);
        var before = bot.Fake.DirectMessagesTo(world.Bob).Count;
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 20, 0));
        var bobs = bot.Fake.DirectMessagesTo(world.Bob).Skip(before).ToList();   // the daily prompt's messages
        var alicesCard = bot.Fake.DirectMessagesTo(world.Alice).Last(m => m.Components.ToJsonString().Contains("q.answer"));

        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, alicesCard, "answered after the prompt"));
        var bobsCard = bobs.Single(m => m.Components.ToJsonString().Contains("q.answer"));
        await bot.Fake.WaitUntilAsync(() => World.Text(bobsCard).Contains($"✅ <@{world.Alice.Id}> answered"));

        Assert.Contains("ci.mood", bobs.Single(IsPrompt).Components.ToJsonString());
        Assert.Equal(0, bobs.Single(IsPrompt).EditCount);
        Assert.Contains(bobs, m => World.Text(m).Contains("This week's ritual"));
        Assert.Contains(bobs, m => m.Components.ToJsonString().Contains("pulse.start"));
        Assert.All(bobs.Where(m => m != bobsCard), m => Assert.Equal(0, m.EditCount));
    }

    [Fact]
    public async Task Closed_dms_stop_prompts_for_real_until_the_person_is_back()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        world.Bob.DmsOpen = false;
        await ScheduleAsync(bot, world.Bob, "UTC", 13);

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 13, 0));
        var refused = bot.Fake.Requests.Count(r => r.Status == 403);
        Assert.Equal(1, refused);
        for (var day = 2; day <= 5; day++)
            await bot.AtAsync(Instant.FromUtc(2026, 6, day, 13, 0));
        Assert.Equal(refused, bot.Fake.Requests.Count(r => r.Status == 403));   // no refused DM a day
        await using (var connection = await bot.Database.Connections.OpenAsync())
            Assert.Equal(4, await connection.ExecuteScalarAsync<int>(   // skipped when claimed: not even tried
                "SELECT COUNT(*) FROM prompt_ledger WHERE user_id = @id AND kind = 'checkin' AND status = 'skipped'", new { id = world.Bob.Id }));

        world.Bob.DmsOpen = true;
        var help = await world.CommandAsync(world.Bob, "help");
        await bot.Fake.WaitUntilAsync(() => help.FollowUps.Any(m => m.Content == bot.AsSent(Reachability.Text)));
        await bot.AtAsync(Instant.FromUtc(2026, 6, 6, 13, 0));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), IsPrompt);
    }

    [Fact]
    public async Task A_note_for_a_partner_with_closed_dms_is_kept_and_delivered_when_they_are_back()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        world.Bob.DmsOpen = false;

        var sent = await world.ReplyAsync(await world.CommandAsync(world.Alice, "appreciate", new FakeOption("note", 3, "for-closed-dms")));
        Assert.Contains("Sent to", sent.Content);
        await bot.DeliverAsync();
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("for-closed-dms"));

        world.Bob.DmsOpen = true;
        await world.ReplyAsync(await world.CommandAsync(world.Bob, "help"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("for-closed-dms")));
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("for-closed-dms"));
    }

    [Fact]
    public async Task A_typed_answer_comes_back_to_the_person_when_the_database_cannot_save_it()
    {
        // SQLite's one writer makes the failure easy to cause: a second connection holds the write lock.
        using var db = new TempDatabase(DatabaseOptions.Sqlite);
        await using var bot = await BotHarness.StartAsync(db: db, settings: "--Database:BusyTimeoutMs=100");
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);

        await using var blocker = await bot.Database.Connections.OpenAsync();
        await using var hold = blocker.BeginTransaction();
        await blocker.ExecuteAsync("UPDATE users SET created_at = created_at", transaction: hold);   // holds the write lock
        var reply = await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "words I took time to write"), failureExpected: true);

        Assert.Contains(InteractionRouter.FailureMessage, reply.Content);
        Assert.Contains("words I took time to write", reply.Content);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public async Task A_crash_between_the_commit_and_the_send_still_delivers_the_reveal_after_a_restart()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        var db = new Support.TempDatabase();
        await db.MigratedAsync();
        var world = new World(fake);

        using (var first = FaultTests.StartBot(fake, db))
        {
            await fake.WaitUntilAsync(() => fake.GlobalCommands.Count > 0, TimeSpan.FromSeconds(30));
            var card = await QuestionFlowTests.OpenQuestionAsync(world);
            await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "before-the-crash"));
            using (fake.HoldRequests("/messages"))
            {
                await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestCard(fake, world.General.Id), "bob-before-the-crash"));
                await fake.WaitUntilAsync(() => fake.HeldRequests > 0);   // the reveal is committed and on its way
                first.Kill(entireProcessTree: true);                          // kill -9: no shutdown, no answer read
                await first.WaitForExitAsync();
            }
        }
        Assert.DoesNotContain(fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("bob-before-the-crash"));

        using (var second = FaultTests.StartBot(fake, db))
        {
            await fake.WaitUntilAsync(() => fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("bob-before-the-crash"))
                                            && fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("before-the-crash")), TimeSpan.FromSeconds(60));
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
        Assert.Single(fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("bob-before-the-crash"));
        Assert.Single(fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("bob-before-the-crash"));
        db.Dispose();
    }

    [Fact]
    public async Task A_check_in_changed_while_its_card_is_being_sent_reaches_the_partner_in_its_newer_version()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var bobsDm = bot.Fake.DirectMessagesTo(world.Bob)[0].ChannelId;

        using (bot.Fake.HoldRequests($"channels/{bobsDm}/messages"))
        {
            await CheckInFlowTests.CheckInAsync(world, world.Alice, 4, "first version", "x");
            await bot.Fake.WaitUntilAsync(() => bot.Fake.HeldRequests > 0);     // the card to Bob is in flight
            await CheckInFlowTests.CheckInAsync(world, world.Alice, 2, "second version", "x");
        }

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("second version")));
        var card = Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("checked in"));
        Assert.Contains("2/5", World.Text(card));
    }
}
