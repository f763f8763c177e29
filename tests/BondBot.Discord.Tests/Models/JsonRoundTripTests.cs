using System.Text.Json;
using System.Text.Json.Nodes;
using BondBot.Discord;
using BondBot.Discord.Json;

namespace BondBot.Discord.Tests.Models;

public sealed class JsonRoundTripTests
{
    private const ulong AboveDoublePrecision = 9007199254740993UL;   // 2^53 + 1
    private const ulong AboveSignedRange = 18446744073709551557UL;   // > 2^63

    [Fact]
    public void Interaction_with_huge_snowflakes_reads_exactly_and_ignores_unknown_fields()
    {
        var json = $$"""
        {
          "id": "{{AboveSignedRange}}", "application_id": "{{AboveDoublePrecision}}", "type": 2,
          "token": "tok", "version": 1, "guild_id": "{{AboveSignedRange - 1}}", "channel_id": "42",
          "member": { "user": { "id": "{{AboveSignedRange - 2}}", "username": "sam", "brand_new_field": [1, 2] },
                      "roles": ["7"], "permissions": "2251799813685247999999" },
          "data": { "id": "5", "name": "pair", "type": 1,
                    "options": [ { "name": "partner", "type": 6, "value": "{{AboveSignedRange - 3}}" } ] },
          "app_permissions": "117840", "locale": "en-US", "context": 0, "some_future_thing": { "x": true }
        }
        """;

        var interaction = JsonSerializer.Deserialize(json, DiscordJson.Default.Interaction)!;

        Assert.Equal(AboveSignedRange, interaction.Id);
        Assert.Equal(AboveDoublePrecision, interaction.ApplicationId);
        Assert.Equal(AboveSignedRange - 2, interaction.Invoker.Id);
        Assert.Equal("117840", ((ulong)interaction.AppPermissions!.Value).ToString());
        Assert.Equal(InteractionContextType.Guild, interaction.Context);
        Assert.Equal("pair", interaction.Data!.Name);
    }

    [Fact]
    public void Snowflakes_are_written_back_as_strings()
    {
        var overwrite = new PermissionOverwrite { Id = AboveSignedRange, Type = OverwriteType.Member, Allow = Permissions.ViewChannel | Permissions.SendMessages };
        var node = JsonNode.Parse(JsonSerializer.Serialize(overwrite, DiscordJson.Default.PermissionOverwrite))!;

        Assert.Equal(AboveSignedRange.ToString(), node["id"]!.GetValue<string>());
        Assert.Equal("3072", node["allow"]!.GetValue<string>());
        Assert.Equal(1, node["type"]!.GetValue<int>());
    }

    [Fact]
    public void Ids_sent_back_as_numbers_are_accepted()
    {
        var user = JsonSerializer.Deserialize("""{"id": 12345, "username": "x"}""", DiscordJson.Default.User)!;
        Assert.Equal(12345UL, user.Id);
    }

    [Fact]
    public void Unknown_enum_values_are_tolerated_and_round_trip()
    {
        var channel = JsonSerializer.Deserialize("""{"id":"1","type":99,"name":"future"}""", DiscordJson.Default.Channel)!;
        Assert.Equal(99, (int)channel.Type);
        Assert.Contains("\"type\":99", JsonSerializer.Serialize(channel, DiscordJson.Default.Channel));
    }

    [Fact]
    public void Message_payload_round_trips_with_components_embeds_and_no_nulls()
    {
        var payload = new MessagePayload
        {
            Content = "hi",
            Embeds = [new Embed { Title = "t", Fields = [new EmbedField("a", "b", true)], Footer = new EmbedFooter("f") }],
            Components = [Component.Row(Component.Button("x:1", "Go", ButtonStyle.Primary))],
            AllowedMentions = AllowedMentions.OnlyUsers(AboveSignedRange),
            Nonce = "n1",
            EnforceNonce = true,
        };

        var json = JsonSerializer.Serialize(payload, DiscordJson.Default.MessagePayload);
        var back = JsonSerializer.Deserialize(json, DiscordJson.Default.MessagePayload)!;

        Assert.DoesNotContain("null", json);
        Assert.Contains("\"custom_id\":\"x:1\"", json);
        Assert.Contains($"\"users\":[\"{AboveSignedRange}\"]", json);
        Assert.Equal("x:1", back.Components![0].Components![0].CustomId);
        Assert.Equal(AboveSignedRange, back.AllowedMentions!.Users![0]);
        Assert.Equal("f", back.Embeds![0].Footer!.Text);
    }

    [Fact]
    public void Label_modal_component_serializes_its_child_as_component()
    {
        var modal = new ModalPayload("m", "Title", [Component.LabeledTextInput("answer", "Your answer", TextInputStyle.Paragraph, 1500)]);
        var node = JsonNode.Parse(JsonSerializer.Serialize(modal, DiscordJson.Default.ModalPayload))!;

        var label = node["components"]![0]!;
        Assert.Equal(18, label["type"]!.GetValue<int>());
        Assert.Equal("answer", label["component"]!["custom_id"]!.GetValue<string>());
        Assert.Equal(1500, label["component"]!["max_length"]!.GetValue<int>());
    }

    [Fact]
    public void Command_definitions_round_trip_with_choices()
    {
        var command = new ApplicationCommand
        {
            Name = "question",
            Description = "d",
            Options = [new CommandOption { Type = CommandOptionType.Integer, Name = "depth", Description = "x", Choices = [CommandChoice.Of("Light", 1)] }],
            Contexts = [0, 1],
        };
        var json = JsonSerializer.Serialize(new List<ApplicationCommand> { command }, DiscordJson.Default.ListApplicationCommand);
        var back = JsonSerializer.Deserialize(json, DiscordJson.Default.ListApplicationCommand)!.Single();

        Assert.Equal(1, back.Options![0].Choices![0].Value.GetInt32());
        Assert.Equal([0, 1], back.Contexts);
    }

    [Fact]
    public void Gateway_ready_and_bot_info_read()
    {
        var ready = JsonSerializer.Deserialize("""
            {"v":10,"user":{"id":"1","username":"bot"},"session_id":"abc","resume_gateway_url":"wss://r.example/",
             "guilds":[{"id":"2","unavailable":true}],"application":{"id":"3","flags":0}}
            """, DiscordJson.Default.ReadyData)!;
        var info = JsonSerializer.Deserialize("""
            {"url":"wss://g.example","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}
            """, DiscordJson.Default.GatewayBotInfo)!;

        Assert.Equal("abc", ready.SessionId);
        Assert.Equal(3UL, ready.Application.Id);
        Assert.Equal(999, info.SessionStartLimit!.Remaining);
        Assert.Equal(14400000, info.SessionStartLimit.ResetAfter);
    }
}
