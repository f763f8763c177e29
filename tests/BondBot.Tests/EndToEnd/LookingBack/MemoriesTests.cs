using BondBot.FakeDiscord;
using BondBot.Features.Guess;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.LookingBack;

/// <summary>Issue 15: <c>/memories</c> pages through what the pair revealed, filters it, and never shows what one
/// partner alone has seen.</summary>
public sealed class MemoriesTests
{
    private static async Task<Pair> PairAsync(BotHarness bot, World world, FakeUser a, FakeUser b)
    {
        await PairingFlowTests.PairAsync(world, a, b);
        return (await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(a.Id))!;
    }

    /// <summary>Plays a question round to its reveal, a minute of the fake clock apart so "newest first" is defined.</summary>
    private static async Task PlayAsync(BotHarness bot, Pair pair, string? category, string aliceSays, string bobSays)
    {
        var questions = bot.Services.GetRequiredService<QuestionService>();
        var round = (await questions.OpenAsync(pair, null, new RoundRepository.Request(category, category is null ? null : 1), askerId: pair.UserA)).Round!;
        await questions.SubmitAsync(round.RoundId, pair.UserA, aliceSays);
        await questions.SubmitAsync(round.RoundId, pair.UserB, bobSays);
        bot.Clock.Advance(Duration.FromMinutes(1));
    }

    [Fact]
    public async Task Memories_page_newest_first_filter_by_category_and_never_show_an_answer_still_waiting()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var pair = await PairAsync(bot, world, world.Alice, world.Bob);
        for (var i = 1; i <= 5; i++)
            await PlayAsync(bot, pair, i <= 2 ? "trust" : "fun", $"alice-memory-{i}", $"bob-memory-{i}");
        var questions = bot.Services.GetRequiredService<QuestionService>();
        var open = (await questions.OpenAsync(pair, null, new RoundRepository.Request(null, null), askerId: pair.UserA)).Round!;
        const string waiting = "Alice's answer still waiting for Bob";
        await questions.SubmitAsync(open.RoundId, pair.UserA, waiting);

        var first = await world.ReplyAsync(await world.CommandAsync(world.Bob, "memories"));
        Assert.True(first.Ephemeral);
        Assert.Contains("1–3 of 5", first.Content);
        Assert.Equal(3, first.Embeds.Count);
        Assert.Contains("alice-memory-5", World.Text(first));               // newest first
        Assert.Contains("bob-memory-5", World.Text(first));
        Assert.DoesNotContain("memory-2", World.Text(first));

        var older = await world.ClickAsync(world.Bob, first, "mem.page:3");
        Assert.Contains("4–5 of 5", older.Content);
        Assert.Contains("alice-memory-1", World.Text(older));
        Assert.True(older.Components[0]!["components"]![1]!["disabled"]!.GetValue<bool>());   // no older page
        var newer = await world.ClickAsync(world.Bob, older, "mem.page:0");
        Assert.Contains("1–3 of 5", newer.Content);

        var trust = await world.ReplyAsync(await world.CommandAsync(world.Alice, "memories", new FakeOption("category", 3, "trust")));
        Assert.Contains("Trust", trust.Content);
        Assert.Contains("1–2 of 2", trust.Content);
        Assert.DoesNotContain("memory-3", World.Text(trust));
        var none = await world.ReplyAsync(await world.CommandAsync(world.Alice, "memories", new FakeOption("category", 3, "values")));
        Assert.Contains("Nothing in", none.Content);

        Assert.DoesNotContain(waiting, World.Everything(bot.Fake));
    }

    [Fact]
    public async Task Guessing_rounds_and_this_or_that_runs_are_memories_once_both_have_played()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var pair = await PairAsync(bot, world, world.Alice, world.Bob);
        var guesses = bot.Services.GetRequiredService<GuessService>();
        var round = (await guesses.StartAsync(pair, world.Alice.Id, null)).Round!;
        await guesses.SubmitAsync(round.GuessId, world.Alice.Id, GuessSide.Answer, "alice-guess-answer");
        var beforeGuess = await world.ReplyAsync(await world.CommandAsync(world.Bob, "memories", new FakeOption("category", 3, "guess")));
        Assert.Contains("Nothing in", beforeGuess.Content);                  // one side alone is not a memory
        await guesses.SubmitAsync(round.GuessId, world.Bob.Id, GuessSide.Guess, "bob-guess-guess");

        var tot = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "this-or-that"));
        for (var i = 0; i < 5; i++) tot = await world.ClickAsync(world.Alice, tot, "tot.pick");
        await bot.DeliverAsync();
        var invite = bot.Fake.DirectMessagesTo(world.Bob).Last(m => World.CustomIds(m).Any(id => id.StartsWith("tot.play", StringComparison.Ordinal)));
        var bobs = await world.ClickAsync(world.Bob, invite, "tot.play");
        for (var i = 0; i < 5; i++) bobs = await world.ClickAsync(world.Bob, bobs, "tot.pick");

        var all = await world.ReplyAsync(await world.CommandAsync(world.Bob, "memories"));
        Assert.Contains("of 2", all.Content);
        Assert.Contains("alice-guess-answer", World.Text(all));
        Assert.Contains("bob-guess-guess", World.Text(all));
        Assert.Contains("🎲 This or that", World.Text(all));
        Assert.Equal(5, World.Text(all).Split('✨').Length - 1);               // the same first option five times: all match

        // A new pairing starts a new book: nothing of Bob's shows for Alice and Carol.
        var ask = await world.ReplyAsync(await world.CommandAsync(world.Alice, "unpair"));
        await world.ClickAsync(world.Alice, ask, "pair.unpair");
        bot.Clock.Advance(Duration.FromDays(2));                             // past the one-invite-a-day limit
        await PairAsync(bot, world, world.Alice, world.Carol);
        var fresh = await world.ReplyAsync(await world.CommandAsync(world.Alice, "memories"));
        Assert.Contains("No memories yet", fresh.Content);
    }
}
