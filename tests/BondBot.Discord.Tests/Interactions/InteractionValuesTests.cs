using System.Text.Json;
using BondBot.Discord.Interactions;
using BondBot.Discord.Json;

namespace BondBot.Discord.Tests.Interactions;

public sealed class InteractionValuesTests
{
    private static InteractionData Data(string json) => JsonSerializer.Deserialize(json, DiscordJson.Default.InteractionData)!;

    [Fact]
    public void Modal_fields_are_read_from_the_label_layout()
    {
        var data = Data("""
            {"custom_id":"answer:7","components":[
              {"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"text","value":"Hello 👋"}},
              {"type":18,"id":3,"component":{"type":4,"id":4,"custom_id":"extra","value":""}}]}
            """);
        Assert.Equal(new Dictionary<string, string> { ["text"] = "Hello 👋", ["extra"] = "" }, data.ModalFields());
    }

    [Fact]
    public void Modal_fields_are_read_from_the_legacy_action_row_layout()
    {
        var data = Data("""
            {"custom_id":"answer:7","components":[
              {"type":1,"components":[{"type":4,"custom_id":"text","value":"legacy"}]}]}
            """);
        Assert.Equal("legacy", data.ModalFields()["text"]);
    }

    [Fact]
    public void Options_are_read_at_top_level_and_inside_a_sub_command()
    {
        var top = Data("""{"name":"question","options":[{"name":"depth","type":4,"value":2},{"name":"category","type":3,"value":"fun"}]}""");
        Assert.Equal(2, top.GetInteger("depth"));
        Assert.Equal("fun", top.GetString("category"));
        Assert.Null(top.SubCommand());

        var sub = Data("""{"name":"deck","options":[{"name":"remove","type":1,"options":[{"name":"id","type":4,"value":12}]}]}""");
        Assert.Equal("remove", sub.SubCommand());
        Assert.Equal(12, sub.GetInteger("id"));
        Assert.Null(sub.GetString("id"));
    }

    [Fact]
    public void User_options_read_huge_ids_and_resolve_them()
    {
        var data = Data("""
            {"name":"pair","options":[{"name":"partner","type":6,"value":"18446744073709551557"}],
             "resolved":{"users":{"18446744073709551557":{"id":"18446744073709551557","username":"alex","bot":true}}}}
            """);
        var id = data.GetUserId("partner")!.Value;
        Assert.Equal(18446744073709551557UL, id);
        Assert.True(data.GetResolvedUser(id)!.Bot);
    }

    [Fact]
    public void The_focused_option_is_found_for_autocomplete()
    {
        var data = Data("""{"name":"settings","options":[{"name":"timezone","type":3,"value":"Europe/Be","focused":true}]}""");
        Assert.Equal(("timezone", "Europe/Be"), data.Focused());
    }

    [Fact]
    public void Command_sets_that_differ_only_in_defaults_and_order_compare_equal()
    {
        var ours = new[]
        {
            new ApplicationCommand { Name = "b", Description = "d", Contexts = [1, 0], Options = [new CommandOption { Type = CommandOptionType.String, Name = "x", Description = "y" }] },
            new ApplicationCommand { Name = "a", Description = "d" },
        };
        var theirs = new[]
        {
            new ApplicationCommand { Id = 1, Name = "a", Description = "d", Options = [] },
            new ApplicationCommand { Id = 2, Name = "b", Description = "d", Contexts = [0, 1], Options = [new CommandOption { Type = CommandOptionType.String, Name = "x", Description = "y", Required = false, Autocomplete = false }] },
        };
        Assert.Equal(CommandRegistrar.Canonical(ours), CommandRegistrar.Canonical(theirs));
        Assert.NotEqual(CommandRegistrar.Canonical(ours), CommandRegistrar.Canonical([ours[0] with { Description = "changed" }, ours[1]]));
    }
}
