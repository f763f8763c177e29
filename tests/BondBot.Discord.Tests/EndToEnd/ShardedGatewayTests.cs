using BondBot.Discord.Gateway;
using BondBot.FakeDiscord;

namespace BondBot.Discord.Tests.EndToEnd;

/// <summary>The sharded gateway against the fake Discord over loopback (Gateway §Sharding, §Session Start Limit).</summary>
public sealed class ShardedGatewayTests
{
    [Fact]
    public async Task Two_shards_each_get_ready_with_their_own_session_and_identify_carries_id_and_count()
    {
        await using var h = await ShardedClientHarness.StartAsync(new FakeDiscordOptions { RecommendedShards = 2 });
        h.Start();
        await h.WaitForAsync("READY", shard: 0);
        await h.WaitForAsync("READY", shard: 1);

        var sessions = h.Events("READY").Select(e => e.Data.GetProperty("session_id").GetString()).ToList();
        Assert.Equal(2, sessions.Distinct().Count());
        Assert.Equal([(0, 2), (1, 2)], h.Fake.Gateway.ShardIdentifies.Select(i => (i.ShardId, i.ShardCount)).Order());
        Assert.Equal([0, 1], h.Gateway.Shards.Select(s => s.ShardId));
        Assert.All(h.Gateway.Shards, s => Assert.Equal(2, s.ShardCount));
        Assert.True(h.Gateway.IsConnected);
    }

    [Fact]
    public async Task Guild_events_arrive_on_the_guilds_shard_dms_on_shard_zero_and_a_dropped_shard_resumes_alone()
    {
        await using var h = await ShardedClientHarness.StartAsync(new FakeDiscordOptions { RecommendedShards = 2 });
        var zero = h.Fake.AddGuildOnShard("zero", 0, 2);
        var one = h.Fake.AddGuildOnShard("one", 1, 2);
        one.AddTextChannel("general");
        var user = h.Fake.AddUser("sam");
        h.Start();
        await h.WaitForAsync("GUILD_CREATE", shard: 0);
        await h.WaitForAsync("GUILD_CREATE", shard: 1);

        await h.Fake.DropGatewayAsync(shard: 1);
        await h.Fake.SendDirectMessageAsync(user, "hi");
        await h.Fake.InvokeCommandAsync(user, "ping", one);
        await h.WaitForAsync("RESUMED", shard: 1);
        await h.WaitForAsync("INTERACTION_CREATE");
        await h.WaitForAsync("MESSAGE_CREATE");

        Assert.Equal(zero.Id.ToString(), Assert.Single(h.Events("GUILD_CREATE", 0)).Data.GetProperty("id").GetString());
        Assert.Equal(one.Id.ToString(), Assert.Single(h.Events("GUILD_CREATE", 1)).Data.GetProperty("id").GetString());
        Assert.Equal(0, Assert.Single(h.Events("MESSAGE_CREATE")).ShardId);
        Assert.Equal(1, Assert.Single(h.Events("INTERACTION_CREATE")).ShardId);
        Assert.Empty(h.Events("RESUMED", 0));
        Assert.Equal(2, h.Fake.Gateway.Identifies);
        Assert.Equal(1, h.Fake.Gateway.Resumes);
    }

    [Fact]
    public async Task A_process_with_shard_ids_runs_only_those_shards()
    {
        await using var h = await ShardedClientHarness.StartAsync(new FakeDiscordOptions { RecommendedShards = 2 }, shardIds: "1");
        h.Start();
        await h.WaitForAsync("READY", shard: 1);

        Assert.Equal([(1, 2)], h.Fake.Gateway.ShardIdentifies.Select(i => (i.ShardId, i.ShardCount)));
        Assert.False(h.Gateway.HoldsShardZero);
        Assert.Equal(1, h.Gateway.Primary.ShardId);
    }

