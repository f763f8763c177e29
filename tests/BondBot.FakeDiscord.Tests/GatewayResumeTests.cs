using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

/// <summary>Resuming, op 7 and op 9 (Gateway §Resuming, §Disconnecting).</summary>
public sealed class GatewayResumeTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
    {
        InteractionAckDeadline = TimeSpan.FromMilliseconds(500),
        ReconnectGracePeriod = TimeSpan.FromMilliseconds(300),
    });

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private async Task<TestGateway> ResumeAsync(string sessionId, int? seq, bool viaResumeUrl = true)
    {
        var gateway = await TestGateway.ConnectAsync(viaResumeUrl ? _fake.ResumeGatewayUrl : _fake.GatewayUrl);
        await gateway.ReceiveAsync();
        await gateway.SendAsync(TestGateway.Resume(_fake.Token, sessionId, seq));
        return gateway;
    }

    [Fact]
    public async Task Resume_after_a_drop_replays_missed_events_in_order_then_resumed_on_the_resume_path()
    {
        var user = _fake.AddUser("u");
        var (gateway, ready) = await TestGateway.IdentifiedAsync(_fake);
        var seq = gateway.LastSequence;
        await _fake.DropGatewayAsync();
        await gateway.DisposeAsync();
        await _fake.SendDirectMessageAsync(user, "one");
        await _fake.SendDirectMessageAsync(user, "two");

        await using var resumed = await ResumeAsync(ready["session_id"]!.GetValue<string>(), seq);
        var first = (await resumed.ReceiveAsync())!;
        var second = (await resumed.ReceiveAsync())!;
        var end = (await resumed.ReceiveAsync())!;

        Assert.Equal("one", first["d"]!["content"]!.GetValue<string>());
        Assert.Equal(seq + 1, first["s"]!.GetValue<int>());
        Assert.Equal("two", second["d"]!["content"]!.GetValue<string>());
        Assert.Equal("RESUMED", end["t"]!.GetValue<string>());
        Assert.Equal(seq + 3, end["s"]!.GetValue<int>());
        Assert.Equal(1, _fake.Gateway.Resumes);
        Assert.True(_fake.Gateway.LastResumeUrlUsed);
    }

    [Fact]
    public async Task Resume_on_the_plain_gateway_url_works_but_is_recorded()
    {
        var (gateway, ready) = await TestGateway.IdentifiedAsync(_fake);
        await gateway.CloseAsync(4000);
        await using var resumed = await ResumeAsync(ready["session_id"]!.GetValue<string>(), gateway.LastSequence, viaResumeUrl: false);

        Assert.Equal("RESUMED", (await resumed.ReceiveAsync())!["t"]!.GetValue<string>());
        Assert.False(_fake.Gateway.LastResumeUrlUsed);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    public async Task Client_close_with_1000_or_1001_ends_the_session_so_resume_gets_op_9_false(int code)
    {
        var (gateway, ready) = await TestGateway.IdentifiedAsync(_fake);
        await gateway.CloseAsync(code);
        await using var resumed = await ResumeAsync(ready["session_id"]!.GetValue<string>(), gateway.LastSequence);

        var answer = (await resumed.ReceiveAsync())!;
        Assert.Equal(9, answer["op"]!.GetValue<int>());
        Assert.False(answer["d"]!.GetValue<bool>());
        Assert.Contains(code, _fake.Gateway.ClientCloseCodes);
    }

    [Fact]
    public async Task Resume_with_a_sequence_the_session_never_reached_closes_4007()
    {
        var (gateway, ready) = await TestGateway.IdentifiedAsync(_fake);
        await using var _ = gateway;
        gateway.Abort();
        await using var resumed = await ResumeAsync(ready["session_id"]!.GetValue<string>(), 999);
        Assert.Equal(4007, await resumed.ClosedWithAsync());
    }

    [Fact]
    public async Task Reconnect_is_op_7_and_the_server_closes_resumably_if_the_bot_stays()
    {
        var (gateway, ready) = await TestGateway.IdentifiedAsync(_fake);
        await _fake.SendReconnectAsync();

        Assert.Equal(7, (await gateway.ReceiveAsync())!["op"]!.GetValue<int>());
        Assert.Equal(4000, await gateway.ClosedWithAsync());
        await using var resumed = await ResumeAsync(ready["session_id"]!.GetValue<string>(), gateway.LastSequence);
        Assert.Equal("RESUMED", (await resumed.ReceiveAsync())!["t"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Invalid_session_says_whether_the_session_survives(bool resumable)
    {
        var (gateway, ready) = await TestGateway.IdentifiedAsync(_fake);
        await _fake.SendInvalidSessionAsync(resumable);
        var op9 = (await gateway.ReceiveAsync())!;
        await gateway.CloseAsync(4000);
        await using var resumed = await ResumeAsync(ready["session_id"]!.GetValue<string>(), gateway.LastSequence);

        Assert.Equal(resumable, op9["d"]!.GetValue<bool>());
        Assert.Equal(resumable ? 0 : 9, (await resumed.ReceiveAsync())!["op"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4014)]
    public async Task Server_close_with_a_fatal_code_ends_the_session(int code)
    {
        var (gateway, ready) = await TestGateway.IdentifiedAsync(_fake);
        await _fake.CloseGatewayAsync(code);
        Assert.Equal(code, await gateway.ClosedWithAsync());
        await using var resumed = await ResumeAsync(ready["session_id"]!.GetValue<string>(), gateway.LastSequence);
        Assert.Equal(9, (await resumed.ReceiveAsync())!["op"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_new_identify_replaces_the_old_session()
    {
        var (first, ready) = await TestGateway.IdentifiedAsync(_fake);
        var (second, _) = await TestGateway.IdentifiedAsync(_fake);
        await using var _ = second;
        first.Abort();
        await using var resumed = await ResumeAsync(ready["session_id"]!.GetValue<string>(), first.LastSequence);

        Assert.Equal(9, (await resumed.ReceiveAsync())!["op"]!.GetValue<int>());
        Assert.Equal(2, _fake.Gateway.Identifies);
    }

    [Fact]
    public async Task Interaction_buffered_while_disconnected_gets_its_deadline_from_the_replay()
    {
        // Its own fake on a fake clock: the deadline moves only when the test moves time, however slow the machine.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { InteractionAckDeadline = TimeSpan.FromMilliseconds(500), Time = time });
        var user = fake.AddUser("u");
        var (gateway, ready) = await TestGateway.IdentifiedAsync(fake);
        await using var _ = gateway;
        await fake.DropGatewayAsync();
        var interaction = await fake.InvokeCommandAsync(user, "ping");
        time.Advance(TimeSpan.FromMilliseconds(800));   // longer than the deadline, but the bot has not seen it yet
        Assert.False(interaction.Expired);

        var resumed = await TestGateway.ConnectAsync(fake.ResumeGatewayUrl);
        await using var __ = resumed;
        await resumed.ReceiveAsync();
        await resumed.SendAsync(TestGateway.Resume(fake.Token, ready["session_id"]!.GetValue<string>(), gateway.LastSequence));
        var replayed = await resumed.NextDispatchAsync("INTERACTION_CREATE");
        time.Advance(TimeSpan.FromMilliseconds(400));   // inside the deadline that started with the replay
        using var http = TestApi.Client(fake);
        var ack = await http.CallbackAsync(interaction, new System.Text.Json.Nodes.JsonObject { ["type"] = 5 });

        Assert.Equal(interaction.Id.ToString(), replayed["id"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.NoContent, ack.StatusCode);
    }
}
