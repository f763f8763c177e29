using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord;

namespace BondBot.Discord.Tests.FakeServer;

/// <summary>The fake must reject what Discord rejects; our client never sends such payloads, so raw HTTP tests them.</summary>
public sealed class FakeDiscordConformanceTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = 5, InteractionAckDeadline = TimeSpan.FromMilliseconds(300) });
        _http = new HttpClient { BaseAddress = new Uri(_fake.ApiBaseUrl + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", _fake.Token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.test, 1)");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task Content_over_2000_characters_is_a_50035_with_the_field_named()
    {
        var channel = _fake.AddGuild("g").AddTextChannel("c");
        var response = await PostAsync($"channels/{channel.Id}/messages", new JsonObject { ["content"] = new string('x', 2001) }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal(50035, body["code"]!.GetValue<int>());
        Assert.NotNull(body["errors"]!["content"]!["_errors"]);
    }

    [Fact]
    public async Task Requests_without_the_bot_token_are_401()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        anonymous.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.test, 1)");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("users/@me")).StatusCode);
    }

    [Fact]
    public async Task The_global_limit_answers_429_with_headers_and_a_retry_after_body()
    {
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await _http.GetAsync("users/@me");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else Assert.True(response.Headers.Contains("X-RateLimit-Bucket"));
        }

        Assert.NotNull(limited);
        Assert.Equal("true", limited.Headers.GetValues("X-RateLimit-Global").Single());
        Assert.Equal("global", limited.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.True(limited.Headers.RetryAfter is not null || limited.Headers.Contains("Retry-After"));
        var body = await BodyAsync(limited);
        Assert.True(body["global"]!.GetValue<bool>());
        Assert.InRange(body["retry_after"]!.GetValue<double>(), 0.001, 1.0);
    }

    [Fact]
    public async Task Interactions_follow_the_3_second_rule_once_only_and_modal_limits()
    {
        await using var h = await EndToEnd.ClientHarness.StartAsync();
        await h.ConnectAsync();
        var user = h.Fake.AddUser("u");
        using var http = new HttpClient { BaseAddress = new Uri(h.Fake.ApiBaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", h.Fake.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.test, 1)");
        Task<HttpResponseMessage> Callback(FakeInteraction i, string json) =>
            http.PostAsync($"interactions/{i.Id}/{i.Token}/callback", new StringContent(json, Encoding.UTF8, "application/json"));

        var modal = await h.Fake.InvokeCommandAsync(user, "x");
        await h.WaitForEventAsync("INTERACTION_CREATE");
        var longTitle = new string('t', 46);
        var tooLong = await Callback(modal, $$$"""{"type":9,"data":{"custom_id":"m","title":"{{{longTitle}}}","components":[{"type":18,"label":"L","component":{"type":4,"custom_id":"a","style":1}}]}}""");
        Assert.Equal(50035, (await BodyAsync(tooLong))["code"]!.GetValue<int>());

        var twice = await h.Fake.InvokeCommandAsync(user, "x");
        await h.WaitForEventAsync("INTERACTION_CREATE", 2);
        Assert.Equal(HttpStatusCode.NoContent, (await Callback(twice, """{"type":5}""")).StatusCode);
        var second = await Callback(twice, """{"type":4,"data":{"content":"again"}}""");
        Assert.Equal(40060, (await BodyAsync(second))["code"]!.GetValue<int>());

        var late = await h.Fake.InvokeCommandAsync(user, "x");
        await h.WaitForEventAsync("INTERACTION_CREATE", 3);
        await Assert.ThrowsAsync<TimeoutException>(() => late.FirstResponse.WaitAsync(TimeSpan.FromSeconds(5)));
        var expired = await Callback(late, """{"type":4,"data":{"content":"too late"}}""");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(10062, (await BodyAsync(expired))["code"]!.GetValue<int>());
        Assert.True(late.Expired);
    }
}
