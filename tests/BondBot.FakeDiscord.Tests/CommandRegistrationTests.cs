using System.Net;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

/// <summary>Bulk overwrite of application commands and its validation (Application Commands).</summary>
public sealed class CommandRegistrationTests : IAsyncLifetime
{
    private FakeDiscordServer _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        _http = TestApi.Client(_fake);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private static JsonObject Command(string name, string description = "Does a thing", JsonArray? options = null) =>
        new() { ["name"] = name, ["description"] = description, ["options"] = options ?? [] };

    private static JsonObject Option(string name, int type = 3, bool required = false) =>
        new() { ["name"] = name, ["description"] = "An option", ["type"] = type, ["required"] = required };

    private Task<HttpResponseMessage> PutAsync(params JsonObject[] commands) =>
        _http.PutJsonAsync($"applications/{_fake.ApplicationId}/commands", new JsonArray(commands.Cast<JsonNode>().ToArray()));

    [Fact]
    public async Task Bulk_overwrite_replaces_all_and_returns_them_with_ids()
    {
        await PutAsync(Command("old"));
        var response = await PutAsync(Command("pair", options: [Option("partner", 6, required: true), Option("note")]), Command("ask"));
        var listed = await _http.GetAsync($"applications/{_fake.ApplicationId}/commands");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["pair", "ask"], stored.Select(c => c!["name"]!.GetValue<string>()));
        Assert.All(stored, c => Assert.Equal(_fake.ApplicationId.ToString(), c!["application_id"]!.GetValue<string>()));
        Assert.All(stored, c => Assert.NotNull(c!["id"]));
        Assert.Equal(2, _fake.GlobalCommands.Count);
        Assert.Equal(2, _fake.CommandOverwriteCount);
    }

    [Fact]
    public async Task Guild_commands_are_kept_per_guild()
    {
        var guild = _fake.AddGuild("g");
        var response = await _http.PutJsonAsync($"applications/{_fake.ApplicationId}/guilds/{guild.Id}/commands", new JsonArray(Command("test")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("test", Assert.Single(_fake.GuildCommands(guild.Id))["name"]!.GetValue<string>());
        Assert.Empty(_fake.GlobalCommands);
    }

    public static TheoryData<JsonObject[]> InvalidSets() => new()
    {
        new[] { Command("Pair") },
        new[] { Command("has space") },
        new[] { Command(new string('a', 33)) },
        new[] { Command("x", description: "") },
        new[] { Command("x", description: new string('d', 101)) },
        new[] { Command("x", options: [Option("optional"), Option("needed", required: true)]) },
        new[] { Command("x", options: new JsonArray(Enumerable.Range(0, 26).Select(i => (JsonNode)Option($"o{i}")).ToArray())) },
        new[] { Command("x"), Command("x") },
        new[] { Command("x", options: [WithChoicesAndAutocomplete()]) },
        new[] { Command("x", options: [Option("o", type: 12)]) },
        Enumerable.Range(0, 101).Select(i => Command($"c{i}")).ToArray(),
        new[] { Command("x", options: [Choices(26)]) },
        new[] { Command("x", options: new JsonArray(Enumerable.Range(0, 25).Select(i => (JsonNode)Choices(25, $"o{i}", 100)).ToArray())) },
    };

    [Theory]
    [MemberData(nameof(InvalidSets))]
    public async Task Invalid_command_set_is_50035_and_changes_nothing(JsonObject[] commands)
    {
        var response = await PutAsync(commands);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50035, await response.ErrorCodeAsync());
        Assert.Empty(_fake.GlobalCommands);
        Assert.Equal(0, _fake.CommandOverwriteCount);
    }

    [Fact]
    public async Task User_command_may_have_capitals_and_spaces_but_no_description()
    {
        var user = new JsonObject { ["name"] = "Send Appreciation", ["type"] = 2 };
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(user)).StatusCode);
    }

    [Fact]
    public async Task Wrong_application_is_rejected()
    {
        var response = await _http.PutJsonAsync("applications/1/commands", new JsonArray(Command("x")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static JsonObject WithChoicesAndAutocomplete()
    {
        var option = Choices(2);
        option["autocomplete"] = true;
        return option;
    }

    private static JsonObject Choices(int count, string name = "pick", int valueLength = 1)
    {
        var option = Option(name);
        option["choices"] = new JsonArray(Enumerable.Range(0, count)
            .Select(i => (JsonNode)new JsonObject { ["name"] = $"Choice {i}", ["value"] = new string('v', valueLength - 1) + (char)('a' + i % 26) }).ToArray());
        return option;
    }
}
