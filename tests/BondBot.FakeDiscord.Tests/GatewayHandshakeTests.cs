using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

public sealed class GatewayHandshakeTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 2000 });
    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Hello_then_identify_gives_ready_with_unavailable_guilds_then_full_guild_create()
    {
        var guild = _fake.AddGuild("Home");
        guild.AddTextChannel("general");
        await using var gateway = await TestGateway.ConnectAsync(_fake.GatewayUrl);

        var hello = (await gateway.ReceiveAsync())!;
        Assert.Equal(10, hello["op"]!.GetValue<int>());
        Assert.Equal(2000, hello["d"]!["heartbeat_interval"]!.GetValue<int>());
        await gateway.SendAsync(TestGateway.Identify(_fake.Token));
        var ready = (await gateway.ReceiveAsync())!;
        var created = await gateway.NextDispatchAsync("GUILD_CREATE");

        Assert.Equal("READY", ready["t"]!.GetValue<string>());
        Assert.Equal(1, ready["s"]!.GetValue<int>());
        var d = ready["d"]!;
        Assert.Equal(10, d["v"]!.GetValue<int>());
        Assert.Equal(_fake.BotUserId.ToString(), d["user"]!["id"]!.GetValue<string>());
        Assert.True(d["guilds"]![0]!["unavailable"]!.GetValue<bool>());
        Assert.Equal(_fake.ResumeGatewayUrl, d["resume_gateway_url"]!.GetValue<string>());
        Assert.Equal(_fake.ApplicationId.ToString(), d["application"]!["id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(d["session_id"]!.GetValue<string>()));
        Assert.Equal(guild.Id.ToString(), created["roles"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("general", created["channels"]![0]!["name"]!.GetValue<string>());
        Assert.Contains(created["members"]!.AsArray(), m => m!["user"]!["id"]!.GetValue<string>() == _fake.BotUserId.ToString());
        Assert.Equal(1, _fake.Gateway.Identifies);
        Assert.Equal(4097, _fake.Gateway.LastIdentify!["intents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Heartbeat_is_acked_until_acks_are_switched_off()
    {
        var (gateway, _) = await TestGateway.IdentifiedAsync(_fake);
        await using var _ = gateway;
        await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = gateway.LastSequence });
        Assert.Equal(11, (await gateway.ReceiveAsync())!["op"]!.GetValue<int>());

        _fake.AckHeartbeats = false;
        await gateway.SendAsync(new JsonObject { ["op"] = 1, ["d"] = gateway.LastSequence });
        await _fake.WaitUntilAsync(() => _fake.Gateway.HeartbeatsReceived == 2);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gateway.ReceiveAsync(TimeSpan.FromMilliseconds(400)));
    }

    [Fact]
    public async Task Server_heartbeat_request_is_op_1()
    {
        var (gateway, _) = await TestGateway.IdentifiedAsync(_fake);
        await using var _ = gateway;
        await _fake.RequestHeartbeatAsync();
        Assert.Equal(1, (await gateway.ReceiveAsync())!["op"]!.GetValue<int>());
    }

    [Fact]
    public async Task Silence_longer_than_one_and_a_half_intervals_closes_4009_and_ends_the_session()
    {
        var (gateway, ready) = await TestGateway.IdentifiedAsync(_fake);
        Assert.Equal(4009, await gateway.ClosedWithAsync());
        await gateway.DisposeAsync();

        await using var again = await TestGateway.ConnectAsync(_fake.ResumeGatewayUrl);
        await again.ReceiveAsync();
        await again.SendAsync(TestGateway.Resume(_fake.Token, ready["session_id"]!.GetValue<string>(), 1));
        var invalid = (await again.ReceiveAsync())!;
        Assert.Equal(9, invalid["op"]!.GetValue<int>());
        Assert.False(invalid["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Zlib_stream_sends_sync_flushed_binary_frames_through_one_context()
    {
        _fake.AddGuild("a");
        _fake.AddGuild("b");
        await using var gateway = await TestGateway.ConnectAsync(_fake.GatewayUrl, "?v=10&encoding=json&compress=zlib-stream");
        Assert.Equal(10, (await gateway.ReceiveAsync())!["op"]!.GetValue<int>());
        await gateway.SendAsync(TestGateway.Identify(_fake.Token));

        await gateway.NextDispatchAsync("READY");
        await gateway.NextDispatchAsync("GUILD_CREATE");
        Assert.Equal("b", (await gateway.NextDispatchAsync("GUILD_CREATE"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_outside_the_identified_intents_are_not_sent()
    {
        var user = _fake.AddUser("u");
        var (gateway, _) = await TestGateway.IdentifiedAsync(_fake, intents: 1);
        await using var _ = gateway;
        await _fake.SendDirectMessageAsync(user, "hello?");
        _fake.AddGuild("later");

        await gateway.NextDispatchAsync("GUILD_CREATE");
        Assert.DoesNotContain(_fake.Gateway.DispatchedEvents, e => e.Type == "MESSAGE_CREATE");
    }

    [Fact]
    public async Task Direct_message_reaches_a_bot_with_the_direct_messages_intent_without_channel_create()
    {
        var user = _fake.AddUser("u");
        var (gateway, _) = await TestGateway.IdentifiedAsync(_fake);
        await using var _ = gateway;
        await _fake.SendDirectMessageAsync(user, "hello");

        var message = await gateway.NextDispatchAsync("MESSAGE_CREATE");
        Assert.Equal("hello", message["content"]!.GetValue<string>());
        Assert.Equal(user.Id.ToString(), message["author"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(_fake.Gateway.DispatchedEvents, e => e.Type == "CHANNEL_CREATE");
    }
}