    [Fact]
    public async Task Shards_in_one_max_concurrency_bucket_identify_five_seconds_apart_while_other_buckets_go_together()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var start = time.GetUtcNow();
        await using var h = await ShardedClientHarness.StartAsync(
            new FakeDiscordOptions { Time = time, RecommendedShards = 4, MaxConcurrency = 2, IdentifyWindow = TimeSpan.FromSeconds(5) },
            time: time, timing: new DiscordTiming());
        h.Start();
        await h.WaitForAsync("READY", 2);
        Assert.Equal([0, 1], h.Fake.Gateway.ShardIdentifies.Select(i => i.ShardId).Order());

        await AdvanceUntilAsync(time, () => h.Events("READY").Count >= 4);

        var identifies = h.Fake.Gateway.ShardIdentifies;
        Assert.Equal([0, 1, 2, 3], identifies.Select(i => i.ShardId).Order());
        Assert.All(identifies.Where(i => i.ShardId >= 2), i => Assert.True(i.At - start >= TimeSpan.FromSeconds(5)));
        Assert.Equal(0, h.Fake.Gateway.IdentifiesTooEarly);
    }

    [Fact]
    public async Task With_no_session_starts_remaining_it_waits_for_reset_after_before_identifying()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var start = time.GetUtcNow();
        await using var h = await ShardedClientHarness.StartAsync(
            new FakeDiscordOptions { Time = time, SessionStartRemaining = 0, SessionStartResetAfter = TimeSpan.FromMinutes(1) }, time: time);
        h.Start();
        await h.Fake.WaitUntilAsync(() => h.Fake.Requests.Any(r => r.Path.EndsWith("gateway/bot", StringComparison.Ordinal)));

        await AdvanceUntilAsync(time, () => h.Events("READY").Count >= 1, maxSteps: 12, stepSeconds: 10);

        Assert.True(Assert.Single(h.Fake.Gateway.ShardIdentifies).At - start >= TimeSpan.FromMinutes(1));
        Assert.Equal(0, h.Fake.Gateway.IdentifiesOverBudget);
    }

    [Fact]
    public async Task A_4011_close_with_an_automatic_count_rereads_the_recommendation_and_reshards()
    {
        await using var h = await ShardedClientHarness.StartAsync(new FakeDiscordOptions());
        h.Start();
        await h.WaitForAsync("READY");

        // The bot grew: Discord now requires two shards, and the next identify with one is refused.
        h.Fake.RequiredShards = 2;
        h.Fake.RecommendedShards = 2;
        await h.Fake.SendInvalidSessionAsync(resumable: false);
        await h.WaitForAsync("READY", shard: 1);

        Assert.Equal(1, h.Fake.Gateway.ShardingRequiredCloses);
        Assert.Equal(2, h.Gateway.ShardCount);
        Assert.Equal([(0, 2), (1, 2)], h.Fake.Gateway.ShardIdentifies.TakeLast(2).Select(i => (i.ShardId, i.ShardCount)).Order());
        Assert.False(h.Run.IsCompleted);
    }

    [Fact]
    public async Task A_4011_close_with_a_fixed_count_stops_and_names_the_setting_and_the_recommended_count()
    {
        await using var h = await ShardedClientHarness.StartAsync(new FakeDiscordOptions { RecommendedShards = 3, RequiredShards = 3 }, shardCount: 2);
        h.Start();

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => h.Run.WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(4011, fatal.CloseCode);
        Assert.Contains("set Discord:ShardCount to 3", fatal.Message);
        Assert.InRange(h.Fake.Gateway.ShardingRequiredCloses, 1, 2);   // the other shard may be stopped before its turn
    }

    /// <summary>Moves the shared fake clock step by step until the condition holds; each step gives the client a
    /// moment (bounded, real) to act on the timers that fired. Never a sleep standing in for the time itself.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, int maxSteps = 30, int stepSeconds = 1)
    {
        for (var step = 0; step < maxSteps && !condition(); step++)
        {
            time.Advance(TimeSpan.FromSeconds(stepSeconds));
            for (var poll = 0; poll < 25 && !condition(); poll++)
                await Task.Delay(20);
        }
        Assert.True(condition(), "the condition did not hold after moving the clock");
    }
}
