using System.Text.Json.Nodes;
using BondBot.FakeDiscord;
using BondBot.Features.CheckIns;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.Serving;

/// <summary>Issue 13: check-in questions that rotate daily, messages that say who sees a check-in and where, and a
/// one-tap "I'm here" on the partner's card.</summary>
public sealed class CheckInVarietyTests
{
    private static string Description(FakeMessage message) => message.Embeds[0]!["description"]!.GetValue<string>();

    private static async Task<FakeInteraction> PressMoodAsync(World world, FakeUser user, FakeMessage prompt, int mood)
    {
        var press = await world.Fake.ClickButtonAsync(user, prompt, World.CustomIds(prompt).First(id => id.StartsWith($"ci.mood:{mood}:", StringComparison.Ordinal)));
        await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(press.Modal);
        return press;
    }

    private static IReadOnlyList<string> Labels(JsonNode modal) =>
        modal["components"]!.AsArray().Select(c => c!["label"]?.GetValue<string>()).OfType<string>().ToList();

    private static string FormLine(JsonNode modal) =>
        modal["components"]!.AsArray().Select(c => c!["content"]?.GetValue<string>()).OfType<string>().Single();

    [Fact]
    public async Task The_three_check_in_questions_change_every_day_and_the_form_asks_the_ones_the_prompt_shows()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        var deck = CheckInPrompts.LoadEmbedded();
        var triples = new List<string>();
        for (var day = 0; day < 10; day++)
        {
            var prompt = await world.ReplyAsync(await world.DmCommandAsync(world.Carol, "checkin"));
            var today = deck.For(new LocalDate(2026, 6, 1).PlusDays(day));
            foreach (var question in new[] { today.Good, today.Weight, today.Need })
                Assert.Contains(question.Label, Description(prompt));
            if (day == 0)
                Assert.Equal([today.Good.Label, today.Weight.Label, today.Need.Label], Labels((await PressMoodAsync(world, world.Carol, prompt, 3)).Modal!));
            triples.Add($"{today.Good.Id}|{today.Weight.Id}|{today.Need.Id}");
            bot.Clock.Advance(Duration.FromDays(1));
        }

        Assert.Equal(10, triples.Distinct().Count());
        Assert.Equal(10, triples.Select(t => t.Split('|')[0]).Distinct().Count());   // no wording twice in ten days
    }

    [Fact]
    public async Task The_prompt_the_form_and_the_confirmation_say_who_sees_a_check_in_and_where()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);

        var alone = await world.ReplyAsync(await world.DmCommandAsync(world.Carol, "checkin"));
        Assert.Contains("Just for you", Description(alone));
        Assert.Contains("Just for you", FormLine((await PressMoodAsync(world, world.Carol, alone, 4)).Modal!));

        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var byDm = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "checkin"));
        Assert.Contains($"When you save, <@{world.Bob.Id}> sees your mood and anything you write, by DM.", Description(byDm));
        Assert.Contains($"<@{world.Bob.Id}> sees your mood and these answers when you save (by DM)", FormLine((await PressMoodAsync(world, world.Alice, byDm, 4)).Modal!));

        var space = await SpaceFlowTests.OpenSpaceAsync(bot, world);
        var inSpace = await world.ReplyAsync(await world.DmCommandAsync(world.Bob, "checkin"));
        Assert.Contains($"sees your mood and anything you write, in your private space <#{space.Id}>.", Description(inSpace));
        Assert.Contains("(in your private space)", FormLine((await PressMoodAsync(world, world.Bob, inSpace, 4)).Modal!));
        var saved = await CheckInFlowTests.CheckInAsync(world, world.Alice, 4, "Tea", "A walk");
        Assert.StartsWith($"Saved and shared with <@{world.Bob.Id}> ✅", saved.Content);
    }

    [Fact]
    public async Task The_partner_answers_a_check_in_with_one_tap_and_its_author_hears_once()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await CheckInFlowTests.CheckInAsync(world, world.Alice, 2, "Coffee", "A hug over the phone");
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("Coffee")));
        var card = bot.Fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains("Coffee"));
        Assert.Contains(World.CustomIds(card), id => id.StartsWith(CheckInPartnerCard.HerePrefix, StringComparison.Ordinal));

        var pressed = await world.ClickAsync(world.Bob, card, CheckInPartnerCard.HerePrefix);
        var button = pressed.Components[0]!["components"]![0]!;
        Assert.Equal("💛 Sent", button["label"]!.GetValue<string>());
        Assert.True(button["disabled"]!.GetValue<bool>());
        Assert.Contains("Coffee", World.Text(pressed));                       // the card keeps what she wrote
        await bot.DeliverAsync();
        var heard = bot.Fake.DirectMessagesTo(world.Alice).Single(m => World.Text(m).Contains("is here for you"));
        Assert.Contains($"<@{world.Bob.Id}> saw your check-in", heard.Content);

        // Changing her check-in refreshes his card; tapping again there adds nothing: she hears once a day.
        await CheckInFlowTests.CheckInAsync(world, world.Alice, 3, "Coffee and cake", "A hug over the phone");
        await bot.Fake.WaitUntilAsync(() => World.Text(card).Contains("and cake"));
        var again = await world.ClickAsync(world.Bob, card, CheckInPartnerCard.HerePrefix);
        Assert.Contains("already let", again.Content);
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("is here for you"));
    }
}
