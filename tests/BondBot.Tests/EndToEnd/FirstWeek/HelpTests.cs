using BondBot.FakeDiscord;
using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Tests.EndToEnd.FirstWeek;

/// <summary>Issue 12: /help starts with three steps, groups the rest, shows admin commands only to admins, and every
/// command hint is a clickable command mention with the id Discord gave it.</summary>
public sealed class HelpTests
{
    private static string MentionOf(FakeDiscordServer fake, string name) =>
        $"</{name}:{fake.GlobalCommands.Single(c => c["name"]!.GetValue<string>() == name)["id"]!.GetValue<string>()}>";

    [Fact]
    public async Task Help_opens_with_start_here_in_order_as_clickable_mentions_and_hides_admin_commands_from_members()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "help"));

        Assert.True(reply.Ephemeral);
        var description = reply.Embeds[0]!["description"]!.GetValue<string>();
        Assert.StartsWith("**Start here**", description);
        var (pair, settings, question) = (MentionOf(bot.Fake, "pair"), MentionOf(bot.Fake, "settings"), MentionOf(bot.Fake, "question"));
        Assert.Contains($"1. {pair} — invite your partner", description);
        Assert.True(description.IndexOf(pair) < description.IndexOf(settings) && description.IndexOf(settings) < description.IndexOf(question));
        var text = World.Text(reply);
        Assert.Contains("Every day:", text);
        Assert.Contains(MentionOf(bot.Fake, "checkin"), text);
        Assert.Contains("</privacy export:", text);
        Assert.DoesNotContain("/deck", text);
        Assert.DoesNotContain("For server admins", text);
        Assert.DoesNotContain("`/", text);   // every hint became a mention
        Assert.Contains("not therapy", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("**Not yet** on its card sets it aside", text);
        Assert.All(reply.Embeds.Single()!["fields"]!.AsArray(), f => Assert.InRange(f!["value"]!.GetValue<string>().Length, 1, 1024));
    }

    [Fact]
    public async Task Members_who_can_manage_the_server_also_see_the_admin_commands_and_every_command_is_listed()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var admin = bot.Fake.AddUser("dana");
        world.Guild.AddMember(admin, FakePermissions.DefaultMember | FakePermissions.ManageGuild);

        var reply = await world.ReplyAsync(await world.CommandAsync(admin, "help"));

        var text = World.Text(reply);
        Assert.Contains("For server admins", text);
        Assert.Contains(MentionOf(bot.Fake, "deck"), text);
        Assert.Contains("</space category:", text);
        foreach (var command in bot.Services.GetRequiredService<CommandCatalog>().Definitions.Where(c => c.Name != "help"))
            Assert.Contains(MentionOf(bot.Fake, command.Name), text);

        var inDm = World.Text(await world.ReplyAsync(await world.DmCommandAsync(admin, "help")));
        Assert.DoesNotContain("For server admins", inDm);
    }
}
