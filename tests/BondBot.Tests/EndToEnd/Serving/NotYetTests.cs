using BondBot.FakeDiscord;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.Serving;

/// <summary>Issue 13: "Not yet" sets a round aside without judgement, keeps the answer already given (never shown),
/// gives the pair a new question, and brings the round back after a few weeks, at most twice.</summary>
public sealed class NotYetTests
{
    private static string Everything(FakeDiscordServer fake) => World.Everything(fake);

    private static string QuestionOn(FakeMessage card) => card.Embeds[0]!["description"]!.GetValue<string>();

    /// <summary>Alice asks for a question in her DMs and Bob answers it first; returns the question, once Alice's card
    /// says Bob answered.</summary>
    internal static async Task<string> BobAnswersFirstAsync(BotHarness bot, World world, string answer)
    {
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "question"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => m.Components.ToJsonString().Contains("q.answer")));
        var question = QuestionOn(QuestionFlowTests.LatestDmCard(bot.Fake, world.Bob));
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestDmCard(bot.Fake, world.Bob), answer));
        await bot.Fake.WaitUntilAsync(() => World.Text(QuestionFlowTests.LatestDmCard(bot.Fake, world.Alice)).Contains($"<@{world.Bob.Id}> answered"));
        return question;
    }

    [Fact]
    public async Task Not_yet_after_the_partner_answered_keeps_their_answer_unseen_and_the_round_comes_back_at_most_twice()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);

        const string bobsAnswer = "Bob's careful answer that must stay hidden";
        var hard = await BobAnswersFirstAsync(bot, world, bobsAnswer);

        // Alice isn't ready: the card she pressed becomes the pair's new question, and Bob is told gently.
        var aliceCard = QuestionFlowTests.LatestDmCard(bot.Fake, world.Alice);
        Assert.Contains(World.CustomIds(aliceCard), id => id.StartsWith(QuestionCards.NotYetPrefix, StringComparison.Ordinal));
        var seen = await world.ClickAsync(world.Alice, aliceCard, QuestionCards.NotYetPrefix);
        Assert.Contains("Saved for another day", seen.Content);
        Assert.NotEqual(hard, QuestionOn(seen));
        await bot.DeliverAsync();
        var notice = bot.Fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains("for another day"));
        Assert.Contains($"<@{world.Alice.Id}> saved", notice.Content);
        Assert.Contains("Your answer is kept, unseen", notice.Content);
        await bot.Fake.WaitUntilAsync(() => QuestionOn(QuestionFlowTests.LatestDmCard(bot.Fake, world.Bob)) != hard);

        // They play the new question; the set-aside one stays away for three weeks.
        var questions = bot.Services.GetRequiredService<QuestionService>();
        async Task FinishOpenRoundAsync()
        {
            var open = (await bot.Services.GetRequiredService<RoundRepository>().GetOpenAsync(pair.PairId))!;
            await questions.SubmitAsync(open.RoundId, pair.UserA, "a");
            await questions.SubmitAsync(open.RoundId, pair.UserB, "b");
        }
        await FinishOpenRoundAsync();
        bot.Clock.Reset(bot.Clock.GetCurrentInstant() + Duration.FromDays(20));
        var early = (await questions.OpenAsync(pair, null, new RoundRepository.Request(null, null), askerId: pair.UserA)).Round!;
        Assert.NotEqual(hard, early.QuestionText);
        await FinishOpenRoundAsync();

        // After three weeks it comes back, with Bob's answer still kept and still unseen.
        bot.Clock.Reset(bot.Clock.GetCurrentInstant() + Duration.FromDays(2));
        var back = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "question"));
        Assert.Equal(hard, QuestionOn(back));
        Assert.Contains("Back from another day", World.Text(back));
        Assert.Contains($"<@{world.Bob.Id}> answered", World.Text(back));
        Assert.DoesNotContain(bobsAnswer, Everything(bot.Fake));

        // Not yet a second time: away again; a third: retired for good. The answer was never shown to anyone.
        var second = await world.ClickAsync(world.Alice, back, QuestionCards.NotYetPrefix);
        Assert.Contains("Saved for another day", second.Content);
        await FinishOpenRoundAsync();
        bot.Clock.Reset(bot.Clock.GetCurrentInstant() + Duration.FromDays(22));
        var third = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "question"));
        Assert.Equal(hard, QuestionOn(third));
        var retired = await world.ClickAsync(world.Alice, third, QuestionCards.NotYetPrefix);
        Assert.Contains("won't come back", retired.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("it won't come back")));
        await FinishOpenRoundAsync();
        bot.Clock.Reset(bot.Clock.GetCurrentInstant() + Duration.FromDays(60));
        for (var i = 0; i < 5; i++)
        {
            var next = (await questions.OpenAsync(pair, null, new RoundRepository.Request(null, null), askerId: pair.UserA)).Round!;
            Assert.NotEqual(hard, next.QuestionText);
            await FinishOpenRoundAsync();
        }
        await bot.DeliverAsync();
        Assert.DoesNotContain(bobsAnswer, Everything(bot.Fake));
    }
}
