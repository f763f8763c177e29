using BondBot.Discord;
using BondBot.FakeDiscord;
using BondBot.Features.Space;

namespace BondBot.Tests.EndToEnd;

public sealed class SpaceFlowTests
{
    /// <summary>Alice asks, Bob agrees by DM: the space exists only after both said yes.</summary>
    public static async Task<FakeChannel> OpenSpaceAsync(BotHarness bot, World world)
    {
        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "space", new FakeOption("open", 1, null, [])));
        Assert.Contains("agree first", reply.Content);
        Assert.Contains("this server's admins", reply.Content);
        Assert.DoesNotContain(world.Guild.Channels, c => c.Name == "alice-and-bob");
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(IsRequest));
        var agreed = await world.ClickAsync(world.Bob, bot.Fake.DirectMessagesTo(world.Bob).Last(IsRequest), SpaceMessages.AgreePrefix);
        Assert.Contains("ready", agreed.Content);
        return world.Guild.Channels.Single(c => c.Name == "alice-and-bob");
    }

    private static bool IsRequest(FakeMessage m) => m.Components.ToJsonString().Contains(SpaceMessages.AgreePrefix, StringComparison.Ordinal);

    [Fact]
    public async Task Open_creates_a_channel_only_the_pair_and_the_bot_can_see_with_exact_overwrites()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var channel = await OpenSpaceAsync(bot, world);

        var partner = (ulong)SpaceRequestHandler.Agree.PartnerAllow;
        Assert.Equal(
            new[]
            {
                new FakeOverwrite(world.Guild.Id, 0, 0, (ulong)Permissions.ViewChannel),
                new FakeOverwrite(world.Alice.Id, 1, partner, 0),
                new FakeOverwrite(world.Bob.Id, 1, partner, 0),
                new FakeOverwrite(bot.Fake.BotUserId, 1, (ulong)SpaceRequestHandler.Agree.BotAllow, 0),
            },
            channel.PermissionOverwrites.OrderBy(o => o.Type).ThenBy(o => o.Id == bot.Fake.BotUserId).ThenBy(o => o.Id == world.Bob.Id));
        Assert.Equal(0, channel.Type);
        Assert.Contains(bot.Fake.MessagesIn(channel.Id), m => m.Content!.Contains("Only the two of you"));

        var again = await world.ReplyAsync(await world.CommandAsync(world.Bob, "space", new FakeOption("open", 1, null, [])));
        Assert.Contains("already have a private space", again.Content);
    }

    [Fact]
    public async Task Without_manage_channels_the_reply_names_the_permission_and_how_to_grant_it()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        world.Guild.BotPermissions &= ~FakePermissions.ManageChannels;
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "space", new FakeOption("open", 1, null, [])));

        Assert.Equal(bot.AsSent(SpaceMessages.MissingManageChannels), reply.Content);
        Assert.DoesNotContain(world.Guild.Channels, c => c.Name == "alice-and-bob");
    }

    [Fact]
    public async Task Reveals_go_to_the_space_and_back_to_dms_after_an_admin_deletes_it()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);
        var space = await OpenSpaceAsync(bot, world);

        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "alice-in-space"));
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestCard(bot.Fake, world.General.Id), "bob-in-space"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.MessagesIn(space.Id).Any(m => World.Text(m).Contains("alice-in-space")));
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("bob-in-space"));

        await bot.Fake.DeleteChannelAsync(space.Id);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("space was deleted")));

        // Without the space, the next question's cards go to both partners' DMs.
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "question"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => m.Components.ToJsonString().Contains("q.answer"))
                                            && bot.Fake.DirectMessagesTo(world.Alice).Any(m => m.Components.ToJsonString().Contains("q.answer")));
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, QuestionFlowTests.LatestDmCard(bot.Fake, world.Alice), "alice-by-dm"));
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestDmCard(bot.Fake, world.Bob), "bob-by-dm"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("bob-by-dm")));
    }

    [Fact]
    public async Task With_a_space_rounds_and_the_weekly_ritual_go_there_and_dm_prompts_link_to_it()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(NodaTime.Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var space = await OpenSpaceAsync(bot, world);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "question"));
        Assert.Contains($"<#{space.Id}>", reply.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.MessagesIn(space.Id).Any(m => m.Components.ToJsonString().Contains("q.answer")));
        Assert.DoesNotContain(bot.Fake.MessagesIn(world.General.Id), m => m.Components.ToJsonString().Contains("q.answer"));

        var settings = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BondBot.Features.Settings.SettingsService>(bot.Services);
        foreach (var user in new[] { world.Alice, world.Bob })
            await settings.UpdateAsync(user.Id, NodaTime.DateTimeZone.Utc, new NodaTime.LocalTime(20, 0), BondBot.Features.Settings.CheckInDays.Every);
        await bot.AtAsync(NodaTime.Instant.FromUtc(2026, 6, 1, 20, 0));
        var prompt = bot.Fake.DirectMessagesTo(world.Alice).Single(m => m.Components.ToJsonString().Contains("ci.mood"));
        Assert.Contains($"<#{space.Id}>", World.Text(prompt));
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("This week's ritual"));
        Assert.Single(bot.Fake.MessagesIn(space.Id), m => World.Text(m).Contains("This week's ritual"));
        Assert.Contains("tell each other", World.Text(bot.Fake.MessagesIn(space.Id).Single(m => World.Text(m).Contains("This week's ritual"))));
    }

    [Fact]
    public async Task Close_asks_first_then_deletes_the_channel()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var space = await OpenSpaceAsync(bot, world);

        var confirm = await world.ReplyAsync(await world.CommandAsync(world.Bob, "space", new FakeOption("close", 1, null, [])));
        Assert.Contains("Delete your private space", confirm.Content);
        var button = confirm.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        await (await bot.Fake.ClickButtonAsync(world.Bob, confirm, button)).FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));

        await bot.Fake.WaitUntilAsync(() => bot.Fake.FindChannel(space.Id) is null);   // read under the fake's lock, not its list
        Assert.Contains("was deleted", confirm.Content);
    }

    [Fact]
    public async Task A_partner_who_is_not_in_the_server_is_named()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var outsider = bot.Fake.AddUser("faraway");
        await PairingFlowTests.PairAsync(world, world.Alice, outsider);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "space", new FakeOption("open", 1, null, [])));

        Assert.Contains("isn't a member of this server", reply.Content);
    }
}
