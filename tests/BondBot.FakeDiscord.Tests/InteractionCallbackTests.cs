using System.Net;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

/// <summary>The initial response rules (Receiving and Responding §Responding to an Interaction).</summary>
public sealed class InteractionCallbackTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;
    private TestGateway _gateway = null!;
    private HttpClient _http = null!;
    private FakeUser _user = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = 2 });
        (_gateway, _) = await TestGateway.IdentifiedAsync(_fake);
        _http = TestApi.Client(_fake);
        _user = _fake.AddUser("alex");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private async Task<FakeInteraction> CommandAsync(FakeGuild? guild = null)
    {
        var interaction = await _fake.InvokeCommandAsync(_user, "ping", guild);
        await _gateway.NextDispatchAsync("INTERACTION_CREATE");
        return interaction;
    }

    [Fact]
    public async Task Unanswered_interaction_expires_after_the_default_3_seconds_with_10062()
    {
        var interaction = await CommandAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => interaction.FirstResponse.WaitAsync(TimeSpan.FromSeconds(6)));
        var late = await _http.CallbackAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "late" } });
        Assert.True(interaction.Expired);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal(10062, await late.ErrorCodeAsync());
    }

    [Fact]
    public async Task Second_acknowledgement_is_40060()
    {
        var interaction = await CommandAsync();
        var first = await _http.CallbackAsync(interaction, new JsonObject { ["type"] = 5 });
        var second = await _http.CallbackAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "again" } });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(5, (await interaction.FirstResponse)["type"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(40060, await second.ErrorCodeAsync());
    }

    [Fact]
    public async Task Ephemeral_reply_is_seen_only_by_the_invoker()
    {
        var guild = _fake.AddGuild("g");
        var channel = guild.AddTextChannel("c");
        guild.AddMember(_user);
        var interaction = await _fake.InvokeCommandAsync(_user, "ping", guild, channel);
        await _gateway.NextDispatchAsync("INTERACTION_CREATE");
        await _http.CallbackAsync(interaction, TestApi.Parse("""{"type":4,"data":{"content":"secret","flags":64}}"""));

        Assert.True(interaction.OriginalResponse!.Ephemeral);
        Assert.Empty(_fake.MessagesIn(channel.Id));
        Assert.Contains(_fake.AllMessages, m => m.Content == "secret" && m.Ephemeral);
    }

    [Theory]
    [InlineData("""{"type":6}""")]
    [InlineData("""{"type":7,"data":{"content":"x"}}""")]
    [InlineData("""{"type":8,"data":{"choices":[]}}""")]
    [InlineData("""{"type":1}""")]
    [InlineData("""{"type":4,"data":{"content":"x","flags":2}}""")]
    [InlineData("""{"type":5,"data":{"flags":4}}""")]
    public async Task Callback_types_that_do_not_fit_a_slash_command_are_50035(string body)
    {
        var interaction = await CommandAsync();
        var response = await _http.CallbackAsync(interaction, TestApi.Parse(body));
        Assert.Equal(50035, await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task Empty_message_reply_is_50006()
    {
        var interaction = await CommandAsync();
        Assert.Equal(50006, await (await _http.CallbackAsync(interaction, TestApi.Parse("""{"type":4,"data":{"content":""}}"""))).ErrorCodeAsync());
    }

    [Fact]
    public async Task With_response_returns_200_and_the_created_message()
    {
        var interaction = await CommandAsync();
        var response = await _http.CallbackAsync(interaction, TestApi.Parse("""{"type":4,"data":{"content":"hi"}}"""), "?with_response=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("hi", body["resource"]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal(interaction.Id.ToString(), body["interaction"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interaction_endpoints_are_exempt_from_the_global_limit()
    {
        for (var i = 0; i < 3; i++) await _http.GetAsync("users/@me");
        var interaction = await CommandAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await _http.CallbackAsync(interaction, TestApi.Parse("""{"type":5}"""))).StatusCode);
        var edit = await _http.PatchJsonAsync($"webhooks/{_fake.ApplicationId}/{interaction.Token}/messages/@original", TestApi.Parse("""{"content":"done"}"""));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("done", interaction.OriginalResponse!.Content);
        Assert.Contains(_fake.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task Webhook_before_acknowledgement_is_unknown_webhook_and_follow_ups_after_it_work()
    {
        var interaction = await CommandAsync();
        var early = await _http.PostJsonAsync($"webhooks/{_fake.ApplicationId}/{interaction.Token}", TestApi.Parse("""{"content":"early"}"""));
        await _http.CallbackAsync(interaction, TestApi.Parse("""{"type":5,"data":{"flags":64}}"""));
        var followUp = await _http.PostJsonAsync($"webhooks/{_fake.ApplicationId}/{interaction.Token}", TestApi.Parse("""{"content":"later","flags":64}"""));

        Assert.Equal(10015, await early.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.True(Assert.Single(interaction.FollowUps).Ephemeral);
        Assert.True(interaction.OriginalResponse!.Ephemeral);
        Assert.Contains(_fake.SentBodies, b => b["content"]?.GetValue<string>() == "early");
    }

    [Fact]
    public async Task Dm_interaction_carries_user_not_member_and_context_1()
    {
        var interaction = await _fake.InvokeCommandAsync(_user, "ping");
        var payload = await _gateway.NextDispatchAsync("INTERACTION_CREATE");

        Assert.Equal(_user.Id.ToString(), payload["user"]!["id"]!.GetValue<string>());
        Assert.Null(payload["member"]);
        Assert.Null(payload["guild_id"]);
        Assert.Equal(1, payload["context"]!.GetValue<int>());
        Assert.Equal("0", payload["authorizing_integration_owners"]!["0"]!.GetValue<string>());
        Assert.Equal(interaction.Token, payload["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Guild_interaction_carries_member_permissions_and_resolved_users()
    {
        var guild = _fake.AddGuild("g");
        var channel = guild.AddTextChannel("c");
        var partner = _fake.AddUser("sam");
        guild.AddMember(_user);
        guild.AddMember(partner);
        await _fake.InvokeCommandAsync(_user, "pair", guild, channel, new FakeOption("invite", 1, null, [new FakeOption("partner", 6, partner.Id)]));
        var payload = await _gateway.NextDispatchAsync("INTERACTION_CREATE");

        Assert.Equal(guild.Id.ToString(), payload["guild_id"]!.GetValue<string>());
        Assert.Equal(0, payload["context"]!.GetValue<int>());
        Assert.Equal(_user.Id.ToString(), payload["member"]!["user"]!["id"]!.GetValue<string>());
        Assert.NotNull(payload["member"]!["permissions"]!.GetValue<string>());
        Assert.Equal(partner.Id.ToString(), payload["data"]!["options"]![0]!["options"]![0]!["value"]!.GetValue<string>());
        Assert.NotNull(payload["data"]!["resolved"]!["users"]![partner.Id.ToString()]);
    }
}
