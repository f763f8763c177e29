using BondBot.FakeDiscord;
using BondBot.Features.Admin;
using static BondBot.Tests.EndToEnd.Operators.Admins;

namespace BondBot.Tests.EndToEnd.Operators;

public sealed class AdminDoctorTests
{
    [Fact]
    public async Task Doctor_with_manage_channels_taken_away_names_the_missing_permission_and_its_fix()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var admin = AddAdmin(world);

        var healthy = await AdminAsync(world, admin, "doctor");
        Assert.Contains("everything it needs for private spaces", healthy);
        Assert.Contains("commands are registered and current", healthy);

        world.Guild.BotPermissions &= ~FakePermissions.ManageChannels;
        var report = await AdminAsync(world, admin, "doctor");

        Assert.Contains("BondBot is missing Manage Channels in this server", report);
        Assert.Contains("Server Settings → Roles", report);
        Assert.DoesNotContain("everything it needs", report);
    }

    [Fact]
    public async Task Doctor_reads_the_space_category_overwrites_and_names_a_deleted_category()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var admin = AddAdmin(world);
        var category = world.Guild.AddCategory("Couples");
        await world.ReplyAsync(await world.CommandAsync(admin, "space", new FakeOption("category", 1, null, [new FakeOption("category", 7, category.Id)])));
        // The category denies the bot's role what it needs to post embeds and files there.
        category.PermissionOverwrites.Add(new FakeOverwrite(world.Guild.BotRoleId, 0, 0, FakePermissions.EmbedLinks | FakePermissions.AttachFiles));

        var denied = await AdminAsync(world, admin, "doctor");
        Assert.Contains($"BondBot is missing Embed Links, Attach Files in the space category <#{category.Id}>", denied);
        Assert.Contains("Space category **Couples** exists and BondBot can write there", denied);

        await bot.Fake.DeleteChannelAsync(category.Id);
        var deleted = await AdminAsync(world, admin, "doctor");

        Assert.Contains("The space category chosen for this server was deleted", deleted);
        Assert.Contains("Choose a category again with", deleted);
    }

    [Fact]
    public async Task Admin_from_a_member_without_manage_server_is_refused_and_discord_hides_it_from_them_by_default()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Carol, "admin", new FakeOption("doctor", 1, null, [])));

        Assert.Equal(bot.AsSent(AdminCommand.NotAnAdmin), reply.Content);
        Assert.True(reply.Ephemeral);
        var registered = bot.Fake.GlobalCommands.Single(c => c["name"]!.GetValue<string>() == "admin");
        Assert.Equal(((ulong)FakePermissions.ManageGuild).ToString(), registered["default_member_permissions"]!.GetValue<string>());
        Assert.Equal("[0]", registered["contexts"]!.ToJsonString());
    }

    [Fact]
    public async Task Doctor_counts_closed_dms_of_couples_here_without_naming_anyone()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var admin = AddAdmin(world);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        world.Bob.DmsOpen = false;
        // Alice's note to Bob is a DM that fails with 50007, which marks Bob's DMs closed.
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "appreciate", new FakeOption("note", 3, "mine")));
        await bot.DeliverAsync();

        var report = await AdminAsync(world, admin, "doctor");

        Assert.True(report.Contains("1 member paired here has DMs closed to BondBot"), report);
        foreach (var person in new[] { world.Alice, world.Bob })
        {
            Assert.DoesNotContain(person.Id.ToString(), report);
            Assert.DoesNotContain(person.Username, report);
        }
        Assert.DoesNotContain("mine", report);
    }
}
