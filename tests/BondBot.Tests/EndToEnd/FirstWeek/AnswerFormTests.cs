using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.FirstWeek;

/// <summary>Issue 12: the answer form shows the whole question, however long.</summary>
public sealed class AnswerFormTests
{
    [Fact]
    public async Task The_answer_form_shows_a_300_character_question_whole_and_the_answer_still_saves()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);
        var question = string.Join(' ', Enumerable.Repeat("When you think about the weeks we spent apart,", 7))[..299] + "?";
        Assert.Equal(300, question.Length);
        await bot.Services.GetRequiredService<RoundRepository>().OpenAsync(pair.PairId, new DeckQuestion("custom:long", "fun", 1, question),
            new RoundRepository.Request(null, null), bot.Clock.GetCurrentInstant(), replacing: null);

        var card = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "question"));   // the open round, again
        var press = await bot.Fake.ClickButtonAsync(world.Alice, card, World.CustomIds(card).First(id => id.StartsWith("q.answer")));
        await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));

        var shown = press.Modal!["components"]![0]!;
        Assert.Equal(10, shown["type"]!.GetValue<int>());
        Assert.Equal($"### {question}", shown["content"]!.GetValue<string>());
        var saved = await world.ReplyAsync(await bot.Fake.SubmitModalAsync(world.Alice, press, new Dictionary<string, string> { ["answer"] = "All of it." }));
        Assert.Contains("hidden", saved.Content);
    }
}
