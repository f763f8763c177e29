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
        // Say what came instead of a fresh prompt (a rare CI failure found an unexpected card here).
        var buttons = World.CustomIds(prompt).Where(id => id.StartsWith(BondBot.Features.CheckIns.CheckInCards.MoodPrefix, StringComparison.Ordinal)).ToList();
        Assert.True(buttons.Count == 5, $"Expected today's five mood buttons at {bot.Clock.GetCurrentInstant()}, got: {World.Text(prompt)} [{string.Join(", ", World.CustomIds(prompt))}]\n{bot.Errors}");
        var button = buttons[mood - 1];
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
        Assert.Contains($"<@{world.Bob.Id}> can be one of those people", World.Text(care));
        Assert.True(World.Text(care).IndexOf("a doctor, a counsellor", StringComparison.Ordinal) < World.Text(care).IndexOf($"<@{world.Bob.Id}>", StringComparison.Ordinal));
        Assert.Contains("won't send it again for 30 days", World.Text(care));
        Assert.Contains(World.CustomIds(care), id => id.StartsWith(BondBot.Features.Care.CareMessage.OkayPrefix, StringComparison.Ordinal));
        Assert.Contains(World.CustomIds(care), id => id.StartsWith(BondBot.Features.Care.CareMessage.PausePrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), IsCare);

        await MoodAsync(bot, world, world.Alice, 1);                // still low, but within 30 days
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), IsCare);

        bot.Clock.Advance(Duration.FromDays(30));
        await MoodAsync(bot, world, world.Alice, 2);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Count(IsCare) == 2);
    }

    [Fact]
    public async Task I_am_okay_keeps_the_message_quietly_and_pause_gives_a_week_off_telling_the_partner_only_of_the_break()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        foreach (var mood in new[] { 1, 2, 1, 2, 1 })
        {
            await MoodAsync(bot, world, world.Alice, mood);
            bot.Clock.Advance(Duration.FromDays(1));
        }
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(IsCare));
        var care = bot.Fake.DirectMessagesTo(world.Alice).Single(IsCare);

        // Pause: a week off; Bob hears of a break, never of the care message.
        var paused = await world.ClickAsync(world.Alice, care, BondBot.Features.Care.CareMessage.PausePrefix);
        Assert.Contains("Check-ins are paused until", paused.Content);
        Assert.Contains("Places to turn", World.Text(paused));                   // the resources stay to hand
        Assert.Empty(World.CustomIds(paused));
        var settings = await bot.Services.GetRequiredService<BondBot.Features.Settings.UserSettingsRepository>().GetAsync(world.Alice.Id);
        Assert.Equal(bot.Clock.GetCurrentInstant() + Duration.FromDays(7), settings.PausedUntil);
        await bot.DeliverAsync();
        var told = bot.Fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains("short break"));
        Assert.DoesNotContain("care", World.Text(told), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), IsCare);

        // A month later, heavy days again: "I'm okay" keeps the message quietly and tells no one.
        bot.Clock.Advance(Duration.FromDays(31));
        foreach (var mood in new[] { 2, 2, 1, 2, 2 })
        {
            await MoodAsync(bot, world, world.Alice, mood);
            bot.Clock.Advance(Duration.FromDays(1));
        }
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Count(IsCare) == 2);
        var okay = await world.ClickAsync(world.Alice, bot.Fake.DirectMessagesTo(world.Alice).Last(IsCare), BondBot.Features.Care.CareMessage.OkayPrefix);
        Assert.Contains("Thanks for letting me know", okay.Content);
        Assert.Empty(World.CustomIds(okay));
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("short break"));
    }

    [Fact]
    public async Task A_low_pulse_from_both_partners_brings_each_of_them_the_care_message_privately()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 10, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await PulseFlowTests.AnswerPulseAsync(world, world.Alice, 2, 1, 2, 3, 2, 2);
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice), IsCare);   // one low pulse alone brings nothing
        await PulseFlowTests.AnswerPulseAsync(world, world.Bob, 2, 2, 1, 2, 2, 3);

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(IsCare) && bot.Fake.DirectMessagesTo(world.Bob).Any(IsCare));
        var alices = bot.Fake.DirectMessagesTo(world.Alice).Single(IsCare);
        Assert.Contains("closeness pulse came out low for both of you", World.Text(alices));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), IsCare);
        Assert.DoesNotContain(bot.Fake.MessagesIn(world.General.Id), IsCare);

        // A low pulse with a partner who rated high sends nothing.
        bot.Clock.Reset(Instant.FromUtc(2026, 8, 10, 12, 0));
        await PulseFlowTests.AnswerPulseAsync(world, world.Alice, 1, 1, 1, 1, 1, 1);
        await PulseFlowTests.AnswerPulseAsync(world, world.Bob, 5, 5, 4, 5, 5, 4);
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), IsCare);
    }
}
