using System.Text.Json;
using BondBot.Discord.Json;

namespace BondBot.Discord.Tests.Models;

public sealed class MoreModelTests
{
    [Fact]
    public void Messages_members_and_applications_read_with_huge_ids()
    {
        var message = JsonSerializer.Deserialize("""
            {"id":"18446744073709551600","channel_id":"9007199254740993","author":{"id":"5","username":"u"},
             "content":"hi","embeds":[{"title":"t","fields":[{"name":"n","value":"v","inline":true}]}],
             "components":[{"type":1,"components":[{"type":2,"style":1,"custom_id":"c","label":"L"}]}],"flags":64,"future":1}
            """, DiscordJson.Default.Message)!;
        var member = JsonSerializer.Deserialize("""{"user":{"id":"7","username":"m"},"roles":["18446744073709551602"],"permissions":"32"}""", DiscordJson.Default.GuildMember)!;
        var application = JsonSerializer.Deserialize("""{"id":"18446744073709551603","name":"BondBot","flags":0}""", DiscordJson.Default.Application)!;

        Assert.Equal(18446744073709551600UL, message.Id);
        Assert.Equal(9007199254740993UL, message.ChannelId);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Equal("c", message.Components![0].Components![0].CustomId);
        Assert.True(message.Embeds![0].Fields![0].Inline);
        Assert.Equal(18446744073709551602UL, member.Roles![0]);
        Assert.Equal(Permissions.ManageGuild, member.Permissions);
        Assert.Equal(18446744073709551603UL, application.Id);
    }

    [Fact]
    public void Channel_create_requests_write_overwrites_as_strings()
    {
        var request = new CreateGuildChannelRequest
        {
            Name = "sam-and-alex", Topic = "just us", ParentId = 18446744073709551604UL,
            PermissionOverwrites = [new PermissionOverwrite { Id = 1, Type = OverwriteType.Role, Deny = Permissions.ViewChannel }],
        };
        var json = JsonSerializer.Serialize(request, DiscordJson.Default.CreateGuildChannelRequest);
        var back = JsonSerializer.Deserialize(json, DiscordJson.Default.CreateGuildChannelRequest)!;

        Assert.Contains("\"deny\":\"1024\"", json);
        Assert.Contains("\"parent_id\":\"18446744073709551604\"", json);
        Assert.Equal(request.ParentId, back.ParentId);
        Assert.Equal(Permissions.ViewChannel, back.PermissionOverwrites![0].Deny);
    }

    [Fact]
    public void Error_bodies_flatten_into_field_errors()
    {
        var body = JsonSerializer.Deserialize("""
            {"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"description":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 4096 or fewer in length."}]}}}}}
            """, DiscordJson.Default.DiscordErrorBody)!;
        var limited = JsonSerializer.Deserialize("""{"message":"You are being rate limited.","retry_after":64.57,"global":false}""", DiscordJson.Default.RateLimitBody)!;

        var error = Assert.Single(DiscordApiException.Flatten(body.Errors));
        Assert.Equal(("embeds.0.description", "BASE_TYPE_MAX_LENGTH"), (error.Path, error.Code));
        Assert.Equal(64.57, limited.RetryAfter);
    }
}
