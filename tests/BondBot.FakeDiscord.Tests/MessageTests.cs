using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

/// <summary>Create Message: limits, DMs, permissions, nonces and uploads (Message §Create Message).</summary>
public sealed class MessageTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;
    private HttpClient _http = null!;
    private FakeChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MessageCreateLimit = 100 });
        _http = TestApi.Client(_fake);
        _channel = _fake.AddGuild("g").AddTextChannel("general");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string json, ulong? channelId = null) =>
        _http.PostJsonAsync($"channels/{channelId ?? _channel.Id}/messages", TestApi.Parse(json));

    [Fact]
    public async Task Content_over_2000_is_50035_naming_the_field()
    {
        var response = await _http.PostJsonAsync($"channels/{_channel.Id}/messages", new JsonObject { ["content"] = new string('x', 2001) });
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50035, body["code"]!.GetValue<int>());
        Assert.NotNull(body["errors"]!["content"]!["_errors"]![0]!["message"]);
        Assert.Empty(_fake.MessagesIn(_channel.Id));
    }

    [Theory]
    [InlineData("""{"embeds":[{"title":"T","fields":[{"name":"n","value":"V1025"}]}]}""", "embeds")]
    [InlineData("""{"embeds":[{"description":"D4000"},{"description":"D2001"}]}""", "embeds")]
    [InlineData("""{"content":"x","components":[{"type":1,"components":[{"type":2,"style":1,"label":"a","custom_id":"same"},{"type":2,"style":1,"label":"b","custom_id":"same"}]}]}""", "components")]
    [InlineData("""{"content":"x","components":[{"type":1,"components":[{"type":2,"style":5,"label":"a"}]}]}""", "components")]
    [InlineData("""{"content":"x","components":[{"type":1,"components":[{"type":2,"style":1,"label":"a"}]}]}""", "components")]
    [InlineData("""{"content":"x","components":[{"type":1,"components":[{"type":3,"custom_id":"s","options":[{"label":"a","value":"a"}]},{"type":2,"style":1,"label":"b","custom_id":"b"}]}]}""", "components")]
    [InlineData("""{"content":"x","flags":64}""", "flags")]
    [InlineData("""{"content":"x","nonce":"12345678901234567890123456"}""", "nonce")]
    [InlineData("""{"content":"x","allowed_mentions":{"parse":["users"],"users":["1"]}}""", "allowed_mentions")]
    public async Task Payload_outside_the_documented_limits_is_50035(string template, string field)
    {
        var json = template.Replace("V1025", new string('v', 1025), StringComparison.Ordinal)
            .Replace("D4000", new string('d', 4000), StringComparison.Ordinal).Replace("D2001", new string('d', 2001), StringComparison.Ordinal);
        var body = await (await PostAsync(json)).JsonAsync();

        Assert.Equal(50035, body["code"]!.GetValue<int>());
        Assert.NotNull(body["errors"]![field]);
    }

    [Fact]
    public async Task Six_action_rows_are_50035_and_five_are_fine()
    {
        string Rows(int n) => new JsonArray(Enumerable.Range(0, n).Select(i => (JsonNode)TestApi.Parse(
            $$"""{"type":1,"components":[{"type":2,"style":1,"label":"b","custom_id":"b{{i}}"}]}""")).ToArray()).ToJsonString();

        Assert.Equal(50035, await (await PostAsync($$"""{"components":{{Rows(6)}}}""")).ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($$"""{"components":{{Rows(5)}}}""")).StatusCode);
    }

    [Fact]
    public async Task Empty_message_is_50006_and_unknown_channel_10003()
    {
        Assert.Equal(50006, await (await PostAsync("""{"content":""}""")).ErrorCodeAsync());
        Assert.Equal(10003, await (await PostAsync("""{"content":"x"}""", 12345)).ErrorCodeAsync());
    }

    [Fact]
    public async Task Dm_to_user_with_closed_dms_or_a_bot_is_50007()
    {
        var closed = _fake.AddUser("private");
        closed.DmsOpen = false;
        var bot = _fake.AddUser("other-bot", isBot: true);
        foreach (var user in new[] { closed, bot })
        {
            var dm = await (await _http.PostJsonAsync("users/@me/channels", new JsonObject { ["recipient_id"] = user.Id.ToString() })).JsonAsync();
            var response = await PostAsync("""{"content":"hi"}""", ulong.Parse(dm["id"]!.GetValue<string>()));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(50007, await response.ErrorCodeAsync());
        }
        Assert.Equal(50033, await (await _http.PostJsonAsync("users/@me/channels", new JsonObject { ["recipient_id"] = "42" })).ErrorCodeAsync());
    }

    [Fact]
    public async Task Dm_channel_is_the_same_each_time_and_messages_show_up_for_the_user()
    {
        var user = _fake.AddUser("u");
        var first = await (await _http.PostJsonAsync("users/@me/channels", new JsonObject { ["recipient_id"] = user.Id.ToString() })).JsonAsync();
        var second = await (await _http.PostJsonAsync("users/@me/channels", new JsonObject { ["recipient_id"] = user.Id.ToString() })).JsonAsync();
        await PostAsync("""{"content":"hello"}""", ulong.Parse(first["id"]!.GetValue<string>()));

        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Equal(1, first["type"]!.GetValue<int>());
        Assert.Equal("hello", Assert.Single(_fake.DirectMessagesTo(user)).Content);
    }

    [Fact]
    public async Task Enforced_nonce_returns_the_existing_message_instead_of_a_second_one()
    {
        var first = await (await PostAsync("""{"content":"once","nonce":"n-1","enforce_nonce":true}""")).JsonAsync();
        var repeat = await PostAsync("""{"content":"once","nonce":"n-1","enforce_nonce":true}""");

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(first["id"]!.GetValue<string>(), (await repeat.JsonAsync())["id"]!.GetValue<string>());
        Assert.Single(_fake.MessagesIn(_channel.Id));
    }

    [Fact]
    public async Task Channel_overwrite_denying_send_to_everyone_is_50013_unless_the_bot_is_allowed()
    {
        var guild = _fake.AddGuild("private");
        var denied = guild.AddTextChannel("closed");
        denied.PermissionOverwrites.Add(new FakeOverwrite(guild.Id, 0, 0, 1UL << 11));
        var allowed = guild.AddTextChannel("ours");
        allowed.PermissionOverwrites.Add(new FakeOverwrite(guild.Id, 0, 0, 1UL << 10 | 1UL << 11));
        allowed.PermissionOverwrites.Add(new FakeOverwrite(_fake.BotUserId, 1, 1UL << 10 | 1UL << 11, 0));

        Assert.Equal(50013, await (await PostAsync("""{"content":"x"}""", denied.Id)).ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("""{"content":"x"}""", allowed.Id)).StatusCode);
    }

    [Fact]
    public async Task Embeds_need_embed_links()
    {
        var channel = _fake.AddGuild("plain", botPermissions: 1UL << 10 | 1UL << 11).AddTextChannel("c");
        Assert.Equal(50013, await (await PostAsync("""{"embeds":[{"title":"t"}]}""", channel.Id)).ErrorCodeAsync());
    }

    [Fact]
    public async Task Multipart_upload_keeps_payload_json_and_files()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("""{"content":"your export","attachments":[{"id":0,"filename":"export.json","description":"data"}]}""", Encoding.UTF8, "application/json"), "payload_json");
        var file = new ByteArrayContent("""{"a":1}"""u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "files[0]", "export.json");
        var response = await _http.PostAsync($"channels/{_channel.Id}/messages", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(_fake.MessagesIn(_channel.Id));
        Assert.Equal("your export", message.Content);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("export.json", attachment.FileName);
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(attachment.Data));
        Assert.Equal("data", attachment.Description);
        Assert.Equal("export.json", (await response.JsonAsync())["attachments"]![0]!["filename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Edit_replaces_content_and_counts()
    {
        var created = await (await PostAsync("""{"content":"draft"}""")).JsonAsync();
        var edit = await _http.PatchJsonAsync($"channels/{_channel.Id}/messages/{created["id"]}", TestApi.Parse("""{"content":"final"}"""));
        var fetched = await (await _http.GetAsync($"channels/{_channel.Id}/messages/{created["id"]}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("final", fetched["content"]!.GetValue<string>());
        Assert.Equal(1, _fake.MessagesIn(_channel.Id).Single().EditCount);
    }
}
