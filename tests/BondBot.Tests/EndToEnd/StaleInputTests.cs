using NodaTime;

namespace BondBot.Tests.EndToEnd;

public sealed class StaleInputTests
{
    [Fact]
    public async Task Stale_buttons_get_a_clear_private_reason_and_change_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);
        var oldAnswer = card.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();

        // Round replaced: the old card's Answer button (as a client that kept the old message would press it).
        var swap = await bot.Fake.ClickButtonAsync(world.Bob, card, card.Components[0]!["components"]![1]!["custom_id"]!.GetValue<string>());
        await swap.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        // Let the swap settle on every copy first: the old row is added to the card by hand below, and an edit landing
        // in between would replace the card's rows under the test.
        await bot.Fake.WaitUntilAsync(() => World.Text(card).Contains("swapped in this question"));
        await bot.DeliverAsync();
        card.Components.Add(System.Text.Json.Nodes.JsonNode.Parse($$"""{"type":1,"components":[{"type":2,"style":1,"label":"Answer","custom_id":"{{oldAnswer}}"}]}"""));
        var replaced = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Alice, card, oldAnswer));
        card.Components.RemoveAt(card.Components.Count - 1);
        Assert.True(replaced.Ephemeral);
        Assert.Contains("swapped for a newer one", replaced.Content);

        // Pair ended: the current card's button no longer belongs to anyone's active pair.
        var current = QuestionFlowTests.LatestCard(bot.Fake, world.General.Id);
        var confirm = await world.ReplyAsync(await world.CommandAsync(world.Alice, "unpair"));
        await (await bot.Fake.ClickButtonAsync(world.Alice, confirm, confirm.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>())).FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var ended = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Bob, current, current.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>()));
        Assert.Contains("pairing that has ended", ended.Content);

        // Invite expired.
        await world.ReplyAsync(await world.CommandAsync(world.Carol, "pair", PairingFlowTests.Partner(world.Bob)));
        bot.Clock.Advance(Duration.FromDays(8));
        var invite = PairingFlowTests.InviteFor(bot.Fake, world.Bob);
        var expired = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Bob, invite, PairingFlowTests.AcceptId(invite)));
        Assert.Contains("expired", expired.Content);
        Assert.Null(await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<BondBot.Features.Pairing.PairingService>(bot.Services).GetActivePairAsync(world.Bob.Id));
    }

    [Fact]
    public async Task A_direct_message_gets_one_short_help_card_stores_nothing_and_pings_no_one()
    {
        await using var bot = await BotHarness.StartAsync();
        var stranger = bot.Fake.AddUser("stranger");

        await bot.Fake.SendDirectMessageAsync(stranger, "hello? @everyone '; DROP TABLE users; --");
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(stranger).Any(m => m.AuthorId == bot.Fake.BotUserId));
        await bot.Fake.SendDirectMessageAsync(stranger, "are you there?");
        // BondBot reads events in order: once a later command is answered, the second DM has been read.
        await new World(bot.Fake).ReplyAsync(await bot.Fake.InvokeCommandAsync(bot.Fake.AddUser("later"), "help"));

        var card = Assert.Single(bot.Fake.DirectMessagesTo(stranger), m => m.AuthorId == bot.Fake.BotUserId);
        Assert.Contains("I don't read messages here", World.Text(card));
        Assert.Contains($"1. </pair:", World.Text(card));
        Assert.DoesNotContain("DROP TABLE", World.Text(card));
        Assert.Empty(card.AllowedMentions?["parse"]?.AsArray() ?? []);
        await using var connection = await bot.Database.Connections.OpenAsync();
        Assert.Equal(0, await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT COUNT(*) FROM users"));
    }
}
