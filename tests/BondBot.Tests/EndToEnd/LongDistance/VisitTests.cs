using System.Text;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord;
using BondBot.Features.Privacy;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.LongDistance;

/// <summary>Issue 14, <c>/visit</c>: Alice in Berlin and Bob in New York, each with a check-in at 20:00 their time —
/// 18:00 UTC for Alice, 00:00 UTC the next day for Bob, so at Bob's check-in it's already tomorrow in Berlin and in UTC.
/// Every countdown is read off the check-in DM each of them actually received.</summary>
public sealed class VisitTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 6, 1, 12, 0);   // Mon 1 Jun: 14:00 Berlin, 08:00 New York

    private static Instant AliceCheckIn(int june) => Instant.FromUtc(2026, 6, june, 18, 0);   // 20:00 CEST on her `june`
    private static Instant BobCheckIn(int june) => Instant.FromUtc(2026, 6, june + 1, 0, 0);   // 20:00 EDT on his `june`

    private static bool IsPrompt(FakeMessage m) => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal);

    private static async Task<(BotHarness Bot, World World)> StartApartAsync()
    {
        var bot = await BotHarness.StartAsync(clock: new FakeClock(Start));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var settings = bot.Services.GetRequiredService<SettingsService>();
        await settings.UpdateAsync(world.Alice.Id, DateTimeZoneProviders.Tzdb["Europe/Berlin"], new LocalTime(20, 0), CheckInDays.Every);
        await settings.UpdateAsync(world.Bob.Id, DateTimeZoneProviders.Tzdb["America/New_York"], new LocalTime(20, 0), CheckInDays.Every);
        return (bot, world);
    }

    private static FakeOption Set(string date, string? time = null, string? until = null) =>
        new("set", 1, null, new[] { new FakeOption("date", 3, date) }
            .Concat(time is null ? [] : [new FakeOption("time", 3, time)])
            .Concat(until is null ? [] : [new FakeOption("until", 3, until)]).ToArray());

    private static async Task<FakeMessage> VisitAsync(World world, FakeUser user, FakeOption sub) =>
        await world.ReplyAsync(await world.CommandAsync(user, "visit", sub));

    /// <summary>Moves the clock to the person's check-in and returns the text of the check-in DM it brought.</summary>
    private static async Task<string> PromptAtAsync(BotHarness bot, FakeUser user, Instant at)
    {
        var before = bot.Fake.DirectMessagesTo(user).Count(IsPrompt);
        await bot.AtAsync(at);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(user).Count(IsPrompt) > before, TimeSpan.FromSeconds(10));
        return World.Text(bot.Fake.DirectMessagesTo(user).Last(IsPrompt));
    }

    [Fact]
    public async Task Alice_in_Berlin_sets_a_visit_her_reply_shows_both_zones_and_Bob_in_New_York_is_told_with_a_timestamp()
    {
        var (bot, world) = await StartApartAsync();
        await using var _ = bot;

        var reply = await VisitAsync(world, world.Alice, Set("2026-06-13", "10:00", "2026-06-20"));

        Assert.True(reply.Ephemeral);
        Assert.Contains("8 days together", reply.Content);
        Assert.Contains("for you (Europe/Berlin): **Sat 13 Jun 2026, 10:00 → Sat 20 Jun 2026**", reply.Content);
        Assert.Contains($"for <@{world.Bob.Id}> (America/New_York): **Sat 13 Jun 2026, 04:00 → Sat 20 Jun 2026**", reply.Content);
        var unix = Instant.FromUtc(2026, 6, 13, 8, 0).ToUnixTimeSeconds();      // 10:00 in Berlin
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("visit")), TimeSpan.FromSeconds(10));
        var notice = World.Text(bot.Fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains("visit")));
        Assert.Contains($"<@{world.Alice.Id}> set your next visit", notice);
        Assert.Contains($"<t:{unix}:F>", notice);
        Assert.Contains($"<t:{unix}:R>", notice);
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("set your next visit"));

        var shown = await VisitAsync(world, world.Bob, new FakeOption("show", 1, null));
        Assert.Contains("Sat 13 Jun 2026, 04:00", shown.Content);                  // in Bob's own zone
        Assert.Contains("12 days until you see each other", shown.Content);        // Mon 1 Jun in New York
    }

    [Fact]
    public async Task The_daily_check_in_counts_down_on_each_partners_own_local_date_not_on_UTCs()
    {
        var (bot, world) = await StartApartAsync();
        await using var _ = bot;
        await VisitAsync(world, world.Alice, Set("2026-06-13"));

        Assert.Contains("✈️ 12 days until you see each other", await PromptAtAsync(bot, world.Alice, AliceCheckIn(1)));
        // Tue 2 Jun 00:00 UTC, already the 2nd in Berlin and in UTC: still Mon 1 Jun for Bob, so still 12 days.
        Assert.Contains("✈️ 12 days until you see each other", await PromptAtAsync(bot, world.Bob, BobCheckIn(1)));
        Assert.Contains("✈️ 11 days until you see each other", await PromptAtAsync(bot, world.Alice, AliceCheckIn(2)));
        Assert.Contains("✈️ 11 days until you see each other", await PromptAtAsync(bot, world.Bob, BobCheckIn(2)));
    }

    [Fact]
    public async Task Planning_comes_three_days_before_and_the_goodbye_line_the_day_after_until_each_on_their_own_date()
    {
        var (bot, world) = await StartApartAsync();
        await using var _ = bot;
        await VisitAsync(world, world.Alice, Set("2026-06-05", "10:00", "2026-06-07"));

        var expected = new Dictionary<int, string?>
        {
            [1] = "✈️ 4 days until you see each other",
            [2] = "✈️ 3 days until you see each other — time to plan a little: what's one thing you'd love to do together, and one thing you're nervous or excited about?",
            [3] = "✈️ 2 days until you see each other",
            [4] = "Tomorrow you see each other ✈️",
            [5] = "Today's the day 💛",
            [6] = "Together now — enjoy it 💛",
            [7] = "Together now — enjoy it 💛",
            [8] = "🫂 After the goodbye",
            [9] = null,
        };
        foreach (var (june, line) in expected)
            foreach (var (who, at) in new[] { (world.Alice, AliceCheckIn(june)), (world.Bob, BobCheckIn(june)) })
            {
                var prompt = await PromptAtAsync(bot, who, at);
                var said = new[] { "until you see each other", "Tomorrow you see", "Today's the day", "Together now", "After the goodbye" }.Where(prompt.Contains).ToList();
                if (line is null)
                    Assert.True(said.Count == 0, $"{who.Username} on {june} Jun: {prompt}");
                else
                    Assert.True(prompt.Contains(line, StringComparison.Ordinal) && said.Count == 1, $"{who.Username} on {june} Jun expected [{line}] in: {prompt}");
                if (june == 8)
                    Assert.Contains(BondBot.Features.Visits.VisitLines.Reflections, q => prompt.Contains(q, StringComparison.Ordinal));
            }

        // The visit is history now, and /insights counts it.
        var insights = await world.ReplyAsync(await world.CommandAsync(world.Alice, "insights"));
        Assert.Contains("Visits: 1 since you paired · last one ended Sun 7 Jun", World.Text(insights));
        Assert.Contains("No visit set yet", (await VisitAsync(world, world.Bob, new FakeOption("show", 1, null))).Content);
    }

    [Fact]
    public async Task Bob_whose_check_ins_run_on_weekdays_gets_the_planning_and_goodbye_lines_on_his_next_prompt_day()
    {
        // Visit Tue 9 – Fri 12 June: planning is due Sat 6 and the goodbye Sat 13, both days Bob has no check-in. He gets
        // each on his next prompt day (Mon 8, Mon 15), once; Alice, who checks in every day, gets them on the day.
        var (bot, world) = await StartApartAsync();
        await using var _ = bot;
        await bot.Services.GetRequiredService<SettingsService>()
            .UpdateAsync(world.Bob.Id, DateTimeZoneProviders.Tzdb["America/New_York"], new LocalTime(20, 0), CheckInDays.Weekdays);
        await VisitAsync(world, world.Alice, Set("2026-06-09", until: "2026-06-12"));

        const string planning = "time to plan a little", goodbye = "🫂 After the goodbye";
        var aliceSaw = new Dictionary<int, string>();
        var bobSaw = new Dictionary<int, string>();
        for (var june = 5; june <= 16; june++)
        {
            aliceSaw[june] = await PromptAtAsync(bot, world.Alice, AliceCheckIn(june));
            if (new LocalDate(2026, 6, june).DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                bobSaw[june] = await PromptAtAsync(bot, world.Bob, BobCheckIn(june));
        }

        Assert.Equal([6], aliceSaw.Where(p => p.Value.Contains(planning, StringComparison.Ordinal)).Select(p => p.Key));
        Assert.Equal([13], aliceSaw.Where(p => p.Value.Contains(goodbye, StringComparison.Ordinal)).Select(p => p.Key));
        Assert.Contains("Tomorrow you see each other", aliceSaw[8]);
        Assert.Equal([8], bobSaw.Where(p => p.Value.Contains(planning, StringComparison.Ordinal)).Select(p => p.Key));
        Assert.Equal([15], bobSaw.Where(p => p.Value.Contains(goodbye, StringComparison.Ordinal)).Select(p => p.Key));
        Assert.Contains("✈️ 4 days until you see each other", bobSaw[5]);
        Assert.Contains("Today's the day", bobSaw[9]);
        Assert.Contains("Together now", bobSaw[12]);
        Assert.DoesNotContain("until you see each other", bobSaw[16]);
    }

    [Fact]
    public async Task A_pair_who_chose_together_sees_no_countdown_in_the_check_in_but_visit_show_still_answers()
    {
        var (bot, world) = await StartApartAsync();
        await using var _ = bot;
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "couple", new FakeOption("distance", 3, "together")));
        await VisitAsync(world, world.Bob, Set("2026-06-13"));

        Assert.DoesNotContain("until you see each other", await PromptAtAsync(bot, world.Alice, AliceCheckIn(1)));
        Assert.DoesNotContain("until you see each other", await PromptAtAsync(bot, world.Bob, BobCheckIn(1)));
        Assert.Contains("✈️ 11 days until you see each other", (await VisitAsync(world, world.Alice, new FakeOption("show", 1, null))).Content);
    }

    [Fact]
    public async Task Bob_clears_the_visit_Alice_is_told_and_the_countdown_is_gone()
    {
        var (bot, world) = await StartApartAsync();
        await using var _ = bot;
        await VisitAsync(world, world.Alice, Set("2026-06-13"));
        Assert.Contains("12 days until you see each other", await PromptAtAsync(bot, world.Alice, AliceCheckIn(1)));

        var cleared = await VisitAsync(world, world.Bob, new FakeOption("clear", 1, null));

        Assert.True(cleared.Ephemeral);
        Assert.Contains($"I've let <@{world.Alice.Id}> know", cleared.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("cleared your next visit")), TimeSpan.FromSeconds(10));
        Assert.Contains($"<@{world.Bob.Id}> cleared your next visit (<t:{Instant.FromUtc(2026, 6, 13, 10, 0).ToUnixTimeSeconds()}:D>)",
            World.Everything(bot.Fake));
        Assert.DoesNotContain("until you see each other", await PromptAtAsync(bot, world.Alice, AliceCheckIn(2)));
        Assert.DoesNotContain("until you see each other", await PromptAtAsync(bot, world.Bob, BobCheckIn(2)));
        Assert.Contains("There's no visit set right now", (await VisitAsync(world, world.Alice, new FakeOption("clear", 1, null))).Content);
    }

    [Theory]
    [InlineData("next friday", null, "couldn't read `next friday` as a date", "date:2026-07-01`")]
    [InlineData("2026-02-30", null, "couldn't read `2026-02-30` as a date", "date:2026-07-01`")]
    [InlineData("2026-05-31", null, "Sun 31 May 2026 has already passed for you (it's Mon 1 Jun 2026 where you are)", "date:2026-07-01`")]
    [InlineData("2028-06-02", null, "more than two years away", "date:2026-07-01`")]
    [InlineData("2026-06-13", "2026-06-12", "can't come before Sat 13 Jun 2026", "`until:2026-06-16`")]
    public async Task Invalid_dates_are_refused_kindly_with_an_example_and_nothing_is_saved_or_sent(string date, string? until, string why, string example)
    {
        var (bot, world) = await StartApartAsync();
        await using var _ = bot;

        var reply = await VisitAsync(world, world.Alice, Set(date, until: until));

        Assert.True(reply.Ephemeral);
        Assert.Contains(why, reply.Content);
        Assert.True(reply.Content!.Contains(example, StringComparison.Ordinal), reply.Content);
        Assert.Contains("No visit set yet", (await VisitAsync(world, world.Bob, new FakeOption("show", 1, null))).Content);
        Assert.DoesNotContain("set your next visit", World.Everything(bot.Fake));
    }

    [Fact]
    public async Task Today_is_accepted_and_without_a_zone_the_date_is_read_in_UTC_and_the_reply_says_so()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Start));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var reply = await VisitAsync(world, world.Alice, Set("2026-06-01"));

        Assert.Contains("Saved ✈️", reply.Content);
        Assert.Contains("for you (UTC): **Mon 1 Jun 2026**", reply.Content);
        Assert.Contains("I read the date in UTC", reply.Content);
        Assert.Contains("/settings", reply.Content);
    }

    [Fact]
    public async Task Someone_unpaired_is_asked_to_pair_first()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Start));
        var world = new World(bot.Fake);

        var reply = await VisitAsync(world, world.Carol, Set("2026-06-13"));

        Assert.Contains("pair up first", reply.Content);
    }

    [Fact]
    public async Task Both_partners_export_the_pairs_visits_and_an_erase_removes_only_the_ones_the_person_set()
    {
        var (bot, world) = await StartApartAsync();
        await using var _ = bot;
        await VisitAsync(world, world.Alice, Set("2026-06-02"));
        bot.Clock.Reset(Instant.FromUtc(2026, 6, 5, 12, 0));                       // Alice's visit is history now
        await VisitAsync(world, world.Bob, Set("2026-06-20"));

        async Task<JsonArray> VisitsOf(FakeUser user)
        {
            var json = Encoding.UTF8.GetString(await bot.Services.GetRequiredService<PrivacyExport>().BuildAsync(user.Id, CancellationToken.None));
            return JsonNode.Parse(json)!["visits"]!.AsArray();
        }
        Assert.Equal(2, (await VisitsOf(world.Alice)).Count);
        Assert.Equal(2, (await VisitsOf(world.Bob)).Count);
        Assert.Equal(world.Alice.Id.ToString(), (await VisitsOf(world.Bob))[0]!["setter_id"]!.GetValue<string>());

        await bot.Services.GetRequiredService<PrivacyEraser>().EraseAsync(world.Alice.Id, bot.Clock.GetCurrentInstant(), CancellationToken.None);

        var left = await VisitsOf(world.Bob);
        Assert.Equal("2026-06-20", Assert.Single(left)!["starts_on"]!.GetValue<string>());
        Assert.Empty(await VisitsOf(world.Alice));
    }

    [Fact]
    public async Task Us_shows_the_next_visit_on_the_viewers_own_date()
    {
        var (bot, world) = await StartApartAsync();
        await using var _ = bot;
        var before = await world.ReplyAsync(await world.CommandAsync(world.Bob, "us"));
        Assert.DoesNotContain("until you see each other", World.Text(before));

        await VisitAsync(world, world.Alice, Set("2026-06-13"));
        var us = await world.ReplyAsync(await world.CommandAsync(world.Bob, "us"));
        Assert.Contains("12 days until you see each other", World.Text(us));
    }
}
