using System.Text.Json.Nodes;
using BondBot.FakeDiscord;
using BondBot.Features.ThisOrThat;
using Dapper;

namespace BondBot.Tests.EndToEnd.Formats;

public sealed class ThisOrThatTests
{
    private static readonly ThisOrThatDeck Deck = ThisOrThatDeck.LoadEmbedded();

    private static string Question(FakeMessage card) => card.Embeds[0]!["description"]!.GetValue<string>().Trim('*');

    private static string Title(FakeMessage card) => card.Embeds.Count > 0 ? card.Embeds[0]!["title"]!.GetValue<string>() : "";

    private static OptionPair PairOf(string question) => Deck.Pairs.Single(p => p.Question == question);

    /// <summary>The card a command replied with. (A reply deferred under load is edited in one step, but the fake's
    /// message is read without its lock, so content can be seen a moment before the embed: wait for the embed.)</summary>
    private static async Task<FakeMessage> CardAsync(World world, FakeUser user, bool inDm = false)
    {
        var reply = await world.ReplyAsync(await (inDm ? world.DmCommandAsync(user, "this-or-that") : world.CommandAsync(user, "this-or-that")));
        await world.Fake.WaitUntilAsync(() => reply.Embeds.Count > 0 && reply.Components.Count > 0, TimeSpan.FromSeconds(10));
        return reply;
    }

    /// <summary>Presses option <paramref name="choice"/> ('a' or 'b') on a card and returns what the person then sees.</summary>
    private static async Task<FakeMessage> PickAsync(World world, FakeUser user, FakeMessage card, char choice)
    {
        var id = World.CustomIds(card).Single(i => i.StartsWith(ThisOrThatCards.PickPrefix + ":", StringComparison.Ordinal) && i.EndsWith($":{choice}", StringComparison.Ordinal));
        return await world.SeenAsync(await world.Fake.ClickButtonAsync(user, card, id), card.EditCount);
    }

    /// <summary>Plays <paramref name="choices"/> on the card in turn; returns the questions seen, in order, and the message.</summary>
    private static async Task<(List<string> Questions, FakeMessage Message)> PlayAsync(World world, FakeUser user, FakeMessage card, string choices)
    {
        var questions = new List<string>();
        foreach (var choice in choices)
        {
            questions.Add(Question(card));
            card = await PickAsync(world, user, card, choice);
        }
        return (questions, card);
    }

    private static FakeMessage Invitation(FakeDiscordServer fake, FakeUser user) =>
        fake.DirectMessagesTo(user).Last(m => m.Components.ToJsonString().Contains(ThisOrThatCards.PlayPrefix, StringComparison.Ordinal));

    /// <summary>The lines of a reveal that carry picks ("you: … · <@partner>: …").</summary>
    private static List<string> PickLines(FakeMessage reveal) =>
        World.Text(reveal).Split('\n').Where(l => l.StartsWith("you: ", StringComparison.Ordinal)).ToList();

    private static bool IsReveal(FakeMessage m) => Title(m).Contains("This or that — side by side", StringComparison.Ordinal);

