using System.Diagnostics;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using Dapper;
using NodaTime;

namespace BondBot.Tests.EndToEnd.Trust;

/// <summary>No member can take BondBot down or use it against someone: floods, closed DMs, replays, malformed events.</summary>
public sealed class AbuseResistanceTests
{
    private static FakeOption Partner(FakeUser user) => new("partner", 6, user.Id.ToString());

    [Fact]
    public async Task Sixty_pairs_at_someone_with_closed_dms_cost_them_one_ping_and_everyone_else_is_answered_in_time()
    {
        // The harness raises the per-person limit for flow tests; this test runs with the production default.
        await using var bot = await BotHarness.StartAsync(settings: $"--Interactions:PerUserBurst={new InteractionOptions().PerUserBurst}");
        var world = new World(bot.Fake);
        world.Bob.DmsOpen = false;

        var flood = Enumerable.Range(0, 60).Select(_ => world.CommandAsync(world.Alice, "pair", Partner(world.Bob))).ToList();
        var others = new List<(FakeInteraction Interaction, Stopwatch Since)>();
        for (var i = 0; i < 5; i++)
            others.Add((await world.CommandAsync(world.Carol, "help"), Stopwatch.StartNew()));
        var floodReplies = await Task.WhenAll((await Task.WhenAll(flood)).Select(world.ReplyAsync));

        foreach (var (interaction, since) in others)
        {
            await interaction.FirstResponse.WaitAsync(TimeSpan.FromSeconds(3));
            Assert.False(interaction.Expired);
            Assert.True(since.Elapsed < TimeSpan.FromSeconds(3), $"answered after {since.Elapsed}");
        }
        Assert.All(floodReplies, r => Assert.True(r.Ephemeral));
        var outcomes = string.Join(" | ", floodReplies.GroupBy(r => (r.Content ?? "")[..Math.Min(40, (r.Content ?? "").Length)]).Select(g => $"{g.Count()}× {g.Key}"));
        Assert.Contains(floodReplies, r => r.Content == InteractionRouter.SlowDownMessage);
        // One invite was posted in the channel (the single ping), one DM was tried; the rest never reached Discord.
        await bot.Fake.WaitUntilAsync(() => bot.Fake.MessagesIn(world.General.Id).Any(m => m.Content?.Contains("pairing invite") == true));
        await world.ReplyAsync(await world.CommandAsync(world.Carol, "help"));
        Assert.True(bot.Fake.MessagesIn(world.General.Id).Count(m => m.Content?.Contains("pairing invite") == true) == 1, outcomes);
        Assert.True(bot.Fake.Requests.Count(r => r.Status == 403) <= 1, outcomes);
    }

    [Fact]
    public async Task Dont_invite_me_again_stops_further_invites_from_that_person_without_telling_them_why()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));
        var invite = bot.Fake.DirectMessagesTo(world.Bob).Last(m => m.Components.ToJsonString().Contains("pair.accept"));

        var dmsBefore = bot.Fake.DirectMessagesTo(world.Bob).Count;
        var blocked = await world.ClickAsync(world.Bob, invite, InviteResponseHandler.BlockPrefix);
        Assert.Contains("won't get invites from this person", blocked.Content);
        bot.Clock.Advance(Duration.FromDays(3));
        var again = await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));

        Assert.Equal(bot.AsSent(PairingMessages.CouldNotSend), again.Content);
        Assert.Equal(dmsBefore, bot.Fake.DirectMessagesTo(world.Bob).Count);   // no new invite reached Bob
        var carol = await world.ReplyAsync(await world.CommandAsync(world.Carol, "pair", Partner(world.Bob)));
        Assert.Contains("Invite sent", carol.Content);                   // only Alice is refused
    }

    [Fact]
    public async Task An_inviter_waits_between_invites_and_a_closed_dm_invitee_is_pinged_in_a_channel_at_most_once_a_day()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        world.Bob.DmsOpen = false;

        var first = await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));
        Assert.Contains("posted the invite here", first.Content);
        var tooSoon = await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));
        Assert.Contains("please wait", tooSoon.Content);
        bot.Clock.Advance(Duration.FromMinutes(1));
        var again = await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));
        Assert.Equal(bot.AsSent(PairingMessages.CouldNotSend), again.Content);
        var byCarol = await world.ReplyAsync(await world.CommandAsync(world.Carol, "pair", Partner(world.Bob)));
        Assert.Equal(bot.AsSent(PairingMessages.CouldNotSend), byCarol.Content);

        Assert.Single(bot.Fake.MessagesIn(world.General.Id), m => m.Content?.Contains("pairing invite") == true);
        bot.Clock.Advance(Duration.FromDays(1));
        var nextDay = await world.ReplyAsync(await world.CommandAsync(world.Carol, "pair", Partner(world.Bob)));
        Assert.Contains("posted the invite here", nextDay.Content);
    }

    [Fact]
    public async Task An_interaction_older_than_a_token_lives_is_not_applied()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var original = await world.CommandAsync(world.Alice, "appreciate", new FakeOption("note", 3, "once only"));
        await world.ReplyAsync(original);

        var replay = await bot.Fake.ReplayAsync(original, TimeSpan.FromMinutes(16));
        await bot.Fake.WaitUntilAsync(() => replay.Expired);   // 3 s passed: a handled replay would have been answered by now

        Assert.False(replay.Acknowledged);
        await using var connection = await bot.Database.Connections.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appreciations"));
    }

    [Fact]
    public async Task Malformed_gateway_events_are_logged_and_the_bot_carries_on()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);

        await bot.Fake.DispatchRawAsync("INTERACTION_CREATE", new JsonObject { ["id"] = "not-a-number", ["type"] = "seven" });
        await bot.Fake.DispatchRawAsync("INTERACTION_CREATE", new JsonObject { ["id"] = "123", ["type"] = 2 });   // no user at all
        Assert.Contains("BondBot", World.Text(await world.ReplyAsync(await world.CommandAsync(world.Alice, "help"))));

        bot.Fake.NextHelloWithoutData = true;
        await bot.Fake.DropGatewayAsync();
        await bot.Fake.WaitUntilAsync(() => bot.Fake.Gateway.Connections >= 3, TimeSpan.FromSeconds(15));
        Assert.Contains("BondBot", World.Text(await world.ReplyAsync(await world.CommandAsync(world.Alice, "help"))));

        foreach (var missing in new[] { "resume_gateway_url", "application" })
        {
            var identifies = bot.Fake.Gateway.Identifies;
            bot.Fake.NextReadyWithout = missing;
            await bot.Fake.CloseGatewayAsync(4009);              // session timed out: the bot identifies anew
            await bot.Fake.WaitUntilAsync(() => bot.Fake.Gateway.Identifies >= identifies + 2, TimeSpan.FromSeconds(15));
            Assert.Contains("BondBot", World.Text(await world.ReplyAsync(await world.CommandAsync(world.Alice, "help"))));
        }
        Assert.False(bot.Exit.IsCompleted);
    }
}
