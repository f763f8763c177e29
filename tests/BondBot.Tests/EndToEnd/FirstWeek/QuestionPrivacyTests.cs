using BondBot.FakeDiscord;

namespace BondBot.Tests.EndToEnd.FirstWeek;

/// <summary>Issue 12: a couple's question cards stay out of public view, and the partner is told once, with Answer.</summary>
public sealed class QuestionPrivacyTests
{
    private static bool IsCard(FakeMessage m) => m.Components.ToJsonString().Contains("q.answer", StringComparison.Ordinal);

    private static bool IsAnyCard(FakeMessage m) => m.Embeds.ToJsonString().Contains("A question for the two of you", StringComparison.Ordinal);

    [Fact]
    public async Task A_question_started_in_general_with_no_space_goes_to_both_partners_dms_and_nothing_is_posted()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "question"));

        Assert.True(reply.Ephemeral);
        Assert.Equal($"Sent to your DMs with BondBot, and to <@{world.Bob.Id}>'s — answer it there. 📬", reply.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(IsCard) && bot.Fake.DirectMessagesTo(world.Alice).Any(IsCard));
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), IsCard);
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), IsCard);
        Assert.DoesNotContain(bot.Fake.MessagesIn(world.General.Id), m => !m.Ephemeral && (IsAnyCard(m) || World.Text(m).Contains("waiting for")));

        // Bob answers from his DM: Alice's copy shows it.
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestDmCard(bot.Fake, world.Bob), "from bob"));
        await bot.Fake.WaitUntilAsync(() => World.Text(QuestionFlowTests.LatestDmCard(bot.Fake, world.Alice)).Contains($"✅ <@{world.Bob.Id}> answered"));

        // Asking again while it is open tells nobody else: the card comes back to Alice alone.
        var again = await world.ReplyAsync(await world.CommandAsync(world.Alice, "question"));
        Assert.True(again.Ephemeral);
        Assert.Contains("already have an open question", again.Content);
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), IsCard);
    }

    [Theory]
    [InlineData("repair", 1)]
    [InlineData("fun", 3)]
    public async Task Deepest_and_repair_questions_are_never_posted_in_a_channel_even_when_asked_to(string category, int depth)
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "question",
            new FakeOption("category", 3, category), new FakeOption("depth", 4, depth), new FakeOption("here", 5, true)));

        Assert.True(reply.Ephemeral);
        Assert.Contains("never posted in a channel", reply.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(IsCard));
        Assert.DoesNotContain(bot.Fake.MessagesIn(world.General.Id), m => !m.Ephemeral && IsAnyCard(m));
    }

    [Fact]
    public async Task Here_posts_a_light_card_in_the_channel_and_the_partner_still_gets_it_by_dm()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);

        Assert.False(card.Ephemeral);
        Assert.Equal(world.General.Id, card.ChannelId);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(IsCard));
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice), IsCard);
    }

    [Fact]
    public async Task A_question_started_in_dms_is_the_reply_itself_and_the_partner_gets_answer_by_dm()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var card = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "question"));

        Assert.False(card.Ephemeral);
        Assert.True(IsCard(card));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(IsCard));
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestDmCard(bot.Fake, world.Bob), "bob's"));
        // The reply card was recorded: its status keeps up like any other copy.
        await bot.Fake.WaitUntilAsync(() => World.Text(card).Contains($"✅ <@{world.Bob.Id}> answered"));
    }

    [Fact]
    public async Task With_a_space_the_card_goes_there_mentioning_the_partner()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var space = await SpaceFlowTests.OpenSpaceAsync(bot, world);

        await world.ReplyAsync(await world.CommandAsync(world.Alice, "question"));

        await bot.Fake.WaitUntilAsync(() => bot.Fake.MessagesIn(space.Id).Any(IsCard));
        Assert.StartsWith($"<@{world.Bob.Id}>", bot.Fake.MessagesIn(space.Id).Single(IsCard).Content);
        await bot.DeliverAsync();
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), IsCard);
    }

    [Fact]
    public async Task New_question_keeps_the_category_and_depth_asked_for_and_says_who_swapped_it_on_every_copy()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);          // fun, Light, posted here
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(IsCard));
        var bobsCopy = QuestionFlowTests.LatestDmCard(bot.Fake, world.Bob);

        for (var i = 0; i < 5; i++)
        {
            var before = card.Embeds[0]!["description"]!.GetValue<string>();
            var swapped = await world.ClickAsync(world.Bob, card, "q.new");
            var text = World.Text(swapped);
            Assert.NotEqual(before, swapped.Embeds[0]!["description"]!.GetValue<string>());
            Assert.Contains("Fun", text);
            Assert.Contains("Light", text);
            Assert.Contains($"🔄 <@{world.Bob.Id}> swapped in this question.", text);
            card = swapped;
        }
        // Bob's DM copy became the same new question.
        var latest = card.Embeds[0]!["description"]!.GetValue<string>();
        await bot.Fake.WaitUntilAsync(() => bobsCopy.Embeds[0]!["description"]!.GetValue<string>() == latest);
        Assert.True(IsCard(bobsCopy));
    }
}
