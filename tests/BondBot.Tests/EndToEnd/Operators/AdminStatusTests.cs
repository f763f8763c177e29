using BondBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using static BondBot.Tests.EndToEnd.Operators.Admins;

namespace BondBot.Tests.EndToEnd.Operators;

public sealed class AdminStatusTests
{
    [Fact]
    public async Task Status_after_the_gateway_dropped_reports_the_resume_that_just_happened()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var admin = AddAdmin(world);
        var gateway = bot.Services.GetRequiredService<DiscordGatewayClient>();
        // Discord may ask for a heartbeat at any time (op 1); its ACK gives the round trip without waiting ~41 s.
        await bot.Fake.RequestHeartbeatAsync();
        await bot.Fake.WaitUntilAsync(() => gateway.HeartbeatLatency is not null, TimeSpan.FromSeconds(15));

        var before = await AdminAsync(world, admin, "status");
        Assert.Contains("Shards: 1", before);
        Assert.Contains("Shard 0 of 1: ready", before);
        Assert.Contains("0 resumes, 0 reconnects", before);
        Assert.DoesNotContain("last resumed", before);

        await bot.Fake.DropGatewayAsync();
        await bot.Fake.WaitUntilAsync(() => gateway.ResumeCount == 1 && gateway.State == GatewayState.Ready, TimeSpan.FromSeconds(15));
        var after = await AdminAsync(world, admin, "status");

        Assert.Contains("Shard 0 of 1: ready", after);
        Assert.Contains("1 resume, 1 reconnect, last resumed", after);
        await bot.Fake.RequestHeartbeatAsync();
        await bot.Fake.WaitUntilAsync(() => gateway.HeartbeatLatency is not null, TimeSpan.FromSeconds(15));
        Assert.Matches(@"ready, \d+ ms heartbeat", await AdminAsync(world, admin, "status"));
        Assert.Equal(1, bot.Fake.Gateway.Resumes);
    }

    [Fact]
    public async Task Status_of_a_process_running_two_shards_lists_each_shard_with_its_own_state()
    {
        await using var fake = await BondBot.FakeDiscord.FakeDiscordServer.StartAsync(new BondBot.FakeDiscord.FakeDiscordOptions
        {
            RequiredShards = 2, RecommendedShards = 2, MessageCreateLimit = 50, MessageEditLimit = 50,
        });
        await using var bot = await BotHarness.StartAsync(fake, settings: ["--Discord:ShardCount=2"]);
        var world = new World(bot.Fake);
        var gateway = bot.Services.GetRequiredService<ShardedGateway>();
        await bot.Fake.WaitUntilAsync(() => gateway.IsConnected, TimeSpan.FromSeconds(15));

        var status = await AdminAsync(world, AddAdmin(world), "status");

        Assert.Contains("Shards: 2", status);
        Assert.Contains("Shard 0 of 2: ready", status);
        Assert.Contains("Shard 1 of 2: ready", status);
    }

    [Fact]
    public async Task Status_shows_version_prompts_deliveries_and_the_switches_on_in_this_server()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var admin = AddAdmin(world);
        await SwitchAsync(world, admin, "nudges", false);

        var status = await AdminAsync(world, admin, "status");

        Assert.Matches(@"Version \S+ · up \d+", status);
        Assert.Contains("Prompts today (UTC, all servers): 0 sent, 0 failed", status);
        Assert.Contains("Deliveries waiting: 0", status);
        Assert.Contains("Next prompt: none scheduled", status);
        Assert.Contains("Switched on here: Questions in channels, Private spaces, Weekly card", status);
        Assert.DoesNotContain("Nudges", status.Split("Switched on here:")[1]);
    }
}