    [Fact]
    public async Task Full_run_picks_stay_locked_on_every_body_until_both_picked_five_then_each_gets_one_reveal_with_sparkles_on_matches()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var card = await CardAsync(world, world.Alice);
        Assert.True(card.Ephemeral);
        Assert.Equal("🎲 This or that · 1 of 5", Title(card));
        Assert.Contains($"invited <@{world.Bob.Id}>", card.Content);
        const string alice = "aabba", bob = "abbaa";   // the same on items 1, 3 and 5
        var (questions, done) = await PlayAsync(world, world.Alice, card, alice);
        Assert.Equal(card.Id, done.Id);   // one message, updated in place
        Assert.Contains($"once <@{world.Bob.Id}> has played", done.Content);
        Assert.Empty(World.CustomIds(done));
        var alicePicks = questions.Select((q, i) => alice[i] == 'a' ? PairOf(q).A : PairOf(q).B).ToList();

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => m.Components.ToJsonString().Contains(ThisOrThatCards.PlayPrefix)));
        var invitation = Invitation(bot.Fake, world.Bob);
        Assert.Contains($"<@{world.Alice.Id}> started This or that", invitation.Content);
        Assert.Contains("hidden until you've both played", invitation.Content);
        var bobCard = await world.ClickAsync(world.Bob, invitation, ThisOrThatCards.PlayPrefix);
        Assert.Equal("🎲 This or that · 1 of 5", Title(bobCard));
        var (bobQuestions, bobLast) = await PlayAsync(world, world.Bob, bobCard, bob[..4]);
        Assert.Equal(questions[..4], bobQuestions);   // the same run, the same order
        await bot.DeliverAsync();

        // The lock, on every body the bot ever sent to anyone: no reveal, and none of Alice's picks shown as a pick.
        var sent = World.SentTexts(bot.Fake);
        Assert.DoesNotContain(sent, t => t.Contains("This or that — side by side", StringComparison.Ordinal) || t.Contains("of 5 the same", StringComparison.Ordinal)
            || t.Contains("One to talk about", StringComparison.Ordinal));
        foreach (var pick in alicePicks)
            Assert.DoesNotContain(sent, t => t.Contains($"you: {pick}", StringComparison.Ordinal) || t.Contains($"<@{world.Alice.Id}>: {pick}", StringComparison.Ordinal));

        var last = await PickAsync(world, world.Bob, bobLast, bob[4]);
        Assert.Contains($"sending your picks side by side to you and <@{world.Alice.Id}>", last.Content);
        Assert.Empty(PickLines(last));   // the reveal itself comes once, by DM, not also here
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(IsReveal) && bot.Fake.DirectMessagesTo(world.Bob).Any(IsReveal));
        await bot.DeliverAsync();

        foreach (var (viewer, partner, mine, theirs) in new[] { (world.Alice, world.Bob, alice, bob), (world.Bob, world.Alice, bob, alice) })
        {
            var reveal = Assert.Single(bot.Fake.DirectMessagesTo(viewer), IsReveal);
            var lines = PickLines(reveal);
            Assert.Equal(5, lines.Count);
            for (var i = 0; i < 5; i++)
            {
                var pair = PairOf(questions[i]);
                Assert.Equal($"you: {(mine[i] == 'a' ? pair.A : pair.B)} · <@{partner.Id}>: {(theirs[i] == 'a' ? pair.A : pair.B)}", lines[i].TrimEnd(' ', '✨'));
                Assert.Equal(mine[i] == theirs[i], lines[i].EndsWith('✨'));
            }
            var text = World.Text(reveal);
            Assert.Contains("3 of 5 the same ✨", text);
            var followUp = text.Split("**One to talk about:** ")[1].Split('\n')[0];
            Assert.Contains(followUp, new[] { PairOf(questions[1]).FollowUp, PairOf(questions[3]).FollowUp });   // from an item where they differed
        }
    }

    [Fact]
    public async Task Using_the_command_again_mid_run_continues_at_the_next_item_and_starts_no_second_run()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var first = await CardAsync(world, world.Alice);
        var (questions, _) = await PlayAsync(world, world.Alice, first, "ab");

        var again = await CardAsync(world, world.Alice);
        Assert.True(Title(again) == "🎲 This or that · 3 of 5", World.Text(again));
        Assert.Contains("3 picks to go", again.Content);
        var (rest, done) = await PlayAsync(world, world.Alice, again, "bab");
        Assert.Equal(5, questions.Concat(rest).Distinct().Count());

        var waiting = await world.ReplyAsync(await world.CommandAsync(world.Alice, "this-or-that"));
        Assert.Contains($"once <@{world.Bob.Id}> has played", waiting.Content);
        Assert.Empty(World.CustomIds(waiting));
        // Bob's command joins the same run at its first item; in a DM the card is the reply itself.
        var bobs = await CardAsync(world, world.Bob, inDm: true);
        Assert.False(bobs.Ephemeral);
        Assert.Equal(questions[0], Question(bobs));
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => m.Components.ToJsonString().Contains(ThisOrThatCards.PlayPrefix));

        await using var connection = await bot.Database.Connections.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM this_or_that_runs"));
    }

    [Fact]
    public async Task A_couple_together_never_gets_a_pair_meant_for_couples_apart_and_no_pair_repeats_over_six_runs()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "couple", new FakeOption("distance", 3, "together")));

        var served = new List<OptionPair>();
        for (var run = 0; run < 6; run++)
        {
            var (questions, _) = await PlayAsync(world, world.Alice, await CardAsync(world, world.Alice), "abab" + "ab"[run % 2]);
            await PlayAsync(world, world.Bob, await CardAsync(world, world.Bob), "aaaaa");
            served.AddRange(questions.Select(PairOf));
        }

        Assert.Equal(30, served.Count);
        Assert.DoesNotContain(served, p => p.Distance == OptionsDistance.Apart);
        Assert.Equal(30, served.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public async Task An_unpaired_person_is_asked_to_pair_first_and_stale_or_foreign_presses_get_a_kind_reply()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var unpaired = await world.ReplyAsync(await world.CommandAsync(world.Carol, "this-or-that"));
        Assert.True(unpaired.Ephemeral);
        Assert.Contains("/pair", World.Text(unpaired));

        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var older = await CardAsync(world, world.Alice);
        var newer = await CardAsync(world, world.Alice);   // a second copy of item 1
        var foreign = await PickAsync(world, world.Carol, older, 'a');
        Assert.True(foreign.Ephemeral);
        Assert.Contains("another pair", foreign.Content);

        await PlayAsync(world, world.Alice, newer, "aaaaa");
        var twice = await PickAsync(world, world.Alice, older, 'b');
        Assert.True(twice.Ephemeral);
        Assert.Contains("already picked that one", twice.Content);
        await PlayAsync(world, world.Bob, await CardAsync(world, world.Bob), "bbbbb");

        var stale = await PickAsync(world, world.Alice, older, 'a');
        Assert.True(stale.Ephemeral);
        Assert.Contains("both played this one already", stale.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(IsReveal));
        var reveal = Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), IsReveal);
        Assert.Contains("0 of 5 the same", World.Text(reveal));
        Assert.DoesNotContain(PickLines(reveal), l => l.EndsWith('✨'));
    }

    [Fact]
    public async Task Both_partners_making_their_last_pick_at_once_get_exactly_one_reveal_each()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var (_, aliceCard) = await PlayAsync(world, world.Alice, await CardAsync(world, world.Alice), "abab");
        var (_, bobCard) = await PlayAsync(world, world.Bob, await CardAsync(world, world.Bob), "abab");

        var seen = await Task.WhenAll(PickAsync(world, world.Alice, aliceCard, 'a'), PickAsync(world, world.Bob, bobCard, 'b'));

        Assert.Single(seen, m => m.Content!.Contains("side by side", StringComparison.Ordinal));   // one of them completed the run
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(IsReveal) && bot.Fake.DirectMessagesTo(world.Bob).Any(IsReveal));
        await bot.DeliverAsync();   // a full outbox pass after: nothing left that could send a second reveal
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), IsReveal);
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), IsReveal);
        Assert.Contains("4 of 5 the same", World.Text(bot.Fake.DirectMessagesTo(world.Bob).Single(IsReveal)));
    }

    [Fact]
    public async Task Export_holds_own_picks_but_no_locked_partner_pick_and_erase_removes_only_the_persons_picks()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var (questions, _) = await PlayAsync(world, world.Alice, await CardAsync(world, world.Alice), "aaaaa");
        await PlayAsync(world, world.Bob, await CardAsync(world, world.Bob), "bbbb");

        await world.ReplyAsync(await world.CommandAsync(world.Bob, "privacy", new FakeOption("export", 1, null, [])));
        var file = bot.Fake.DirectMessagesTo(world.Bob).Single(m => m.Attachments.Count > 0).Attachments.Single(a => a.FileName == "bondbot-export.json");
        var json = JsonNode.Parse(System.Text.Encoding.UTF8.GetString(file.Data))!;
        Assert.Equal(4, json["this_or_that_my_picks"]!.AsArray().Count);
        Assert.All(json["this_or_that_my_picks"]!.AsArray(), p => Assert.Equal(p!["option_b"]!.GetValue<string>(), p["picked"]!.GetValue<string>()));
        Assert.Empty(json["this_or_that_revealed"]!.AsArray());   // Alice's picks are still locked

        var confirm = await world.ReplyAsync(await world.CommandAsync(world.Alice, "privacy", new FakeOption("delete", 1, null, [])));
        await bot.Fake.WaitUntilAsync(() => World.CustomIds(confirm).Any(id => id.StartsWith("privacy.delete", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        await world.ClickAsync(world.Alice, confirm, "privacy.delete");
        await using var connection = await bot.Database.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM this_or_that_picks WHERE user_id = @id", new { id = world.Alice.Id }));
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM this_or_that_picks WHERE user_id = @id", new { id = world.Bob.Id }));
        Assert.Equal(5, questions.Count);
    }
}
