using System.Net;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

/// <summary>Buttons, selects and modals, acting as the user on what the bot sent.</summary>
public sealed class ComponentAndModalTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;
    private TestGateway _gateway = null!;
    private HttpClient _http = null!;
    private FakeUser _user = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
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

    private async Task<FakeMessage> DmWithComponentsAsync(string components)
    {
        var dm = await (await _http.PostJsonAsync("users/@me/channels", new JsonObject { ["recipient_id"] = _user.Id.ToString() })).JsonAsync();
        var response = await _http.PostJsonAsync($"channels/{dm["id"]}/messages", TestApi.Parse($$"""{"content":"pick","components":{{components}}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _fake.DirectMessagesTo(_user).Single();
    }

    [Fact]
    public async Task Button_click_then_update_message_edits_the_message_it_sits_on()
    {
        var message = await DmWithComponentsAsync("""[{"type":1,"components":[{"type":2,"style":1,"label":"Yes","custom_id":"yes"}]}]""");
        var click = await _fake.ClickButtonAsync(_user, message, "yes");
        var payload = await _gateway.NextDispatchAsync("INTERACTION_CREATE");
        var update = await _http.CallbackAsync(click, TestApi.Parse("""{"type":7,"data":{"content":"chosen","components":[]}}"""));

        Assert.Equal(3, payload["type"]!.GetValue<int>());
        Assert.Equal("yes", payload["data"]!["custom_id"]!.GetValue<string>());
        Assert.Equal(message.Id.ToString(), payload["message"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        Assert.Equal("chosen", message.Content);
        Assert.Empty(message.Components);
        Assert.Throws<InvalidOperationException>(() => { _ = _fake.ClickButtonAsync(_user, message, "yes"); });
    }

    [Fact]
    public async Task Disabled_or_missing_button_cannot_be_clicked()
    {
        var message = await DmWithComponentsAsync("""[{"type":1,"components":[{"type":2,"style":2,"label":"No","custom_id":"no","disabled":true}]}]""");
        Assert.Throws<InvalidOperationException>(() => { _ = _fake.ClickButtonAsync(_user, message, "no"); });
        Assert.Throws<InvalidOperationException>(() => { _ = _fake.ClickButtonAsync(_user, message, "other"); });
    }

    [Fact]
    public async Task Select_sends_values_and_rejects_values_not_offered()
    {
        var message = await DmWithComponentsAsync("""[{"type":1,"components":[{"type":3,"custom_id":"mood","options":[{"label":"Good","value":"good"},{"label":"Low","value":"low"}]}]}]""");
        await _fake.SelectAsync(_user, message, "mood", "low");
        var payload = await _gateway.NextDispatchAsync("INTERACTION_CREATE");

        Assert.Equal("low", payload["data"]!["values"]![0]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => { _ = _fake.SelectAsync(_user, message, "mood", "great"); });
        Assert.Throws<InvalidOperationException>(() => { _ = _fake.SelectAsync(_user, message, "mood", "good", "low"); });
    }

    [Theory]
    [InlineData("""{"type":18,"label":"Answer","component":{"type":4,"custom_id":"answer","style":2,"min_length":2,"max_length":50}}""", 18)]
    [InlineData("""{"type":1,"components":[{"type":4,"custom_id":"answer","style":2,"label":"Answer","min_length":2,"max_length":50}]}""", 1)]
    [InlineData("""{"type":10,"content":"### The whole question"},{"type":18,"label":"Answer","component":{"type":4,"custom_id":"answer","style":2,"min_length":2,"max_length":50}}""", 18)]
    public async Task Modal_submit_mirrors_the_layout_the_bot_used(string item, int expectedType)
    {
        var opened = await _fake.InvokeCommandAsync(_user, "answer");
        await _gateway.NextDispatchAsync("INTERACTION_CREATE");
        var shown = await _http.CallbackAsync(opened, TestApi.Parse($$$"""{"type":9,"data":{"custom_id":"m","title":"Your answer","components":[{{{item}}}]}}"""));
        Assert.Equal(HttpStatusCode.NoContent, shown.StatusCode);

        Assert.Throws<InvalidOperationException>(() => { _ = _fake.SubmitModalAsync(_user, opened, new Dictionary<string, string> { ["answer"] = "x" }); });
        Assert.Throws<InvalidOperationException>(() => { _ = _fake.SubmitModalAsync(_user, opened, new Dictionary<string, string>()); });
        var submit = await _fake.SubmitModalAsync(_user, opened, new Dictionary<string, string> { ["answer"] = "a long answer" });
        var payload = await _gateway.NextDispatchAsync("INTERACTION_CREATE");

        var components = payload["data"]!["components"]!.AsArray();
        var row = components[^1]!;
        if (components.Count > 1) Assert.Equal(10, components[0]!["type"]!.GetValue<int>());   // a text display comes back as type and id
        Assert.Equal(5, payload["type"]!.GetValue<int>());
        Assert.Equal(expectedType, row["type"]!.GetValue<int>());
        var input = expectedType == 18 ? row["component"]! : row["components"]![0]!;
        Assert.Equal("a long answer", input["value"]!.GetValue<string>());
        var modalAgain = await _http.CallbackAsync(submit, TestApi.Parse($$$"""{"type":9,"data":{"custom_id":"m","title":"t","components":[{{{item}}}]}}"""));
        Assert.Equal(50035, await modalAgain.ErrorCodeAsync());
    }

    [Theory]
    [InlineData("""{"custom_id":"m","title":"TITLE_46","components":[{"type":18,"label":"L","component":{"type":4,"custom_id":"a","style":1}}]}""")]
    [InlineData("""{"custom_id":"m","title":"t","components":[]}""")]
    [InlineData("""{"custom_id":"m","title":"t","components":[{"type":18,"label":"L","component":{"type":4,"custom_id":"a","style":3}}]}""")]
    [InlineData("""{"custom_id":"m","title":"t","components":[{"type":18,"label":"L","component":{"type":4,"custom_id":"a","style":1,"max_length":4001}}]}""")]
    [InlineData("""{"custom_id":"m","title":"t","components":[{"type":1,"components":[{"type":4,"custom_id":"a","style":1}]}]}""")]
    [InlineData("""{"custom_id":"m","title":"t","components":[{"type":10,"content":"TEXT_4001"},{"type":18,"label":"L","component":{"type":4,"custom_id":"a","style":1}}]}""")]
    [InlineData("""{"custom_id":"m","title":"t","components":[{"type":10,"content":""},{"type":18,"label":"L","component":{"type":4,"custom_id":"a","style":1}}]}""")]
    public async Task Modal_outside_the_limits_is_50035(string data)
    {
        var opened = await _fake.InvokeCommandAsync(_user, "answer");
        await _gateway.NextDispatchAsync("INTERACTION_CREATE");
        var body = data.Replace("TITLE_46", new string('t', 46), StringComparison.Ordinal).Replace("TEXT_4001", new string('x', 4001), StringComparison.Ordinal);
        var response = await _http.CallbackAsync(opened, new JsonObject { ["type"] = 9, ["data"] = TestApi.Parse(body) });
        Assert.Equal(50035, await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task Autocomplete_takes_only_choices_within_limits()
    {
        var first = await _fake.AutocompleteAsync(_user, "find", null, null, new FakeOption("q", 3, "ab", Focused: true));
        var payload = await _gateway.NextDispatchAsync("INTERACTION_CREATE");
        var tooMany = new JsonArray(Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["name"] = $"n{i}", ["value"] = $"v{i}" }).ToArray());
        var rejected = await _http.CallbackAsync(first, new JsonObject { ["type"] = 8, ["data"] = new JsonObject { ["choices"] = tooMany } });
        var message = await _http.CallbackAsync(first, TestApi.Parse("""{"type":4,"data":{"content":"x"}}"""));
        var ok = await _http.CallbackAsync(first, TestApi.Parse("""{"type":8,"data":{"choices":[{"name":"Abc","value":"abc"}]}}"""));

        Assert.True(payload["data"]!["options"]![0]!["focused"]!.GetValue<bool>());
        Assert.Equal(50035, await rejected.ErrorCodeAsync());
        Assert.Equal(50035, await message.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal("abc", Assert.Single(first.AutocompleteChoices)["value"]!.GetValue<string>());
    }
}
