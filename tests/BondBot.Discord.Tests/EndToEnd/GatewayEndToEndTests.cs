using BondBot.Discord.Gateway;
using BondBot.FakeDiscord;

namespace BondBot.Discord.Tests.EndToEnd;

public sealed class GatewayEndToEndTests
{
    private static FakeDiscordOptions FastHeartbeats => new() { HeartbeatIntervalMs = 1000 };

    [Fact]
    public async Task Connects_identifies_without_privileged_intents_and_receives_ready_and_guilds()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Fake.AddGuild("Couples");

        await h.ConnectAsync();
        await h.WaitForEventAsync("GUILD_CREATE");

        Assert.Equal(1, h.Fake.Gateway.Identifies);
        var identify = h.Fake.Gateway.LastIdentify!;
        Assert.Equal(4097, identify["intents"]!.GetValue<int>());
        Assert.Equal(h.Fake.Token, identify["token"]!.GetValue<string>());
        Assert.Equal(h.Fake.BotUserId, h.Gateway.CurrentUser!.Id);
        Assert.Equal(h.Fake.ApplicationId, h.Gateway.ApplicationId);
    }

    [Fact]
    public async Task Heartbeats_are_sent_and_acknowledged_while_idle()
    {
        await using var h = await ClientHarness.StartAsync(FastHeartbeats);
        await h.ConnectAsync();

        await h.Fake.WaitUntilAsync(() => h.Fake.Gateway.HeartbeatsReceived >= 3);
        Assert.Equal(1, h.Fake.Gateway.Connections);
    }

    [Fact]
    public async Task After_a_dropped_socket_it_resumes_at_the_resume_url_and_loses_and_repeats_no_event()
    {
        await using var h = await ClientHarness.StartAsync();
        var user = h.Fake.AddUser("sam");
        await h.ConnectAsync();
        await h.Fake.SendDirectMessageAsync(user, "before");
        await h.WaitForEventAsync("MESSAGE_CREATE");

        await h.Fake.DropGatewayAsync();
        await h.Fake.SendDirectMessageAsync(user, "while away 1");
        await h.Fake.SendDirectMessageAsync(user, "while away 2");
        await h.WaitForEventAsync("RESUMED");
        await h.WaitForEventAsync("MESSAGE_CREATE", 3);
        await h.Fake.SendDirectMessageAsync(user, "after");
        await h.WaitForEventAsync("MESSAGE_CREATE", 4);

        Assert.Equal(1, h.Fake.Gateway.Identifies);
        Assert.Equal(1, h.Fake.Gateway.Resumes);
        Assert.True(h.Fake.Gateway.LastResumeUrlUsed);
        List<string?> contents;
        lock (h.Events) contents = h.Events.Where(e => e.Type == "MESSAGE_CREATE").Select(e => e.AsMessage().Content).ToList();
        Assert.Equal(["before", "while away 1", "while away 2", "after"], contents);
        lock (h.Events) Assert.Equal(h.Events.Count, h.Events.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Op_7_reconnect_resumes_the_same_session()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.ConnectAsync();

        await h.Fake.SendReconnectAsync();
        await h.WaitForEventAsync("RESUMED");

        Assert.Equal(1, h.Fake.Gateway.Identifies);
        Assert.Equal(1, h.Fake.Gateway.Resumes);
    }

    [Fact]
    public async Task Op_9_not_resumable_starts_a_new_session_with_identify()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.ConnectAsync();

        await h.Fake.SendInvalidSessionAsync(resumable: false);
        await h.WaitForEventAsync("READY", 2);

        Assert.Equal(2, h.Fake.Gateway.Identifies);
        Assert.Equal(0, h.Fake.Gateway.Resumes);
    }

    [Fact]
    public async Task Op_9_resumable_resumes()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.ConnectAsync();

        await h.Fake.SendInvalidSessionAsync(resumable: true);
        await h.WaitForEventAsync("RESUMED");

        Assert.Equal(1, h.Fake.Gateway.Identifies);
    }

    [Fact]
    public async Task A_zombie_connection_without_heartbeat_acks_is_closed_and_resumed()
    {
        await using var h = await ClientHarness.StartAsync(FastHeartbeats);
        await h.ConnectAsync();

        h.Fake.AckHeartbeats = false;
        await h.Fake.WaitUntilAsync(() => h.Fake.Gateway.Connections >= 2);
        h.Fake.AckHeartbeats = true;
        await h.WaitForEventAsync("RESUMED");

        Assert.Equal(1, h.Fake.Gateway.Identifies);
    }

    [Fact]
    public async Task Server_heartbeat_requests_are_answered_at_once()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.ConnectAsync();
        var before = h.Fake.Gateway.HeartbeatsReceived;

        await h.Fake.RequestHeartbeatAsync();

        await h.Fake.WaitUntilAsync(() => h.Fake.Gateway.HeartbeatsReceived > before, TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4014)]
    public async Task A_fatal_close_code_stops_the_client_with_that_code(int code)
    {
        await using var h = await ClientHarness.StartAsync();
        await h.ConnectAsync();

        await h.Fake.CloseGatewayAsync(code);

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => h.Run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(code, error.CloseCode);
        Assert.Equal(1, h.Fake.Gateway.Identifies);
    }

    [Fact]
    public async Task A_session_invalidating_close_code_leads_to_a_fresh_identify()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.ConnectAsync();

        await h.Fake.CloseGatewayAsync(4009);
        await h.WaitForEventAsync("READY", 2);

        Assert.Equal(2, h.Fake.Gateway.Identifies);
    }
}
