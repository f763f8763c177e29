using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

/// <summary>The fake's sharding against Discord's docs (Gateway §Sharding, §Session Start Limit, §Get Gateway Bot),
/// spoken frame by frame.</summary>
public sealed class ShardingTests
{
    private static JsonObject Identify(FakeDiscordServer fake, int? shard, int count)
    {
        var identify = TestGateway.Identify(fake.Token);
        if (shard is { } id)
            identify["d"]!["shard"] = new JsonArray(id, count);
        return identify;
    }

    private static async Task<TestGateway> HelloAsync(FakeDiscordServer fake)
    {
        var gateway = await TestGateway.ConnectAsync(fake.GatewayUrl);
        await gateway.ReceiveAsync();
        return gateway;
    }

    private static async Task<(TestGateway Gateway, JsonObject Ready)> ShardAsync(FakeDiscordServer fake, int shard, int count)
    {
        var gateway = await HelloAsync(fake);
        await gateway.SendAsync(Identify(fake, shard, count));
        return (gateway, await gateway.NextDispatchAsync("READY"));
    }

    [Fact]
    public async Task Gateway_bot_recommends_the_configured_shard_count_and_reports_the_session_start_limit()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            RecommendedShards = 4, MaxConcurrency = 2, SessionStartRemaining = 7, SessionStartResetAfter = TimeSpan.FromMinutes(1),
        });
        using var http = TestApi.Client(fake);

        var info = await (await http.GetAsync("gateway/bot")).JsonAsync();

        Assert.Equal(4, info["shards"]!.GetValue<int>());
        var limit = info["session_start_limit"]!;
        Assert.Equal(1000, limit["total"]!.GetValue<int>());
        Assert.Equal(7, limit["remaining"]!.GetValue<int>());
        Assert.Equal(2, limit["max_concurrency"]!.GetValue<int>());
        Assert.InRange(limit["reset_after"]!.GetValue<long>(), 1, 60_000);
    }

    [Fact]
    public async Task Two_shards_get_their_own_sessions_with_guild_events_by_guild_id_and_dms_on_shard_zero()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RecommendedShards = 2 });
        var onZero = fake.AddGuildOnShard("zero", 0, 2);
        var onOne = fake.AddGuildOnShard("one", 1, 2);
        onZero.AddTextChannel("general");
        onOne.AddTextChannel("general");
        var user = fake.AddUser("sam");

        var (zero, readyZero) = await ShardAsync(fake, 0, 2);
        await using var _ = zero;
        var (one, readyOne) = await ShardAsync(fake, 1, 2);
        await using var __ = one;

        Assert.NotEqual(readyZero["session_id"]!.GetValue<string>(), readyOne["session_id"]!.GetValue<string>());
        Assert.Equal([0, 2], readyZero["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal([onZero.Id.ToString()], readyZero["guilds"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()));
        Assert.Equal([onOne.Id.ToString()], readyOne["guilds"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()));
        Assert.Equal(onZero.Id.ToString(), (await zero.NextDispatchAsync("GUILD_CREATE"))["id"]!.GetValue<string>());
        Assert.Equal(onOne.Id.ToString(), (await one.NextDispatchAsync("GUILD_CREATE"))["id"]!.GetValue<string>());

        // A DM and a command in shard 1's guild: each reaches only its shard, so each shard's next event is its own.
        await fake.SendDirectMessageAsync(user, "hello");
        await fake.InvokeCommandAsync(user, "ping", onOne);
        Assert.Equal("MESSAGE_CREATE", await NextTypeAsync(zero));
        Assert.Equal("INTERACTION_CREATE", await NextTypeAsync(one));
        await fake.InvokeCommandAsync(user, "ping", onZero);
        Assert.Equal("INTERACTION_CREATE", await NextTypeAsync(zero));
    }

    private static async Task<string> NextTypeAsync(TestGateway gateway)
    {
        while (true)
        {
            var payload = await gateway.ReceiveAsync() ?? throw new InvalidOperationException("closed");
            if (payload["op"]!.GetValue<int>() == 0) return payload["t"]!.GetValue<string>();
        }
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(0, 1)]
    public async Task Identifying_with_fewer_shards_than_required_closes_4011(int? shard, int count)
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RecommendedShards = 2, RequiredShards = 2 });
        await using var gateway = await HelloAsync(fake);

        await gateway.SendAsync(Identify(fake, shard, count));

        Assert.Equal(4011, await gateway.ClosedWithAsync());
        Assert.Equal(1, fake.Gateway.ShardingRequiredCloses);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(-1, 2)]
    public async Task A_shard_id_outside_the_count_closes_4010(int shard, int count)
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        await using var gateway = await HelloAsync(fake);

        await gateway.SendAsync(Identify(fake, shard, count));

        Assert.Equal(4010, await gateway.ClosedWithAsync());
    }

    [Fact]
    public async Task A_second_identify_in_the_same_bucket_within_five_seconds_gets_op_9_while_another_bucket_may_identify()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            Time = time, RecommendedShards = 4, MaxConcurrency = 2, IdentifyWindow = TimeSpan.FromSeconds(5),
        });
        var (zero, _) = await ShardAsync(fake, 0, 4);
        await using var a = zero;
        var (one, _) = await ShardAsync(fake, 1, 4);   // bucket 1 % 2 = 1: at the same moment is fine
        await using var b = one;

        await using var early = await HelloAsync(fake);
        await early.SendAsync(Identify(fake, 2, 4));   // bucket 2 % 2 = 0, 0 s after shard 0
        var refused = await early.ReceiveAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        var (two, _) = await ShardAsync(fake, 2, 4);
        await using var c = two;

        Assert.Equal(9, refused!["op"]!.GetValue<int>());
        Assert.False(refused["d"]!.GetValue<bool>());
        Assert.Equal(1, fake.Gateway.IdentifiesTooEarly);
        Assert.Equal([0, 1, 2], fake.Gateway.ShardIdentifies.Select(i => i.ShardId));
    }

    [Fact]
    public async Task Identifying_with_no_session_starts_left_closes_4004_until_reset_after_has_passed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            Time = time, SessionStartRemaining = 0, SessionStartResetAfter = TimeSpan.FromMinutes(10),
        });
        await using var spent = await HelloAsync(fake);
        await spent.SendAsync(Identify(fake, null, 1));
        Assert.Equal(4004, await spent.ClosedWithAsync());

        time.Advance(TimeSpan.FromMinutes(10));
        var (gateway, _) = await ShardAsync(fake, 0, 1);
        await using var _ = gateway;

        Assert.Equal(1, fake.Gateway.IdentifiesOverBudget);
        Assert.Single(fake.Gateway.ShardIdentifies);
    }
}
