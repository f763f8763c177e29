using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

public sealed class RestBasicsTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscordServer.StartAsync();
    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Request_without_bot_token_is_401_with_discord_error_shape()
    {
        using var http = TestApi.Client(_fake, authorize: false);
        var response = await http.GetAsync("users/@me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("401: Unauthorized", body["message"]!.GetValue<string>());
        Assert.Equal(0, body["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Request_with_wrong_token_is_401()
    {
        using var http = TestApi.Client(_fake, authorize: false);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bot wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("users/@me")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("curl/8.0")]
    public async Task Request_without_discordbot_user_agent_is_400(string? userAgent)
    {
        using var http = TestApi.Client(_fake, userAgent: userAgent);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("users/@me")).StatusCode);
    }

    [Fact]
    public async Task Unknown_route_and_missing_version_are_404_json()
    {
        using var http = TestApi.Client(_fake);
        var unknown = await http.GetAsync("nothing/here");
        var unversioned = await http.GetAsync(_fake.ApiBaseUrl.Replace("/v10", "", StringComparison.Ordinal) + "/users/@me");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("404: Not Found", (await unknown.JsonAsync())["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unversioned.StatusCode);
    }

    [Fact]
    public async Task Json_body_without_json_content_type_is_50035_and_bad_json_is_50109()
    {
        var channel = _fake.AddGuild("g").AddTextChannel("c");
        using var http = TestApi.Client(_fake);
        var plain = await http.PostAsync($"channels/{channel.Id}/messages", new StringContent("""{"content":"x"}""", Encoding.UTF8, "text/plain"));
        var broken = await http.PostAsync($"channels/{channel.Id}/messages", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(50035, await plain.ErrorCodeAsync());
        Assert.Equal(50109, await broken.ErrorCodeAsync());
    }

    [Fact]
    public async Task Identity_endpoints_describe_the_bot_and_gateway()
    {
        using var http = TestApi.Client(_fake);
        var me = await (await http.GetAsync("users/@me")).JsonAsync();
        var app = await (await http.GetAsync("applications/@me")).JsonAsync();
        var oauthApp = await (await http.GetAsync("oauth2/applications/@me")).JsonAsync();
        var gateway = await (await http.GetAsync("gateway/bot")).JsonAsync();

        Assert.Equal(_fake.BotUserId.ToString(), me["id"]!.GetValue<string>());
        Assert.True(me["bot"]!.GetValue<bool>());
        Assert.Equal(_fake.ApplicationId.ToString(), app["id"]!.GetValue<string>());
        Assert.Equal(app["id"]!.GetValue<string>(), oauthApp["id"]!.GetValue<string>());
        Assert.StartsWith("ws://127.0.0.1:", gateway["url"]!.GetValue<string>());
        Assert.Equal(1, gateway["shards"]!.GetValue<int>());
        Assert.Equal(1, gateway["session_start_limit"]!["max_concurrency"]!.GetValue<int>());
    }

    [Fact]
    public async Task Huge_ids_option_produces_snowflakes_above_2_pow_63_as_strings()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { UseHugeIds = true });
        var user = fake.AddUser("big");
        using var http = TestApi.Client(fake);
        var dm = await (await http.PostJsonAsync("users/@me/channels", new JsonObject { ["recipient_id"] = user.Id.ToString() })).JsonAsync();

        Assert.True(user.Id > 1UL << 63);
        Assert.Equal(user.Id.ToString(), dm["recipients"]![0]!["id"]!.GetValue<string>());
        Assert.True(ulong.Parse(dm["id"]!.GetValue<string>()) > 1UL << 63);
    }

    [Fact]
    public async Task Default_ids_are_timestamp_snowflakes_above_2_pow_53()
    {
        var user = _fake.AddUser("u");
        var created = DateTimeOffset.FromUnixTimeMilliseconds((long)(user.Id >> 22) + 1420070400000);

        Assert.True(user.Id > 1UL << 53);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}
