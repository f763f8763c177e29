using BondBot.FakeDiscord;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

public sealed class PulseFlowTests
{
    /// <summary>Answers all six steps, clicking the given ratings on the same private message.</summary>
    internal static async Task<FakeMessage> AnswerPulseAsync(World world, FakeUser user, params int[] ratings)
    {
        var message = await world.ReplyAsync(await world.DmCommandAsync(user, "pulse"));
        foreach (var rating in ratings)
        {
            var id = message.Components[0]!["components"]![rating - 1]!["custom_id"]!.GetValue<string>();
            await (await world.Fake.ClickButtonAsync(user, message, id)).FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        }
        return message;
    }

    [Fact]
    public async Task Each_sees_their_own_trend_and_the_pair_side_by_side_only_once_both_answered()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 10, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var alice = await AnswerPulseAsync(world, world.Alice, 5, 4, 4, 5, 3, 4);
        var aliceText = World.Text(alice);
        Assert.Contains("`■■■■■` 5", aliceText);
        Assert.Contains("once they've answered", aliceText);
        Assert.DoesNotContain($"<@{world.Bob.Id}> `", aliceText);

        var bobFirstStep = await world.ReplyAsync(await world.DmCommandAsync(world.Bob, "pulse"));
        Assert.DoesNotContain("■", World.Text(bobFirstStep));           // Alice's ratings stay locked
        var bob = await AnswerPulseAsync(world, world.Bob, 4, 3, 4, 4, 2, 4);
        var bobText = World.Text(bob);
        Assert.Contains($"<@{world.Alice.Id}> `■■■□□` 3", bobText);      // caring, side by side
        Assert.Contains("An idea for **Caring** this month:", bobText);  // the pair's lowest dimension
        Assert.Contains("Different numbers are a place to start talking, not a score.", bobText);
        Assert.Contains($"You see **Trust** most differently (you 4, <@{world.Alice.Id}> 5). Ask each other: “", bobText);
        var ideas = bot.Services.GetRequiredService<BondBot.Features.Pulse.PulseIdeas>();
        Assert.Contains(ideas.IdeaFor("caring", "2026-06"), bobText);
        Assert.NotEqual(ideas.IdeaFor("caring", "2026-06"), ideas.IdeaFor("caring", "2026-07"));   // another idea next month
        Assert.DoesNotContain("validated", bobText);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("both answered this month's closeness pulse")));

        bot.Clock.Reset(Instant.FromUtc(2026, 7, 3, 12, 0));
        var july = await AnswerPulseAsync(world, world.Alice, 5, 5, 4, 5, 4, 4);
        Assert.Contains("`■■■■□` 4 (+1)", World.Text(july));             // caring rose since June
        var insights = await world.ReplyAsync(await world.CommandAsync(world.Alice, "insights"));
        Assert.Contains("Closeness pulse", World.Text(insights));
        Assert.Contains("(+1)", World.Text(insights));
    }

    [Fact]
    public async Task The_first_prompt_of_each_month_offers_the_pulse()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await bot.Services.GetRequiredService<SettingsService>().UpdateAsync(world.Alice.Id, DateTimeZone.Utc, new LocalTime(20, 0), CheckInDays.Every);
        bool Offers(FakeMessage m) => m.Components.ToJsonString().Contains("pulse.start");
        bool IsPrompt(FakeMessage m) => m.Components.ToJsonString().Contains("ci.mood");

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 20, 0));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), IsPrompt);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 2, 20, 0));
        Assert.Equal(2, bot.Fake.DirectMessagesTo(world.Alice).Count(IsPrompt));

        var offers = bot.Fake.DirectMessagesTo(world.Alice).Where(Offers).ToList();
        Assert.Single(offers);                                             // the month's first prompt only, as its own message
        Assert.False(IsPrompt(offers[0]));
        var start = offers[0].Components.SelectMany(r => r!["components"]!.AsArray()).First(c => c!["custom_id"]!.GetValue<string>().StartsWith("pulse.start"))!["custom_id"]!.GetValue<string>();
        var step = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Alice, offers[0], start));
        Assert.Contains("1/6", World.Text(step));
    }
}
