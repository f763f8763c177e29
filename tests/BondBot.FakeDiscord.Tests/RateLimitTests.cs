using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

/// <summary>Global and per-route limits with Discord's headers (Rate Limits).</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
    private FakeDiscordServer _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { Time = _clock, GlobalRequestsPerSecond = 10, MessageCreateLimit = 3 });
        _http = TestApi.Client(_fake);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(FakeChannel channel) =>
        _http.PostJsonAsync($"channels/{channel.Id}/messages", new JsonObject { ["content"] = "x" });

    [Fact]
    public async Task Global_limit_answers_429_with_global_headers_and_body()
    {
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("users/@me")).StatusCode);
        var limited = await _http.GetAsync("users/@me");

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("true", limited.Header("X-RateLimit-Global"));
        Assert.Equal("global", limited.Header("X-RateLimit-Scope"));
        Assert.True(int.TryParse(limited.Header("Retry-After"), out var retryAfter) && retryAfter >= 1);
        var body = await limited.JsonAsync();
        Assert.Equal("You are being rate limited.", body["message"]!.GetValue<string>());
        Assert.True(body["global"]!.GetValue<bool>());
        Assert.InRange(body["retry_after"]!.GetValue<double>(), 0.001, 1.0);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("users/@me")).StatusCode);
    }

    [Fact]
    public async Task Message_bucket_counts_per_channel_with_one_hash_and_resets_after_the_window()
    {
        var guild = _fake.AddGuild("g");
        var a = guild.AddTextChannel("a");
        var b = guild.AddTextChannel("b");
        var first = await SendAsync(a);
        await SendAsync(a);
        var last = await SendAsync(a);
        var limited = await SendAsync(a);
        var other = await SendAsync(b);

        Assert.Equal("3", first.Header("X-RateLimit-Limit"));
        Assert.Equal("2", first.Header("X-RateLimit-Remaining"));
        Assert.Equal("0", last.Header("X-RateLimit-Remaining"));
        Assert.Equal(5.0, double.Parse(first.Header("X-RateLimit-Reset-After"), CultureInfo.InvariantCulture));
        var reset = double.Parse(first.Header("X-RateLimit-Reset"), CultureInfo.InvariantCulture);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 + 5, reset, 3);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("user", limited.Header("X-RateLimit-Scope"));
        Assert.Equal("5", limited.Header("Retry-After"));
        Assert.False((await limited.JsonAsync())["global"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(first.Header("X-RateLimit-Bucket"), other.Header("X-RateLimit-Bucket"));

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(a)).StatusCode);
        Assert.Single(_fake.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task Forced_rate_limit_uses_the_given_scope_and_keeps_the_bucket_closed_for_the_wait()
    {
        var channel = _fake.AddGuild("g").AddTextChannel("c");
        _fake.ForceRateLimit("/messages", 2.5, scope: "shared");
        var forced = await SendAsync(channel);
        var stillClosed = await SendAsync(channel);

        Assert.Equal((HttpStatusCode)429, forced.StatusCode);
        Assert.Equal("shared", forced.Header("X-RateLimit-Scope"));
        Assert.Equal("3", forced.Header("Retry-After"));
        Assert.Equal(2.5, (await forced.JsonAsync())["retry_after"]!.GetValue<double>());
        Assert.Equal((HttpStatusCode)429, stillClosed.StatusCode);
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(channel)).StatusCode);
    }

    [Fact]
    public async Task Forced_global_limit_blocks_every_route()
    {
        _fake.ForceRateLimit("users/@me", 1, global: true);
        var first = await _http.GetAsync("users/@me");
        var other = await _http.GetAsync("gateway/bot");

        Assert.Equal("true", first.Header("X-RateLimit-Global"));
        Assert.Equal((HttpStatusCode)429, other.StatusCode);
    }

    [Fact]
    public async Task Injected_failures_hit_only_matching_requests_then_stop()
    {
        _fake.FailNextRequests(2, 502, "gateway/bot");
        var me = await _http.GetAsync("users/@me");
        var first = await _http.GetAsync("gateway/bot");
        var second = await _http.GetAsync("gateway/bot");
        var third = await _http.GetAsync("gateway/bot");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        Assert.NotNull((await first.JsonAsync())["message"]);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }
}
