using Dapper;
using Microsoft.Extensions.DependencyInjection;
using BondBot.FakeDiscord;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

public sealed class CareFlowTests
{
    private static bool IsCare(FakeMessage m) => World.Text(m).Contains("Checking in on you");

    /// <summary>Presses a mood, waits until it is stored, then runs the care check to its end. (The button's handler runs
    /// the same check after showing the modal; the ledger lets only one of the two send, so what the test then sees
    /// is settled, not a race.)</summary>
    private static async Task MoodAsync(BotHarness bot, World world, FakeUser user, int mood)
    {
        var prompt = await world.ReplyAsync(await world.DmCommandAsync(user, "checkin"));
        var button = prompt.Components[0]!["components"]![mood - 1]!["custom_id"]!.GetValue<string>();
        await (await world.Fake.ClickButtonAsync(user, prompt, button)).FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var today = bot.Clock.GetCurrentInstant().InUtc().Date;
        await using var connection = await bot.Database.Connections.OpenAsync();
        await world.Fake.WaitUntilAsync(() => connection.ExecuteScalar<int>(
            "SELECT COUNT(*) FROM checkins WHERE user_id = @id AND local_date = @today AND mood = @mood", new { id = user.Id, today, mood }) == 1);
        await bot.Services.GetRequiredService<BondBot.Features.Care.CareService>().CheckAsync(user.Id, today, CancellationToken.None);
    }

    [Fact]
    public async Task Five_low_moods_in_a_row_bring_one_private_care_message_at_most_every_30_days()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)),
            settings: ["--Care:Resources:0=Call the Example Helpline on 0800 000 000."]);
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        foreach (var mood in new[] { 2, 1, 2, 3, 1 })   // the 3 breaks the run
        {
            await MoodAsync(bot, world, world.Alice, mood);
            bot.Clock.Advance(Duration.FromDays(1));
        }
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice), IsCare);
        foreach (var mood in new[] { 2, 1, 1, 2 })       // five low in a row, counting the last 1 above
        {
            await MoodAsync(bot, world, world.Alice, mood);
            bot.Clock.Advance(Duration.FromDays(1));
        }
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Count(IsCare) == 1);
        var care = bot.Fake.DirectMessagesTo(world.Alice).Single(IsCare);
        Assert.Contains("Example Helpline", World.Text(care));
        Assert.Contains("not therapy", World.Text(care));
        Assert.Contains($"<@{world.Bob.Id}>", World.Text(care));
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), IsCare);

        await MoodAsync(bot, world, world.Alice, 1);                // still low, but within 30 days
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), IsCare);

        bot.Clock.Advance(Duration.FromDays(30));
        await MoodAsync(bot, world, world.Alice, 2);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Count(IsCare) == 2);
    }
}
