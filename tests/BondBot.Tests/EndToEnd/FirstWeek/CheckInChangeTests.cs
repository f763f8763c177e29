using BondBot.FakeDiscord;
using BondBot.Features.CheckIns;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.FirstWeek;

/// <summary>Issue 12: once a day's check-in exists, every prompt for that day shows it; changing it is deliberate,
/// the form comes pre-filled, and a blank field erases a note only when the person cleared it.</summary>
public sealed class CheckInChangeTests
{
    private static readonly Instant Noon = Instant.FromUtc(2026, 6, 1, 12, 0);

    private static string Button(FakeMessage message, string prefix, int index = 0) =>
        World.CustomIds(message).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ElementAt(index);

    private static async Task<FakeInteraction> PressMoodAsync(World world, FakeUser user, FakeMessage prompt, int mood)
    {
        var press = await world.Fake.ClickButtonAsync(user, prompt, Button(prompt, "ci.mood:", mood - 1));
        await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        return press;
    }

    private static string? Prefilled(FakeInteraction press, string field) =>
        press.Modal!["components"]!.AsArray().Select(c => c!["component"]).OfType<System.Text.Json.Nodes.JsonNode>().Single(c => c["custom_id"]!.GetValue<string>() == field)["value"]?.GetValue<string>();

    private static Task<CheckIn?> SavedAsync(BotHarness bot, FakeUser user) =>
        bot.Services.GetRequiredService<CheckInService>().GetAsync(user.Id, new LocalDate(2026, 6, 1));

    /// <summary>A mood press answers with the form first (within Discord's deadline) and stores the mood just after;
    /// a test that goes on to /checkin waits for it, as a person's next tap would come after it.</summary>
    private static async Task MoodStoredAsync(BotHarness bot, FakeUser user)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await SavedAsync(bot, user) is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the pressed mood was not stored within 10 s");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task An_old_prompt_tapped_after_checking_in_shows_the_entry_and_changes_nothing()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Noon));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await bot.Services.GetRequiredService<SettingsService>().UpdateAsync(world.Alice.Id, DateTimeZone.Utc, new LocalTime(12, 30), CheckInDays.Every);
        await bot.AtAsync(Noon.Plus(Duration.FromMinutes(30)));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.CustomIds(m).Any(id => id.StartsWith("ci.mood"))));
        var dailyDm = bot.Fake.DirectMessagesTo(world.Alice).First(m => World.CustomIds(m).Any(id => id.StartsWith("ci.mood")));
        var olderPrompt = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "checkin"));

        var seen = await CheckInFlowTests.CheckInAsync(world, world.Alice, 4, "Sunny walk", "A call tonight");
        Assert.Contains("Checked in ✓ 🙂 4", World.Text(seen));
        Assert.Contains("Sunny walk", World.Text(seen));
        // The day's scheduled DM no longer offers live mood buttons: it shows the entry.
        await bot.Fake.WaitUntilAsync(() => World.Text(dailyDm).Contains("Checked in ✓"));
        Assert.DoesNotContain(World.CustomIds(dailyDm), id => id.StartsWith("ci.mood"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("Sunny walk")));
        var bobsCard = bot.Fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains("checked in"));
        var bobsCardBefore = World.Text(bobsCard);

        // A tap on a mood in a prompt from earlier the same day: no modal, no overwrite — the message shows the entry.
        var tap = await bot.Fake.ClickButtonAsync(world.Alice, olderPrompt, Button(olderPrompt, "ci.mood:", 0));
        var shown = await world.SeenAsync(tap);
        Assert.Null(tap.Modal);
        Assert.Contains("already checked in", World.Text(shown));
        Assert.Contains("Checked in ✓ 🙂 4", World.Text(shown));
        Assert.Contains(World.CustomIds(shown), id => id.StartsWith("ci.change"));
        var saved = await SavedAsync(bot, world.Alice);
        Assert.Equal((4L, "Sunny walk", "A call tonight"), (saved!.Mood, saved.GoodThing, saved.Need));
        await bot.DeliverAsync();
        Assert.Equal(bobsCardBefore, World.Text(bobsCard));

        // /checkin the same day shows the entry with Change, not fresh mood buttons.
        var again = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "checkin"));
        Assert.Contains("Checked in ✓ 🙂 4", World.Text(again));
        Assert.DoesNotContain(World.CustomIds(again), id => id.StartsWith("ci.mood"));
    }

    [Fact]
    public async Task Change_opens_the_form_pre_filled_and_only_a_note_cleared_on_purpose_is_erased()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Noon));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await CheckInFlowTests.CheckInAsync(world, world.Alice, 4, "Sunny walk", "A call tonight");

        var entry = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "checkin"));
        var moods = await world.ClickAsync(world.Alice, entry, "ci.change");
        Assert.Contains("Change today's check-in", World.Text(moods));
        var press = await PressMoodAsync(world, world.Alice, moods, 2);
        Assert.Equal("Sunny walk", Prefilled(press, CheckInForm.GoodField));
        Assert.Equal("A call tonight", Prefilled(press, CheckInForm.NeedField));

        // Clearing the good thing on purpose erases it; the need, left as shown, stays.
        var seen = await world.SeenAsync(await bot.Fake.SubmitModalAsync(world.Alice, press, new Dictionary<string, string> { ["good"] = "" }));
        Assert.Contains("Checked in ✓ 😕 2", World.Text(seen));
        var saved = await SavedAsync(bot, world.Alice);
        Assert.Equal((2L, (string?)null, "A call tonight"), (saved!.Mood, saved.GoodThing, saved.Need));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("2/5")));
    }

    [Fact]
    public async Task A_form_opened_before_the_notes_were_saved_cannot_blank_them()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Noon));
        var world = new World(bot.Fake);
        var first = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "checkin"));
        var staleForm = await PressMoodAsync(world, world.Alice, first, 3);           // opened empty, left open (another device)
        await MoodStoredAsync(bot, world.Alice);

        await CheckInFlowTests.CheckInAsync(world, world.Alice, 4, "Sunny walk", "A call tonight");
        var seen = await world.SeenAsync(await bot.Fake.SubmitModalAsync(world.Alice, staleForm, new Dictionary<string, string>()));

        var saved = await SavedAsync(bot, world.Alice);
        Assert.Equal((3L, "Sunny walk", "A call tonight"), (saved!.Mood, saved.GoodThing, saved.Need));
        Assert.Contains("Sunny walk", World.Text(seen));
    }
}
