using BondBot.FakeDiscord;
using BondBot.Features.CheckIns;
using BondBot.Features.Pairing;
using BondBot.Features.Pulse;
using BondBot.Features.Settings;
using BondBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

/// <summary>
/// One couple's first week through every feature that keeps data, on each storage provider: the same commands, the
/// same outcomes. Each step reads and writes its feature's tables through its own repository's SQL, so a statement
/// one dialect does not accept fails here by name.
/// </summary>
public sealed class FeatureTourTests
{
    private static FakeOption Sub(string name, params (string Name, string Value)[] options) =>
        new(name, 1, null, options.Select(o => new FakeOption(o.Name, 3, o.Value)).ToArray());

    /// <summary>The reply's text; a failure says what the host logged (a provider's error names the statement it refused).</summary>
    private static async Task<string> SaysAsync(BotHarness bot, World world, FakeUser user, string command, params FakeOption[] options)
    {
        var text = World.Text(await world.ReplyAsync(await world.CommandAsync(user, command, options)));
        Assert.False(text.Contains("something went wrong"), $"/{command} failed: {bot.Errors}");
        return text;
    }

    [Theory]
    [MemberData(nameof(TempDatabase.Providers), MemberType = typeof(TempDatabase))]
    public async Task A_couples_first_week_through_every_feature_works_the_same_on(string provider)
    {
        using var db = new TempDatabase(provider);
        await using var bot = await BotHarness.StartOnAsync(db, clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));   // a Monday
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);                                     // pairing, rounds
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "the sea"));
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, card, "the hills"));
        await bot.Fake.WaitUntilAsync(() => World.Everything(bot.Fake).Contains("the hills") && World.Everything(bot.Fake).Contains("the sea"));

        var settings = bot.Services.GetRequiredService<SettingsService>();
        await settings.UpdateAsync(world.Alice.Id, DateTimeZone.Utc, new LocalTime(20, 0), CheckInDays.Every);
        await settings.UpdateAsync(world.Bob.Id, DateTimeZoneProviders.Tzdb["America/New_York"], new LocalTime(20, 0), CheckInDays.Every);
        Assert.Contains("Saved", await SaysAsync(bot, world, world.Alice, "couple", new FakeOption("distance", 3, "apart")));
        Assert.Contains("Sent", await SaysAsync(bot, world, world.Alice, "appreciate", new FakeOption("note", 3, "You called at midnight")));
        await SaysAsync(bot, world, world.Alice, "note", Sub("sealed", ("label", "you miss me"), ("message", "I kept your scarf")));
        await SaysAsync(bot, world, world.Bob, "visit", Sub("set", ("date", "2026-07-01")));
        var checkIns = bot.Services.GetRequiredService<CheckInService>();
        for (var day = 1; day <= 3; day++)
        {
            await checkIns.RecordNotesAsync(world.Alice.Id, new LocalDate(2026, 6, day), 3 + day % 2, "a walk", null, null);
            await checkIns.RecordNotesAsync(world.Bob.Id, new LocalDate(2026, 6, day), 2 + day % 3, null, null, "patience");
        }
        var pair = (await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(world.Alice.Id, CancellationToken.None))!;
        var pulse = bot.Services.GetRequiredService<PulseService>();
        for (var area = 0; area < PulseDimension.All.Count; area++)
        {
            await pulse.RateAsync(world.Alice.Id, pair, "2026-06", area, 4, CancellationToken.None);
            await pulse.RateAsync(world.Bob.Id, pair, "2026-06", area, 3, CancellationToken.None);
        }
        await bot.DeliverAsync();

        Assert.Contains("You called at midnight", World.Everything(bot.Fake));                          // appreciation
        Assert.Contains("💌 Open when: you miss me", World.Everything(bot.Fake));                        // notes
        Assert.DoesNotContain("I kept your scarf", World.Everything(bot.Fake));                          // sealed until opened
        Assert.Contains("<t:", await SaysAsync(bot, world, world.Alice, "visit", Sub("show")));                   // visits
        var insights = await world.ReplyAsync(await world.CommandAsync(world.Alice, "insights"));         // streaks, moods, pulse, picture
        Assert.Contains("Streak", World.Text(insights));
        Assert.Single(insights.Attachments);
        Assert.Contains("the hills", await SaysAsync(bot, world, world.Alice, "memories"));                   // revealed rounds
        Assert.Contains("apart", await SaysAsync(bot, world, world.Bob, "couple"));
        Assert.Contains("apart", await SaysAsync(bot, world, world.Bob, "us"));                          // clocks and visit
        Assert.Contains("invited", await SaysAsync(bot, world, world.Alice, "this-or-that"));           // a format of its own

        var admin = Operators.Admins.AddAdmin(world);                                                    // operators' counts
        var doctor = await Operators.Admins.AdminAsync(world, admin, "doctor");
        Assert.Contains("Database", doctor);
        Assert.DoesNotContain("Could not check", doctor);                                                // every check ran
        Assert.Contains("Deliveries waiting", await Operators.Admins.AdminAsync(world, admin, "status"));
        Assert.Contains("**off**", await Operators.Admins.SwitchAsync(world, admin, "nudges", false));

        await bot.AtAsync(Instant.FromUtc(2026, 6, 7, 20, 0));                                           // Sunday: prompts, ritual, week card
        await bot.AtAsync(Instant.FromUtc(2026, 6, 8, 0, 0));                                            // Bob's 20:00 in New York
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => m.Attachments.Any(a => a.FileName == "our-week.png")));
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("This week's ritual"));

        var export = await world.ReplyAsync(await world.CommandAsync(world.Bob, "privacy", new FakeOption("export", 1, null, [])));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => m.Attachments.Count == 2));
        var files = bot.Fake.DirectMessagesTo(world.Bob).Last(m => m.Attachments.Count == 2).Attachments;
        Assert.Contains("You called at midnight", System.Text.Encoding.UTF8.GetString(files.Single(f => f.FileName == "our-story.md").Data));
        Assert.True(export.Ephemeral);

        var confirm = await world.ReplyAsync(await world.CommandAsync(world.Alice, "privacy", new FakeOption("delete", 1, null, [])));
        await world.ClickAsync(world.Alice, confirm, "privacy.delete");
        await using var connection = await db.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM answers WHERE user_id = @id", new { id = world.Alice.Id }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM checkins WHERE user_id = @id", new { id = world.Alice.Id }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pulses WHERE user_id = @id", new { id = world.Alice.Id }));
        Assert.Null(await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(world.Bob.Id, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TempDatabase.Providers), MemberType = typeof(TempDatabase))]
    public async Task A_harder_week_with_a_space_a_server_deck_notes_overnight_nudges_a_pause_and_a_goodbye_works_the_same_on(string provider)
    {
        using var db = new TempDatabase(provider);
        await using var bot = await BotHarness.StartOnAsync(db, clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var settings = bot.Services.GetRequiredService<SettingsService>();
        await settings.UpdateAsync(world.Alice.Id, DateTimeZone.Utc, new LocalTime(20, 0), CheckInDays.Every);
        await settings.UpdateAsync(world.Bob.Id, DateTimeZoneProviders.Tzdb["Asia/Tokyo"], new LocalTime(8, 0), CheckInDays.Every);

        var space = await SpaceFlowTests.OpenSpaceAsync(bot, world);                                        // spaces
        var admin = Operators.Admins.AddAdmin(world);
        Assert.Contains("Added", await SaysAsync(bot, world, admin, "deck", new FakeOption("add", 1, null,
            [new FakeOption("category", 3, "fun"), new FakeOption("depth", 4, 1), new FakeOption("text", 3, "Which snack would you bring to a desert island picnic?")])));
        Assert.Contains("desert island", await SaysAsync(bot, world, admin, "deck", new FakeOption("list", 1, null, [])));

        // A question in the space, answered by one; a note for the other's morning, a thought, a repair kit, a guess.
        await SaysAsync(bot, world, world.Alice, "question");
        await bot.Fake.WaitUntilAsync(() => bot.Fake.MessagesIn(space.Id).Any(m => m.Components.ToJsonString().Contains("q.answer")));
        var card = QuestionFlowTests.LatestCard(bot.Fake, space.Id);
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "kept for later"));
        Assert.Contains("Your note will reach", await SaysAsync(bot, world, world.Alice, "note", Sub("later", ("message", "Good morning from yesterday"))));
        await SaysAsync(bot, world, world.Alice, "thinking");
        await SaysAsync(bot, world, world.Bob, "repair");
        await SaysAsync(bot, world, world.Bob, "guess");

        // Bob's morning in Tokyo: his check-in and the note; half an hour later (awake), one nudge; he presses Not yet.
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 23, 0));                                            // 08:00 in Tokyo
        await bot.Fake.WaitUntilAsync(() => World.Everything(bot.Fake).Contains("Good morning from yesterday"));
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 23, 30));
        await bot.Fake.WaitUntilAsync(() => World.Everything(bot.Fake).Contains("answered today's question"));
        await world.ClickAsync(world.Bob, QuestionFlowTests.LatestCard(bot.Fake, space.Id), "q.later");
        await bot.DeliverAsync();
        Assert.Contains("” for another day", World.Everything(bot.Fake));                                 // Alice is told gently
        Assert.DoesNotContain("kept for later", World.Everything(bot.Fake));                               // never revealed

        // A pause and its end; then a goodbye that closes the space and starts nothing new.
        Assert.Contains("Paused until", await SaysAsync(bot, world, world.Bob, "pause", new FakeOption("days", 4, 3)));
        await SaysAsync(bot, world, world.Bob, "resume");
        var unpair = await world.ReplyAsync(await world.CommandAsync(world.Alice, "unpair"));
        await world.ClickAsync(world.Alice, unpair, "pair.unpair");
        await bot.DeliverAsync();
        Assert.Null(await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(world.Bob.Id, CancellationToken.None));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.FindChannel(space.Id) is null);   // read under the fake's lock, not its list
    }
}
