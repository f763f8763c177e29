using BondBot.FakeDiscord;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.FirstWeek;

/// <summary>Issue 12: zones found by the names people type, abbreviations answered with real places, times read the
/// ways people write them, and a zone alone never switches on a check-in nobody chose.</summary>
public sealed class TimeZoneTests
{
    private static readonly Instant Morning = Instant.FromUtc(2026, 1, 15, 11, 54);   // 06:54 in New York, 17:24 in Kolkata

    private static Task<UserSettings> SettingsOf(BotHarness bot, FakeUser user) =>
        bot.Services.GetRequiredService<SettingsService>().GetAsync(user.Id);

    [Fact]
    public async Task EST_is_answered_with_real_places_and_the_chosen_one_is_saved_with_the_time_given_alongside()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Morning));
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "settings", new FakeOption("timezone", 3, "EST"), new FakeOption("time", 3, "7:30 pm")));

        Assert.True(reply.Ephemeral);
        Assert.Contains("abbreviation", reply.Content);
        Assert.Contains("America/New_York — United States", reply.Content);
        Assert.StartsWith("set.zone:America/New_York:", World.CustomIds(reply).First());
        Assert.Null((await SettingsOf(bot, world.Alice)).Zone);                    // nothing saved as a fixed UTC-5

        var saved = await world.ClickAsync(world.Alice, reply, "set.zone:America/New_York");
        Assert.Contains("Saved ✅ Time zone **America/New_York** (United States, 06:54 there now)", saved.Content);
        Assert.Contains("check-in at **19:30**", saved.Content);
        var settings = await SettingsOf(bot, world.Alice);
        Assert.Equal("America/New_York", settings.Zone!.Id);
        Assert.Equal(Instant.FromUtc(2026, 1, 16, 0, 30), settings.NextCheckInAt);    // 19:30 EST
    }

    [Theory]
    [InlineData("GMT+5", "fixed offset", "Asia/Karachi")]
    [InlineData("Etc/GMT-5", "fixed offset", "Asia/Karachi")]
    [InlineData("IST", "abbreviation", "Asia/Kolkata")]
    public async Task Fixed_offsets_are_never_saved(string typed, string why, string first)
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Morning));
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "settings", new FakeOption("timezone", 3, typed)));

        Assert.Contains(why, reply.Content);
        Assert.StartsWith($"set.zone:{first}:", World.CustomIds(reply).First());
        Assert.Null((await SettingsOf(bot, world.Alice)).Zone);
    }

    [Fact]
    public async Task Autocomplete_finds_India_and_shows_the_offset_and_local_time()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Morning));
        var world = new World(bot.Fake);

        foreach (var (typed, value, name) in new[]
                 {
                     ("India", "Asia/Kolkata", "Asia/Kolkata — India · UTC+5:30 · 17:24"),
                     ("New York", "America/New_York", "America/New_York — United States, Eastern (most areas) · UTC-5 · 06:54"),
                     ("Berlin", "Europe/Berlin", "Europe/Berlin — Germany, most of Germany · UTC+1 · 12:54"),
                     ("utc", "UTC", "UTC — Coordinated Universal Time · UTC+0 · 11:54"),
                 })
        {
            var suggestions = await bot.Fake.AutocompleteAsync(world.Alice, "settings", null, null, new FakeOption("timezone", 3, typed, Focused: true));
            await suggestions.FirstResponse.WaitAsync(TimeSpan.FromSeconds(5));
            var top = suggestions.AutocompleteChoices[0];
            Assert.Equal((value, name), (top["value"]!.GetValue<string>(), top["name"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_zone_alone_offers_the_check_in_time_and_starts_nothing_until_it_is_confirmed()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Morning));
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "settings", new FakeOption("timezone", 3, "India")));

        Assert.Contains("Saved ✅ Time zone **Asia/Kolkata** (India, 17:24 there now)", reply.Content);
        Assert.Contains("isn't on yet: it would come at **20:00** your time", reply.Content);
        Assert.Null((await SettingsOf(bot, world.Alice)).NextCheckInAt);
        await bot.AtAsync(Instant.FromUtc(2026, 1, 15, 14, 30));                   // 20:00 in Kolkata
        Assert.Empty(bot.Fake.DirectMessagesTo(world.Alice));

        var started = await world.ClickAsync(world.Alice, reply, "set.start");
        Assert.Contains("check-in at **20:00** every day", started.Content);
        Assert.Empty(World.CustomIds(started));
        Assert.Equal(Instant.FromUtc(2026, 1, 16, 14, 30), (await SettingsOf(bot, world.Alice)).NextCheckInAt);
    }

    [Fact]
    public async Task Choose_another_time_reads_the_time_as_people_write_it()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Morning));
        var world = new World(bot.Fake);
        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "settings", new FakeOption("timezone", 3, "Asia/Kolkata")));

        var choose = await bot.Fake.ClickButtonAsync(world.Alice, reply, "set.time");
        await choose.FirstResponse.WaitAsync(TimeSpan.FromSeconds(5));
        var refused = await world.SeenAsync(await bot.Fake.SubmitModalAsync(world.Alice, choose, new Dictionary<string, string> { ["time"] = "tea time" }));
        Assert.Contains("isn't a time I understand", refused.Content);
        Assert.Contains("tea time", refused.Content);                              // given back, not lost
        var saved = await world.SeenAsync(await bot.Fake.SubmitModalAsync(world.Alice, choose, new Dictionary<string, string> { ["time"] = "7:30 pm" }));

        Assert.Contains("check-in at **19:30**", saved.Content);
        Assert.Equal(Instant.FromUtc(2026, 1, 15, 14, 0), (await SettingsOf(bot, world.Alice)).NextCheckInAt);
    }

    [Theory]
    [InlineData("7pm", 19, 0)]
    [InlineData("19.30", 19, 30)]
    [InlineData("19", 19, 0)]
    public async Task The_time_option_understands_everyday_formats(string typed, int hour, int minute)
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Morning));
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "settings", new FakeOption("timezone", 3, "Berlin"), new FakeOption("time", 3, typed)));

        Assert.Contains($"check-in at **{hour:00}:{minute:00}**", reply.Content);
        Assert.Equal(new LocalTime(hour, minute), (await SettingsOf(bot, world.Alice)).CheckInTime);
        Assert.NotNull((await SettingsOf(bot, world.Alice)).NextCheckInAt);
    }
}
