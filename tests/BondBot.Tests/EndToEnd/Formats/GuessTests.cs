using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BondBot.FakeDiscord;
using BondBot.Features.Guess;
using BondBot.Features.Pairing;
using BondBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Tests.EndToEnd.Formats;

/// <summary>Issue 13, "Guess my answer": the caller answers about themselves, the partner guesses (from choices or in
/// their own words); nothing of either is shown before both are in; the reveal puts them side by side; only the answerer
/// marks the guess, and the only number is how many rounds the two have played.</summary>
public sealed class GuessTests
{
    /// <summary>Starts BondBot with the real deck narrowed to prompts with (or without) choices, so a test knows which
    /// card the random draw gives.</summary>
    private static Task<BotHarness> StartAsync(bool withChoices) => BotHarness.StartAsync(configure: services =>
        services.AddSingleton(new GuessDeck(GuessDeck.LoadEmbedded().Prompts.Where(p => p.Choices.Count > 0 == withChoices))));

    private static string Everything(FakeDiscordServer fake) => World.Everything(fake);

    /// <summary>Every body the bot sent, without button rows (a choice is a button label on the card by design).</summary>
    private static string EverythingButButtons(FakeDiscordServer fake) => World.Everything(fake, copy =>
    {
        if (copy is JsonObject o) { o.Remove("components"); if (o["data"] is JsonObject d) d.Remove("components"); }
        return copy;
    });

    private static FakeMessage GuessCardFor(FakeDiscordServer fake, FakeUser user) =>
        fake.DirectMessagesTo(user).Last(m => m.Embeds.ToJsonString().Contains("Guess what", StringComparison.Ordinal));

    private static IReadOnlyList<FakeMessage> RevealsTo(FakeDiscordServer fake, FakeUser user) =>
        fake.DirectMessagesTo(user).Where(m => World.Text(m).Contains("you're both in", StringComparison.Ordinal)).ToList();

    private static async Task<FakeMessage> AnswerAsync(World world, FakeUser user, FakeMessage withButton, string prefix, string text)
    {
        var press = await world.Fake.ClickButtonAsync(user, withButton, World.CustomIds(withButton).First(id => id.StartsWith(prefix + ":", StringComparison.Ordinal)));
        await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(press.Modal is not null, $"expected a form, got {(await press.FirstResponse).ToJsonString()}");
        return await world.ReplyAsync(await world.Fake.SubmitModalAsync(user, press, new Dictionary<string, string> { [GuessCards.TextField] = text }));
    }

