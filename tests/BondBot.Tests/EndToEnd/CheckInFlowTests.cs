using BondBot.FakeDiscord;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

public sealed class CheckInFlowTests
{
    private static string MoodButton(FakeMessage prompt, int mood) =>
        prompt.Components[0]!["components"]![mood - 1]!["custom_id"]!.GetValue<string>();

    /// <summary>Checks in through <c>/checkin</c> (through <b>Change</b> when the day is already checked in) and
    /// returns what the person then sees: the check-in message, turned into the saved entry.</summary>
    internal static async Task<FakeMessage> CheckInAsync(World world, FakeUser user, int mood, string good, string need)
    {
        var prompt = await world.ReplyAsync(await world.DmCommandAsync(user, "checkin"));
        if (World.CustomIds(prompt).Any(id => id.StartsWith("ci.change", StringComparison.Ordinal)))
            prompt = await world.ClickAsync(user, prompt, "ci.change");
        // Read before the press: an answer that updates the message changes what `prompt` shows.
        var (button, shown) = (MoodButton(prompt, mood), World.Text(prompt));
        var press = await world.Fake.ClickButtonAsync(user, prompt, button);
        var first = await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(press.Modal is not null, $"pressed {button} on [{shown}], got {first.ToJsonString()}");
        return await world.SeenAsync(await world.Fake.SubmitModalAsync(user, press, new Dictionary<string, string> { ["good"] = good, ["stress"] = "", ["need"] = need }));
    }

    [Fact]
    public async Task A_check_in_is_shared_with_the_partner_once_a_day_and_both_build_a_streak()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var saved = await (CheckInAsync(world, world.Alice, 4, "Sunny walk", "A call tonight"));
        Assert.Contains($"Saved and shared with <@{world.Bob.Id}> ✅", saved.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("Sunny walk")));
        var card = bot.Fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains("checked in"));
        Assert.Contains("4/5", World.Text(card));
        Assert.Contains("A call tonight", World.Text(card));

        await (CheckInAsync(world, world.Alice, 5, "Sunny walk and cake", "A call tonight"));
        await bot.Fake.WaitUntilAsync(() => World.Text(card).Contains("and cake"));      // the same card, edited
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("checked in"));

        var bobs = await (CheckInAsync(world, world.Bob, 3, "Finished a draft", "Patience"));
        Assert.Contains("1-day", bobs.Content);
        bot.Clock.Advance(Duration.FromDays(1));
        await (CheckInAsync(world, world.Alice, 4, "x", "y"));
        var second = await (CheckInAsync(world, world.Bob, 4, "x", "y"));
        Assert.Contains("2-day", second.Content);
    }

    [Theory]
    [InlineData("timezone", "Mars/Olympus_Mons", "don't know the time zone")]
    [InlineData("time", "25:99", "isn't a time I understand")]
    public async Task Settings_refuse_unknown_zones_and_malformed_times_with_an_example(string option, string value, string expected)
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "settings", new FakeOption(option, 3, value)));

        Assert.True(reply.Ephemeral);
        Assert.Contains(expected, reply.Content);
        Assert.Null((await bot.Services.GetRequiredService<SettingsService>().GetAsync(world.Alice.Id)).Zone);
    }

    [Fact]
    public async Task Settings_save_and_show_the_next_check_in_as_a_discord_timestamp_with_zone_autocomplete()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);

        var suggestions = await bot.Fake.AutocompleteAsync(world.Alice, "settings", null, null, new FakeOption("timezone", 3, "berl", Focused: true));
        await suggestions.FirstResponse.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains(suggestions.AutocompleteChoices, c => c["value"]!.GetValue<string>() == "Europe/Berlin");

        var unset = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "settings"));
        Assert.Contains("haven't set a time zone", unset.Content);
        var saved = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "settings",
            new FakeOption("timezone", 3, "Europe/Berlin"), new FakeOption("time", 3, "21:30"), new FakeOption("days", 3, "weekdays")));
        Assert.Contains("Europe/Berlin", saved.Content);
        Assert.Contains($"<t:{Instant.FromUtc(2026, 6, 1, 19, 30).ToUnixTimeSeconds()}:F>", saved.Content);
    }

    [Fact]
    public async Task Commands_stay_answered_in_time_while_a_fan_out_is_running()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = 10 });
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0));
        await using var bot = await BotHarness.StartAsync(fake, clock: clock, settings: ["--Discord:GlobalRequestsPerSecond=10", "--Scheduler:Enabled=true"]);
        var world = new World(fake);
        var people = Enumerable.Range(0, 60).Select(i => fake.AddUser($"p{i}")).ToList();
        foreach (var person in people)
            await bot.Services.GetRequiredService<SettingsService>().UpdateAsync(person.Id, DateTimeZone.Utc, new LocalTime(13, 0), CheckInDays.Every);

        clock.Reset(Instant.FromUtc(2026, 6, 1, 13, 0));
        await fake.WaitUntilAsync(() => people.Count(p => fake.DirectMessagesTo(p).Count > 0) >= 5);
        var help = await world.CommandAsync(world.Alice, "help");

        await help.FirstResponse.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.False(help.Expired);
        Assert.True(people.Count(p => fake.DirectMessagesTo(p).Count > 0) < people.Count);   // the fan-out was still going
    }
}
