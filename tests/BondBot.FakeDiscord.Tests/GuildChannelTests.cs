using System.Net;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord.Tests.Support;

namespace BondBot.FakeDiscord.Tests;

/// <summary>Create and delete guild channels with permission overwrites (Guild §Create Guild Channel).</summary>
public sealed class GuildChannelTests : IAsyncLifetime
{
    private const ulong View = 1UL << 10, Send = 1UL << 11, ManageRoles = 1UL << 28, ManageChannels = 1UL << 4;
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

    private JsonObject PrivateChannel(FakeGuild guild, ulong botAllow) => new()
    {
        ["name"] = "us-two",
        ["type"] = 0,
        ["topic"] = "A private space",
        ["permission_overwrites"] = new JsonArray(
            new JsonObject { ["id"] = guild.Id.ToString(), ["type"] = 0, ["allow"] = "0", ["deny"] = View.ToString() },
            new JsonObject { ["id"] = _fake.BotUserId.ToString(), ["type"] = 1, ["allow"] = botAllow.ToString(), ["deny"] = "0" }),
    };

    [Fact]
    public async Task Private_channel_is_created_with_overwrites_and_dispatched()
    {
        var guild = _fake.AddGuild("g");
        var (gateway, _) = await TestGateway.IdentifiedAsync(_fake);
        await using var _ = gateway;
        var response = await _http.PostJsonAsync($"guilds/{guild.Id}/channels", PrivateChannel(guild, View | Send));
        var dispatched = await gateway.NextDispatchAsync("CHANNEL_CREATE");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("us-two", body["name"]!.GetValue<string>());
        Assert.Equal(View.ToString(), body["permission_overwrites"]![0]!["deny"]!.GetValue<string>());
        Assert.Equal(body["id"]!.GetValue<string>(), dispatched["id"]!.GetValue<string>());
        var channel = Assert.Single(guild.Channels);
        Assert.Equal(2, channel.PermissionOverwrites.Count);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostJsonAsync($"channels/{channel.Id}/messages", new JsonObject { ["content"] = "hi" })).StatusCode);
    }

    [Fact]
    public async Task Without_manage_channels_creation_is_50013()
    {
        var guild = _fake.AddGuild("g", botPermissions: View | Send);
        var response = await _http.PostJsonAsync($"guilds/{guild.Id}/channels", new JsonObject { ["name"] = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(50013, await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task Overwrite_granting_a_permission_the_bot_lacks_is_50013()
    {
        var guild = _fake.AddGuild("g", botPermissions: View | Send | ManageChannels);
        var response = await _http.PostJsonAsync($"guilds/{guild.Id}/channels", PrivateChannel(guild, View | Send | (1UL << 16)));
        Assert.Equal(50013, await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task Manage_roles_in_an_overwrite_needs_administrator()
    {
        var guild = _fake.AddGuild("g", botPermissions: View | Send | ManageChannels | ManageRoles);
        var admin = _fake.AddGuild("a", botPermissions: 1UL << 3);

        Assert.Equal(50013, await (await _http.PostJsonAsync($"guilds/{guild.Id}/channels", PrivateChannel(guild, View | ManageRoles))).ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.Created, (await _http.PostJsonAsync($"guilds/{admin.Id}/channels", PrivateChannel(admin, View | ManageRoles))).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"x","type":2}""")]
    [InlineData("""{"name":"x","permission_overwrites":[{"id":"1","type":5,"allow":"0","deny":"0"}]}""")]
    [InlineData("""{"name":"x","parent_id":"123"}""")]
    public async Task Invalid_channel_body_is_50035(string json)
    {
        var guild = _fake.AddGuild("g");
        Assert.Equal(50035, await (await _http.PostJsonAsync($"guilds/{guild.Id}/channels", TestApi.Parse(json))).ErrorCodeAsync());
    }

    [Fact]
    public async Task Deleting_a_channel_returns_it_and_dispatches_channel_delete()
    {
        var guild = _fake.AddGuild("g");
        var channel = guild.AddTextChannel("old");
        var (gateway, _) = await TestGateway.IdentifiedAsync(_fake);
        await using var _ = gateway;
        var response = await _http.DeleteAsync($"channels/{channel.Id}");

        Assert.Equal(channel.Id.ToString(), (await response.JsonAsync())["id"]!.GetValue<string>());
        Assert.Equal(channel.Id.ToString(), (await gateway.NextDispatchAsync("CHANNEL_DELETE"))["id"]!.GetValue<string>());
        Assert.Equal(10003, await (await _http.GetAsync($"channels/{channel.Id}")).ErrorCodeAsync());
    }

    [Fact]
    public async Task Admin_deletion_and_bot_removal_reach_the_gateway()
    {
        var guild = _fake.AddGuild("g");
        var channel = guild.AddTextChannel("c");
        var (gateway, _) = await TestGateway.IdentifiedAsync(_fake);
        await using var _ = gateway;
        await _fake.DeleteChannelAsync(channel.Id);
        guild.RemoveBot();

        Assert.Equal(channel.Id.ToString(), (await gateway.NextDispatchAsync("CHANNEL_DELETE"))["id"]!.GetValue<string>());
        Assert.Equal(guild.Id.ToString(), (await gateway.NextDispatchAsync("GUILD_DELETE"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Member_lookup_finds_members_and_the_bot_and_10007_for_strangers()
    {
        var guild = _fake.AddGuild("g");
        var member = _fake.AddUser("m");
        var stranger = _fake.AddUser("s");
        guild.AddMember(member);

        var found = await (await _http.GetAsync($"guilds/{guild.Id}/members/{member.Id}")).JsonAsync();
        Assert.Equal(member.Id.ToString(), found["user"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"guilds/{guild.Id}/members/{_fake.BotUserId}")).StatusCode);
        Assert.Equal(10007, await (await _http.GetAsync($"guilds/{guild.Id}/members/{stranger.Id}")).ErrorCodeAsync());
        Assert.Equal(10004, await (await _http.GetAsync("guilds/1/members/1")).ErrorCodeAsync());
    }
}