    private static async Task<(World World, FakeMessage AliceReply, FakeMessage BobCard)> OpenAsync(BotHarness bot)
    {
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "guess"));
        Assert.True(reply.Ephemeral);
        Assert.Contains(World.CustomIds(reply), id => id.StartsWith(GuessCards.AnswerPrefix + ":", StringComparison.Ordinal));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => m.Embeds.ToJsonString().Contains("Guess what")));
        return (world, reply, GuessCardFor(bot.Fake, world.Bob));
    }

    [Fact]
    public async Task Choice_round_bob_guesses_first_nothing_shows_until_alice_answers_then_both_see_it_side_by_side_and_a_close_mark_reaches_bob()
    {
        await using var bot = await StartAsync(withChoices: true);
        var (world, aliceReply, card) = await OpenAsync(bot);
        Assert.Contains($"Guess what <@{world.Alice.Id}> said", World.Text(card));
        var choices = card.Components.SelectMany(r => r!["components"]!.AsArray())
            .Where(c => c!["custom_id"]!.GetValue<string>().StartsWith(GuessCards.PickPrefix + ":", StringComparison.Ordinal)).ToList();
        Assert.InRange(choices.Count, 2, 4);
        Assert.Contains(World.CustomIds(card), id => id.StartsWith(GuessCards.OwnWordsPrefix + ":", StringComparison.Ordinal));
        Assert.All(card.Components, row => Assert.InRange(row!["components"]!.AsArray().Count, 1, 5));

        // Bob guesses first, with a choice whose words appear nowhere the bot has written so far.
        var before = EverythingButButtons(bot.Fake);
        var pick = choices.First(c => !before.Contains(c!["label"]!.GetValue<string>(), StringComparison.Ordinal));
        var bobsGuess = pick!["label"]!.GetValue<string>();
        var saved = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Bob, card, pick["custom_id"]!.GetValue<string>()));
        Assert.Contains("stays hidden", saved.Content);
        var status = await world.ReplyAsync(await world.CommandAsync(world.Alice, "guess"));
        Assert.Contains($"✅ <@{world.Bob.Id}> guesses", World.Text(status));
        await bot.DeliverAsync();
        // The lock, on every body the bot ever sent: Bob's guess is nowhere but on the card's own buttons.
        Assert.DoesNotContain(bobsGuess, EverythingButButtons(bot.Fake));
        Assert.DoesNotContain("The guess", Everything(bot.Fake));
        Assert.Empty(RevealsTo(bot.Fake, world.Alice));

        const string alicesAnswer = "Alice-answer: the first crisp week of October";
        var both = await AnswerAsync(world, world.Alice, aliceReply, GuessCards.AnswerPrefix, alicesAnswer);
        Assert.Contains("both in", both.Content);
        Assert.DoesNotContain(alicesAnswer, World.Text(both));
        Assert.DoesNotContain(bobsGuess, World.Text(both));
        await bot.Fake.WaitUntilAsync(() => RevealsTo(bot.Fake, world.Alice).Count > 0 && RevealsTo(bot.Fake, world.Bob).Count > 0);
        await bot.DeliverAsync();
        foreach (var user in new[] { world.Alice, world.Bob })
        {
            var reveal = Assert.Single(RevealsTo(bot.Fake, user));   // once each, not again as a reply copy
            var fields = reveal.Embeds[0]!["fields"]!.AsArray();
            Assert.Contains($"<@{world.Alice.Id}>", fields[0]!["value"]!.GetValue<string>());
            Assert.Contains(alicesAnswer, fields[0]!["value"]!.GetValue<string>());
            Assert.Contains($"<@{world.Bob.Id}>", fields[1]!["value"]!.GetValue<string>());
            Assert.Contains(bobsGuess, fields[1]!["value"]!.GetValue<string>());
            Assert.True(fields[0]!["inline"]!.GetValue<bool>() && fields[1]!["inline"]!.GetValue<bool>());
            Assert.Contains("1 guessing round played together", World.Text(reveal));
        }
        Assert.Empty(World.CustomIds(RevealsTo(bot.Fake, world.Bob)[0]));
        await bot.Fake.WaitUntilAsync(() => GuessCardFor(bot.Fake, world.Bob).Components.Count == 0);   // the card's buttons are gone

        var aliceReveal = RevealsTo(bot.Fake, world.Alice)[0];
        Assert.Equal(3, World.CustomIds(aliceReveal).Count(id => id.StartsWith(GuessCards.MarkPrefix + ":", StringComparison.Ordinal)));
        var closeId = World.CustomIds(aliceReveal).Single(id => id.EndsWith(":close", StringComparison.Ordinal));
        var marked = await world.ClickAsync(world.Alice, aliceReveal, closeId);
        Assert.Contains("You said **close**", World.Text(marked));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => (m.Content ?? "").Contains("says your guess was close")));
        Assert.Contains($"<@{world.Alice.Id}> says your guess was close 🙂", bot.Fake.DirectMessagesTo(world.Bob).Last().Content);
    }

    [Fact]
    public async Task Own_words_round_alices_answer_stays_out_of_every_body_until_bob_guesses_then_both_see_both()
    {
        await using var bot = await StartAsync(withChoices: false);
        var (world, aliceReply, card) = await OpenAsync(bot);
        Assert.Equal([GuessCards.OwnWordsPrefix], World.CustomIds(card).Select(id => id.Split(':')[0]));

        const string alicesAnswer = "Alice-own-words: a quiet bookshop on a rainy Sunday";
        var saved = await AnswerAsync(world, world.Alice, aliceReply, GuessCards.AnswerPrefix, alicesAnswer + "\n@everyone and tea");
        Assert.Contains($"hidden until <@{world.Bob.Id}> has guessed", saved.Content);
        var status = await world.ReplyAsync(await world.CommandAsync(world.Bob, "guess"));
        Assert.Contains($"✅ <@{world.Alice.Id}> answers", World.Text(status));
        Assert.Contains("Your move", World.Text(status));
        await bot.DeliverAsync();
        Assert.DoesNotContain(alicesAnswer, Everything(bot.Fake));   // the lock: nowhere, to no one, not even back to Alice

        const string bobsGuess = "Bob-guess: somewhere with books and rain";
        var both = await AnswerAsync(world, world.Bob, card, GuessCards.OwnWordsPrefix, bobsGuess);
        Assert.Contains("both in", both.Content);
        await bot.Fake.WaitUntilAsync(() => RevealsTo(bot.Fake, world.Alice).Count > 0 && RevealsTo(bot.Fake, world.Bob).Count > 0);
        await bot.DeliverAsync();
        foreach (var user in new[] { world.Alice, world.Bob })
        {
            var text = World.Text(Assert.Single(RevealsTo(bot.Fake, user)));
            Assert.Contains(alicesAnswer, text);
            Assert.Contains(bobsGuess, text);
            Assert.Contains($"> {alicesAnswer}\n> @everyone and tea", text);   // every line stays inside the quote
        }
        Assert.DoesNotContain(alicesAnswer, World.Text(both));
        // Nobody is pinged by what a person wrote or by being named: each delivery may mention only its recipient.
        foreach (var body in bot.Fake.SentBodies.Where(b => b.ToJsonString().Contains(alicesAnswer)))
        {
            Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
            Assert.True((body["allowed_mentions"]?["users"]?.AsArray().Count ?? 0) <= 1);
        }
    }

    [Fact]
    public async Task Marks_belong_to_the_answerer_bob_reaching_one_is_refused_kindly_and_no_score_is_kept_anywhere()
    {
        await using var bot = await StartAsync(withChoices: false);
        var (world, aliceReply, card) = await OpenAsync(bot);
        await AnswerAsync(world, world.Alice, aliceReply, GuessCards.AnswerPrefix, "my answer");
        await AnswerAsync(world, world.Bob, card, GuessCards.OwnWordsPrefix, "his guess");
        await bot.Fake.WaitUntilAsync(() => RevealsTo(bot.Fake, world.Alice).Count > 0 && RevealsTo(bot.Fake, world.Bob).Count > 0);
        var bobsReveal = RevealsTo(bot.Fake, world.Bob)[0];
        Assert.Empty(World.CustomIds(bobsReveal));

        // Bob crafts the press himself: the mark button of Alice's copy, on a message he can see.
        var markId = World.CustomIds(RevealsTo(bot.Fake, world.Alice)[0]).First(id => id.StartsWith(GuessCards.MarkPrefix + ":", StringComparison.Ordinal));
        bobsReveal.Components.Add(JsonNode.Parse($$"""{"type":1,"components":[{"type":2,"style":2,"label":"x","custom_id":"{{markId}}"}]}""")!);
        var refused = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Bob, bobsReveal, markId));
        Assert.True(refused.Ephemeral);
        Assert.Contains($"Only <@{world.Alice.Id}> can say how close", refused.Content);
        await using (var connection = await bot.Database.Connections.OpenAsync())
            Assert.Null(await Dapper.SqlMapper.ExecuteScalarAsync<string?>(connection, "SELECT mark FROM guess_rounds"));

        // Alice marks twice (a mark can be changed); Bob's one notice is edited, never a second one.
        var aliceReveal = RevealsTo(bot.Fake, world.Alice)[0];
        await world.ClickAsync(world.Alice, aliceReveal, World.CustomIds(aliceReveal).Single(id => id.EndsWith(":not-quite", StringComparison.Ordinal)));
        await bot.DeliverAsync();
        await world.ClickAsync(world.Alice, aliceReveal, World.CustomIds(aliceReveal).Single(id => id.EndsWith(":spot-on", StringComparison.Ordinal)));
        await bot.DeliverAsync();
        var notice = Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => (m.Content ?? "").Contains("says your guess was"));
        Assert.Contains("spot on", notice.Content);

        // BondBot's own words about guesses (the deck's questions, shown in bold, may say "right now" and are left out).
        var guessBodies = World.SentTexts(bot.Fake).Where(t => t.Contains("🔮") || t.Contains("guess", StringComparison.OrdinalIgnoreCase))
            .Select(t => Regex.Replace(t, @"\*\*[^*]*\*\*", "")).ToList();
        Assert.NotEmpty(guessBodies);
        Assert.All(guessBodies, b => Assert.DoesNotMatch(new Regex(@"\b(score|scores|points|right|wrong|correct|incorrect)\b", RegexOptions.IgnoreCase), b));
        Assert.Contains(guessBodies, b => b.Contains("1 guessing round played together"));
    }

    [Fact]
    public async Task Unpaired_people_are_told_to_pair_first_and_stale_or_foreign_presses_get_a_friendly_reply()
    {
        await using var bot = await StartAsync(withChoices: false);
        var (world, aliceReply, card) = await OpenAsync(bot);
        var alone = await world.ReplyAsync(await world.CommandAsync(world.Carol, "guess"));
        Assert.True(alone.Ephemeral);
        Assert.Contains(bot.AsSent("pair up first with `/pair partner:@them`"), alone.Content);

        // Someone else's round, and the wrong half of one's own.
        var foreign = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Carol, aliceReply, World.CustomIds(aliceReply).Single()));
        Assert.Contains("This round is for", foreign.Content);
        var notBobs = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Bob, aliceReply, World.CustomIds(aliceReply).Single()));
        Assert.Contains("they answer and you guess", notBobs.Content);

        await AnswerAsync(world, world.Alice, aliceReply, GuessCards.AnswerPrefix, "an answer");
        await AnswerAsync(world, world.Bob, card, GuessCards.OwnWordsPrefix, "a guess");
        await bot.Fake.WaitUntilAsync(() => RevealsTo(bot.Fake, world.Bob).Count > 0);

        // After the reveal: Alice's old Answer button, and a guess button pressed from a stale copy of the card.
        var stale = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Alice, aliceReply, World.CustomIds(aliceReply).Single()));
        Assert.True(stale.Ephemeral);
        Assert.Contains("already revealed", stale.Content);
        var guessId = $"{GuessCards.OwnWordsPrefix}:{World.CustomIds(aliceReply).Single().Split(':')[1]}";
        var bobsReveal = RevealsTo(bot.Fake, world.Bob)[0];
        bobsReveal.Components.Add(JsonNode.Parse($$"""{"type":1,"components":[{"type":2,"style":2,"label":"x","custom_id":"{{guessId}}"}]}""")!);
        Assert.Contains("already revealed", (await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Bob, bobsReveal, guessId))).Content);
        bobsReveal.Components.Clear();
        bobsReveal.Components.Add(JsonNode.Parse("""{"type":1,"components":[{"type":2,"style":2,"label":"x","custom_id":"g.pick:987654321:0"}]}""")!);
        Assert.Contains("can't find this guessing round", (await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Bob, bobsReveal, "g.pick:987654321:0"))).Content);

        // A second /guess after the reveal opens the next round.
        var next = await world.ReplyAsync(await world.CommandAsync(world.Bob, "guess"));
        Assert.Contains("🔮 Guess my answer", World.Text(next));
        Assert.Contains(World.CustomIds(next), id => id.StartsWith(GuessCards.AnswerPrefix + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void The_picker_gives_every_prompt_once_before_any_comes_back_and_then_the_one_played_longest_ago()
    {
        var pool = GuessDeck.LoadEmbedded().Prompts.Where(p => p.Set == "dreams").ToList();
        var played = new Dictionary<string, long>();
        var random = new Random(13);
        for (var round = 1; round <= pool.Count; round++)
            played[GuessPicker.Pick(pool, played, random)!.Id] = round;
        Assert.Equal(pool.Count, played.Count);
        var first = played.MinBy(p => p.Value).Key;
        Assert.Equal(first, GuessPicker.Pick(pool, played, random)!.Id);
    }

    [Fact]
    public async Task A_couple_gets_no_prompt_twice_until_the_deck_is_used_up()
    {
        var three = GuessDeck.LoadEmbedded().Prompts.Take(3).ToList();
        await using var bot = await BotHarness.StartAsync(configure: services => services.AddSingleton(new GuessDeck(three)));
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);
        var guesses = bot.Services.GetRequiredService<GuessService>();
        var seen = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var round = (await guesses.StartAsync(pair, i % 2 == 0 ? pair.UserA : pair.UserB, null)).Round!;
            seen.Add(round.PromptId);
            await guesses.SubmitAsync(round.GuessId, round.AnswererId, GuessSide.Answer, "a");
            Assert.Equal(GuessSaveOutcome.Revealed, (await guesses.SubmitAsync(round.GuessId, round.GuesserId, GuessSide.Guess, "g")).Outcome);
        }
        Assert.Equal(3, seen.Take(3).Distinct().Count());
        Assert.Equal(seen[0], seen[3]);
        Assert.Equal(4, await guesses.CountPlayedAsync(pair.PairId));
    }

    [Fact]
    public async Task Export_holds_a_persons_own_answers_and_guesses_and_erase_empties_only_their_half()
    {
        await using var bot = await StartAsync(withChoices: false);
        var (world, aliceReply, card) = await OpenAsync(bot);
        await AnswerAsync(world, world.Alice, aliceReply, GuessCards.AnswerPrefix, "alice-exported-answer");
        await AnswerAsync(world, world.Bob, card, GuessCards.OwnWordsPrefix, "bob-kept-guess");
        var data = bot.Services.GetServices<IPersonalData>().OfType<GuessPersonalData>().Single();
        var pair = (await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(world.Alice.Id))!;
        await using var connection = await bot.Database.Connections.OpenAsync();

        var export = new PersonalDataExport();
        await data.ExportAsync(connection, new PersonalDataSubject(world.Alice.Id, [pair.PairId]), export);
        Assert.Contains("alice-exported-answer", export.Root["guess_rounds_about_me"]!.ToJsonString());
        Assert.Empty(export.Root["guess_rounds_i_guessed"]!.AsArray());

        await using (var transaction = connection.BeginTransaction())
        {
            await data.EraseAsync(connection, transaction, new PersonalDataSubject(world.Alice.Id, [pair.PairId]), bot.Clock.GetCurrentInstant());
            transaction.Commit();
        }
        Assert.DoesNotContain("alice-exported-answer", (await Dapper.SqlMapper.QueryAsync<string?>(connection, "SELECT answer FROM guess_rounds")).OfType<string>());
        var bobs = new PersonalDataExport();
        await data.ExportAsync(connection, new PersonalDataSubject(world.Bob.Id, [pair.PairId]), bobs);
        Assert.Contains("bob-kept-guess", bobs.Root["guess_rounds_i_guessed"]!.ToJsonString());
    }
}
