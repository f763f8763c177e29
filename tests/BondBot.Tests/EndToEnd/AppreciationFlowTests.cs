using BondBot.FakeDiscord;

namespace BondBot.Tests.EndToEnd;

public sealed class AppreciationFlowTests
{
    [Fact]
    public async Task A_note_reaches_the_partner_and_one_click_thanks_the_sender_once()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var sent = await world.ReplyAsync(await world.CommandAsync(world.Alice, "appreciate", new FakeOption("note", 3, "You waited up for my late call @everyone")));
        Assert.Contains("Sent to", sent.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("waited up")));
        var card = bot.Fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains("waited up"));
        Assert.Empty(card.AllowedMentions!["parse"]!.AsArray());            // "@everyone" in a note pings nobody
        var thanks = card.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();

        var intruder = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Carol, card, thanks));
        Assert.Contains("isn't yours", intruder.Content);
        await (await bot.Fake.ClickButtonAsync(world.Bob, card, thanks)).FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("says thank you")));
        Assert.Empty(card.Components);
    }

    [Fact]
    public async Task Unpaired_people_are_told_to_pair_first()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Carol, "appreciate", new FakeOption("note", 3, "hi")));

        Assert.Contains("pair up first", reply.Content);
    }
}
