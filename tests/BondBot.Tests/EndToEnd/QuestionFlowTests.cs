using BondBot.Discord;
using BondBot.FakeDiscord;

namespace BondBot.Tests.EndToEnd;

public sealed class QuestionFlowTests
{
    private static string ButtonId(FakeMessage card, string prefix) =>
        card.Components.SelectMany(r => r!["components"]!.AsArray()).Select(c => c!["custom_id"]!.GetValue<string>()).First(id => id.StartsWith(prefix, StringComparison.Ordinal));

    internal static FakeMessage LatestCard(FakeDiscordServer fake, ulong channelId) =>
        fake.MessagesIn(channelId).Last(m => m.Components.ToJsonString().Contains("q.answer", StringComparison.Ordinal));

    internal static FakeMessage LatestDmCard(FakeDiscordServer fake, FakeUser user) =>
        fake.DirectMessagesTo(user).Last(m => m.Components.ToJsonString().Contains("q.answer", StringComparison.Ordinal));

    /// <summary>Pairs Alice and Bob, has Alice open a question in #general with <c>here</c> (the card is posted in the
    /// channel, as the reply), and returns its card.</summary>
    internal static async Task<FakeMessage> OpenQuestionAsync(World world)
    {
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "question", new FakeOption("here", 5, true), new FakeOption("category", 3, "fun"), new FakeOption("depth", 4, 1)));
        await world.Fake.WaitUntilAsync(() => world.Fake.MessagesIn(world.General.Id).Any(m => m.Components.ToJsonString().Contains("q.answer")));
        return LatestCard(world.Fake, world.General.Id);
    }

    internal static async Task<FakeInteraction> AnswerAsync(World world, FakeUser user, FakeMessage card, string text)
    {
        var press = await world.Fake.ClickButtonAsync(user, card, ButtonId(card, "q.answer"));
        await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(press.Modal is not null, $"expected a modal, got {(await press.FirstResponse).ToJsonString()}; the host logged: "
            + string.Join("\n", Support.HostErrorLog.Mentioning(press.Id.ToString())));
        return await world.Fake.SubmitModalAsync(user, press, new Dictionary<string, string> { ["answer"] = text });
    }

    /// <summary>Everything the bot ever sent: messages, edits, replies, follow-ups, DMs.</summary>
    private static string Everything(FakeDiscordServer fake) => World.Everything(fake);

    [Fact]
    public async Task Full_flow_invite_accept_question_two_answers_reveal_and_nothing_leaks_early()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var opened = await world.ReplyAsync(await world.CommandAsync(world.Alice, "question"));
        Assert.True(opened.Ephemeral);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => m.Components.ToJsonString().Contains("q.answer")));
        var card = LatestDmCard(bot.Fake, world.Bob);
        Assert.Contains($"<@{world.Alice.Id}>", World.Text(card));
        Assert.Contains($"<@{world.Bob.Id}>", World.Text(card));

        const string bobsAnswer = "Bob's private thought about sunsets";
        var saved = await world.ReplyAsync(await AnswerAsync(world, world.Bob, card, bobsAnswer));
        Assert.True(saved.Ephemeral);
        Assert.Contains("hidden", saved.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => m.Components.ToJsonString().Contains("q.answer")));
        await bot.Fake.WaitUntilAsync(() => World.Text(LatestDmCard(bot.Fake, world.Alice)).Contains($"✅ <@{world.Bob.Id}> answered"));
        Assert.DoesNotContain(bobsAnswer, Everything(bot.Fake));   // the lock: nowhere, to no one

        const string alicesAnswer = "Alice remembers the train station";
        var revealed = await world.ReplyAsync(await AnswerAsync(world, world.Alice, LatestDmCard(bot.Fake, world.Alice), alicesAnswer));
        Assert.Contains("both answered", revealed.Content);
        Assert.True(revealed.Ephemeral);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains(alicesAnswer)));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains(bobsAnswer)));
        await bot.DeliverAsync();
        // Each partner gets the reveal once: not as a reply copy and again by DM.
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains(bobsAnswer));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains(alicesAnswer));
        Assert.DoesNotContain(bobsAnswer, World.Text(revealed));
        Assert.DoesNotContain(bot.Fake.MessagesIn(world.General.Id), m => World.Text(m).Contains(bobsAnswer) || World.Text(m).Contains(alicesAnswer));
    }

    [Fact]
    public async Task No_question_repeats_until_the_matching_deck_is_used_up()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var pool = BondBot.Features.Questions.QuestionDeck.LoadEmbedded().Questions.Where(q => q.Category == "repair" && q.Depth == 3).ToList();
        var seen = new List<string>();
        var cards = new HashSet<ulong>();

        for (var i = 0; i <= pool.Count; i++)
        {
            await world.ReplyAsync(await world.CommandAsync(world.Alice, "question", new FakeOption("category", 3, "repair"), new FakeOption("depth", 4, 3)));
            // Deepest repair questions are never posted in the channel: each card arrives in Alice's DMs.
            await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => m.Components.ToJsonString().Contains("q.answer") && !cards.Contains(m.Id)));
            var card = LatestDmCard(bot.Fake, world.Alice);
            cards.Add(card.Id);
            seen.Add(card.Embeds[0]!["description"]!.GetValue<string>());
            if (i == pool.Count) break;
            await world.ReplyAsync(await AnswerAsync(world, world.Alice, card, $"a{i}"));
            await world.ReplyAsync(await AnswerAsync(world, world.Bob, card, $"b{i}"));
        }

        Assert.Equal(pool.Count, seen.Take(pool.Count).Distinct().Count());
        Assert.All(seen, text => Assert.Contains(pool, q => q.Text == text));
        Assert.Equal(seen[0], seen[^1]);   // all used: the least recently asked comes back first
    }

    [Fact]
    public async Task A_third_person_pressing_answer_is_told_the_question_is_for_the_pair()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await OpenQuestionAsync(world);

        var reply = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Carol, card, ButtonId(card, "q.answer")));

        Assert.True(reply.Ephemeral);
        Assert.Contains("only they can answer", reply.Content);
        Assert.Contains("/pair", reply.Content);
    }

    [Fact]
    public async Task New_question_replaces_an_unanswered_round_but_not_an_answered_one()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await OpenQuestionAsync(world);
        var before = card.Embeds[0]!["description"]!.GetValue<string>();

        var swap = await bot.Fake.ClickButtonAsync(world.Bob, card, ButtonId(card, "q.new"));
        Assert.Equal(7, (await swap.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10)))["type"]!.GetValue<int>());
        var swapped = LatestCard(bot.Fake, world.General.Id);
        Assert.NotEqual(before, swapped.Embeds[0]!["description"]!.GetValue<string>());

        await world.ReplyAsync(await AnswerAsync(world, world.Alice, swapped, "an answer"));
        var refused = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Bob, swapped, ButtonId(swapped, "q.new")));
        Assert.Contains("already answered", refused.Content);
    }

    [Fact]
    public async Task An_unpaired_person_gets_a_question_to_reflect_on_and_how_to_pair()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Carol, "question"));

        Assert.True(reply.Ephemeral);
        Assert.Contains("/pair", World.Text(reply));
        Assert.Contains("reflect", World.Text(reply));
    }

    [Fact]
    public async Task Both_partners_answering_at_once_get_exactly_one_reveal_each()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await OpenQuestionAsync(world);

        var aPress = await bot.Fake.ClickButtonAsync(world.Alice, card, ButtonId(card, "q.answer"));
        var bPress = await bot.Fake.ClickButtonAsync(world.Bob, card, ButtonId(card, "q.answer"));
        await Task.WhenAll(aPress.FirstResponse, bPress.FirstResponse).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(
            bot.Fake.SubmitModalAsync(world.Alice, aPress, new Dictionary<string, string> { ["answer"] = "alice-race" }),
            bot.Fake.SubmitModalAsync(world.Bob, bPress, new Dictionary<string, string> { ["answer"] = "bob-race" }));

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("bob-race")));
        await bot.DeliverAsync();   // a full outbox pass after: nothing left that could send a second reveal
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("bob-race"));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("alice-race"));
    }

    [Fact]
    public async Task Deck_commands_need_manage_server_and_custom_questions_can_be_listed_and_removed()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var moderator = bot.Fake.AddUser("mod");
        world.Guild.AddMember(moderator, (ulong)(Permissions.ManageGuild | Permissions.ViewChannel | Permissions.SendMessages));

        var refused = await world.ReplyAsync(await world.CommandAsync(world.Carol, "deck", new FakeOption("list", 1, null, [])));
        Assert.Contains("Manage Server", refused.Content);

        var added = await world.ReplyAsync(await world.CommandAsync(moderator, "deck", new FakeOption("add", 1, null,
            [new FakeOption("text", 3, "What tiny ritual of ours would you never give up?"), new FakeOption("category", 3, "caring"), new FakeOption("depth", 4, 2)])));
        Assert.Contains("Added as #", added.Content);
        var listed = await world.ReplyAsync(await world.CommandAsync(moderator, "deck", new FakeOption("list", 1, null, [])));
        Assert.Contains("tiny ritual", listed.Content);
        var id = listed.Content!.Split('#')[1].Split('`')[0];
        var removed = await world.ReplyAsync(await world.CommandAsync(moderator, "deck", new FakeOption("remove", 1, null, [new FakeOption("id", 4, long.Parse(id))])));
        Assert.Contains("Removed", removed.Content);
    }
}
