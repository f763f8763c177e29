using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

/// <summary>Each documented close code for what a client does wrong (Opcodes §Gateway Close Event Codes).</summary>
public sealed class GatewayCloseCodeTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscordServer.StartAsync();
    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private async Task<int?> CloseCodeAfterAsync(params string[] frames)
    {
        await using var gateway = await TestGateway.ConnectAsync(_fake.GatewayUrl);
        await gateway.ReceiveAsync();
        foreach (var frame in frames)
            await gateway.SendTextAsync(frame);
        return await gateway.ClosedWithAsync();
    }

    private string Identify(long intents = 4097, string? token = null) => TestGateway.Identify(token ?? _fake.Token, intents).ToJsonString();

    [Fact]
    public async Task Wrong_token_closes_4004() => Assert.Equal(4004, await CloseCodeAfterAsync(Identify(token: "nope")));

    [Theory]
    [InlineData(2)]
    [InlineData(256)]
    [InlineData(32768 | 1)]
    public async Task Privileged_intent_closes_4014(long intents) => Assert.Equal(4014, await CloseCodeAfterAsync(Identify(intents)));

    [Fact]
    public async Task Unknown_intent_bit_closes_4013() => Assert.Equal(4013, await CloseCodeAfterAsync(Identify(1L << 40)));

    [Fact]
    public async Task Payload_over_4096_bytes_closes_4002()
    {
        var big = new JsonObject { ["op"] = 1, ["d"] = null, ["padding"] = new string('x', 4100) }.ToJsonString();
        Assert.Equal(4002, await CloseCodeAfterAsync(big));
    }

    [Fact]
    public async Task Invalid_json_closes_4002() => Assert.Equal(4002, await CloseCodeAfterAsync("{op:"));

    [Fact]
    public async Task Unknown_opcode_closes_4001() => Assert.Equal(4001, await CloseCodeAfterAsync("""{"op":5,"d":null}"""));

    [Fact]
    public async Task Presence_before_identify_closes_4003() => Assert.Equal(4003, await CloseCodeAfterAsync("""{"op":3,"d":{"status":"online"}}"""));

    [Fact]
    public async Task Second_identify_on_one_connection_closes_4005() => Assert.Equal(4005, await CloseCodeAfterAsync(Identify(), Identify()));

    [Fact]
    public async Task Identify_without_properties_is_rejected()
    {
        var frame = """{"op":2,"d":{"token":"TOKEN","intents":1}}""".Replace("TOKEN", _fake.Token, StringComparison.Ordinal);
        Assert.InRange(await CloseCodeAfterAsync(frame) ?? 0, 4001, 4002);
    }

    [Fact]
    public async Task More_than_120_payloads_a_minute_closes_4008()
    {
        var frames = Enumerable.Repeat("""{"op":1,"d":null}""", 121).ToArray();
        Assert.Equal(4008, await CloseCodeAfterAsync(frames));
    }

    [Fact]
    public async Task Wrong_api_version_closes_4012_and_etf_encoding_4002()
    {
        await using var v9 = await TestGateway.ConnectAsync(_fake.GatewayUrl, "?v=9&encoding=json");
        await using var etf = await TestGateway.ConnectAsync(_fake.GatewayUrl, "?v=10&encoding=etf");
        Assert.Equal(4012, await v9.ClosedWithAsync());
        Assert.Equal(4002, await etf.ClosedWithAsync());
    }

    [Fact]
    public async Task Identify_counts_and_session_start_limit_drops()
    {
        var (gateway, _) = await TestGateway.IdentifiedAsync(_fake);
        await using var _ = gateway;
        using var http = TestApi.Client(_fake);
        var limit = (await (await http.GetAsync("gateway/bot")).JsonAsync())["session_start_limit"]!;

        Assert.Equal(1, _fake.Gateway.Identifies);
        Assert.Equal(999, limit["remaining"]!.GetValue<int>());
    }
}
