using BondBot.FakeDiscord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Notes;
using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using BondBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.LongDistance;

/// <summary>Issue 14, notes that arrive at the right moment and a one-tap "thinking of you": Alice in Berlin, Bob in
/// Los Angeles (nine hours behind her in June).</summary>
public sealed class NotesTests
{
    // Mon 1 June 2026, 20:00 UTC: 22:00 for Alice in Berlin, 13:00 for Bob in Los Angeles.
    private static readonly Instant Evening = Instant.FromUtc(2026, 6, 1, 20, 0);
    // Bob's next morning (Tue 08:00 in Los Angeles) and Alice's (Tue 08:00 in Berlin), in UTC.
    private static readonly Instant BobsMorning = Instant.FromUtc(2026, 6, 2, 15, 0);
    private static readonly Instant AlicesMorning = Instant.FromUtc(2026, 6, 2, 6, 0);

    private static FakeOption Sub(string name, params (string Name, string Value)[] options) =>
        new(name, 1, null, options.Select(o => new FakeOption(o.Name, 3, o.Value)).ToArray());

    private static async Task<World> PairAsync(BotHarness bot, World? world = null, LocalTime? bobsCheckIn = null)
    {
        world ??= new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var settings = bot.Services.GetRequiredService<SettingsService>();
        await settings.UpdateAsync(world.Alice.Id, DateTimeZoneProviders.Tzdb["Europe/Berlin"], null, null);
        await settings.UpdateAsync(world.Bob.Id, DateTimeZoneProviders.Tzdb["America/Los_Angeles"], bobsCheckIn, null);
        await bot.DeliverAsync();
        return world;
    }

    private static List<FakeMessage> Containing(FakeDiscordServer fake, FakeUser user, string text) =>
        fake.DirectMessagesTo(user).Where(m => World.Text(m).Contains(text, StringComparison.Ordinal)).ToList();

    private static async Task<FakeMessage> NoteLaterAsync(World world, string text)
    {
        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "note", Sub("later", ("message", text))));
        Assert.True(reply.Ephemeral);
        return reply;
    }

    [Fact]
    public async Task Note_later_from_Berlin_arrives_at_Bobs_morning_in_Los_Angeles_not_at_Alices_and_only_once()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Evening));
        var world = await PairAsync(bot);

        var reply = await NoteLaterAsync(world, "Good morning, sleepyhead");
        Assert.Contains("Tue 08:00 their time", reply.Content);
        Assert.Contains("Tue 17:00 your time", reply.Content);
        Assert.Contains($"<t:{BobsMorning.ToUnixTimeSeconds()}:F>", reply.Content);

        await bot.DeliverAsync();
        await bot.AtAsync(AlicesMorning);
        await bot.AtAsync(BobsMorning - Duration.FromMinutes(1));
        Assert.Empty(Containing(bot.Fake, world.Bob, "Good morning, sleepyhead"));

        await bot.AtAsync(BobsMorning);
        await bot.AtAsync(BobsMorning + Duration.FromDays(1));
        var note = Assert.Single(Containing(bot.Fake, world.Bob, "Good morning, sleepyhead"));
        Assert.Contains($"From <@{world.Alice.Id}>", World.Text(note));
    }

    [Fact]
    public async Task Note_later_survives_a_restart_and_arrives_once_at_Bobs_chosen_check_in_time()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MessageCreateLimit = 50, MessageEditLimit = 50 });
        var db = new Support.TempDatabase();
        var clock = new FakeClock(Evening);
        var world = new World(fake);
        await using (var first = await BotHarness.StartAsync(fake, db, clock: clock))
        {
            await PairAsync(first, world, bobsCheckIn: new LocalTime(9, 30));
            var reply = await NoteLaterAsync(world, "Kept across a restart");
            Assert.Contains("Tue 09:30 their time", reply.Content);
        }   // the host stops with the note still waiting

        var checkIn = Instant.FromUtc(2026, 6, 2, 16, 30);   // 09:30 in Los Angeles
        await using (var second = await BotHarness.StartAsync(fake, db, clock: clock))
        {
            await second.AtAsync(checkIn - Duration.FromMinutes(1));
            Assert.Empty(Containing(fake, world.Bob, "Kept across a restart"));
            await second.AtAsync(checkIn);
            await second.AtAsync(checkIn + Duration.FromHours(2));
        }
        Assert.Single(Containing(fake, world.Bob, "Kept across a restart"));
        db.Dispose();
    }

    [Fact]
    public async Task Note_later_still_waiting_when_the_pair_ends_is_never_sent()
    {
        Assert.DoesNotContain(OutboxKinds.Note, OutboxKinds.SurvivePairEnd);
        Assert.DoesNotContain(OutboxKinds.NoteEnvelope, OutboxKinds.SurvivePairEnd);
        Assert.DoesNotContain(OutboxKinds.ThinkingOfYou, OutboxKinds.SurvivePairEnd);
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Evening));
        var world = await PairAsync(bot);
        await NoteLaterAsync(world, "Words for a pairing that ends");

        var ask = await world.ReplyAsync(await world.CommandAsync(world.Alice, "unpair"));
        await world.ClickAsync(world.Alice, ask, "pair.unpair");
        await bot.AtAsync(BobsMorning);
        await bot.AtAsync(BobsMorning + Duration.FromDays(1));

        Assert.DoesNotContain("Words for a pairing that ends", World.Everything(bot.Fake));
    }

    [Fact]
    public async Task A_note_of_1500_characters_goes_and_one_of_1501_is_refused_with_the_words_given_back_and_nothing_sent()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Evening));
        var world = await PairAsync(bot);
        var longest = "L" + new string('o', NoteCommand.MaxText - 2) + "!";
        var tooLong = "T" + new string('o', NoteCommand.MaxText - 1) + "!";

        Assert.Contains("Your note will reach", (await NoteLaterAsync(world, longest)).Content);
        var refused = await NoteLaterAsync(world, tooLong);
        Assert.Contains($"1 to {NoteCommand.MaxText} characters", refused.Content);
        await bot.AtAsync(BobsMorning);

        Assert.Single(Containing(bot.Fake, world.Bob, longest));
        Assert.Empty(Containing(bot.Fake, world.Bob, "T" + new string('o', 100)));
    }

    [Fact]
    public async Task A_later_note_is_in_both_exports_once_delivered_and_the_senders_erase_stops_one_still_waiting()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Evening));
        var world = await PairAsync(bot);
        await NoteLaterAsync(world, "delivered-later-words");
        await bot.AtAsync(BobsMorning);
        Assert.Single(Containing(bot.Fake, world.Bob, "delivered-later-words"));

        foreach (var user in new[] { world.Alice, world.Bob })
            Assert.Contains("delivered-later-words", await PrivacyExportAsync(world, user));

        await NoteLaterAsync(world, "words-still-waiting");
        var confirm = await world.ReplyAsync(await world.CommandAsync(world.Alice, "privacy", new FakeOption("delete", 1, null, [])));
        await world.ClickAsync(world.Alice, confirm, "privacy.delete");
        await bot.AtAsync(BobsMorning + Duration.FromDays(1));
        await bot.AtAsync(BobsMorning + Duration.FromDays(2));

        Assert.DoesNotContain("words-still-waiting", World.Everything(bot.Fake));
        Assert.DoesNotContain("delivered-later-words", await PrivacyExportAsync(world, world.Bob));   // hers, erased with her
    }

    private static async Task<string> PrivacyExportAsync(World world, FakeUser user)
    {
        var before = world.Fake.DirectMessagesTo(user).Count(m => m.Attachments.Count > 0);
        await world.ReplyAsync(await world.CommandAsync(user, "privacy", new FakeOption("export", 1, null, [])));
        await world.Fake.WaitUntilAsync(() => world.Fake.DirectMessagesTo(user).Count(m => m.Attachments.Count > 0) > before);
        var file = world.Fake.DirectMessagesTo(user).Last(m => m.Attachments.Count > 0).Attachments.Single(a => a.FileName == "bondbot-export.json");
        return System.Text.Encoding.UTF8.GetString(file.Data);
    }

    [Fact]
    public async Task Mentions_in_a_note_never_ping_and_the_words_arrive_as_a_quote()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Evening));
        var world = await PairAsync(bot);
        await NoteLaterAsync(world, $"@everyone and <@{world.Carol.Id}> should not hear this");
        await bot.AtAsync(BobsMorning);

        var note = Assert.Single(Containing(bot.Fake, world.Bob, "should not hear this"));
        Assert.Contains($"> @everyone and <@{world.Carol.Id}> should not hear this", World.Text(note));
        Assert.NotNull(note.AllowedMentions);
        Assert.Empty(note.AllowedMentions!["parse"]!.AsArray());
        Assert.Null(note.AllowedMentions["users"]);
    }

    [Fact]
    public async Task Sealed_note_shows_its_words_only_when_Bob_presses_open_Alice_cannot_open_it_and_is_told_once()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Evening));
        var world = await PairAsync(bot);
        const string secret = "the-sealed-words-inside";
        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "note", Sub("sealed", ("label", "you miss me"), ("message", secret))));
        Assert.True(reply.Ephemeral);
        await bot.DeliverAsync();

        var envelope = Assert.Single(Containing(bot.Fake, world.Bob, "💌 Open when: you miss me"));
        Assert.DoesNotContain(secret, World.Everything(bot.Fake));
        Assert.Empty(envelope.AllowedMentions!["parse"]!.AsArray());                         // a label can't ping either
        var data = bot.Services.GetServices<IPersonalData>().OfType<NotePersonalData>().Single();
        var pair = (await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(world.Alice.Id))!;
        Assert.DoesNotContain(secret, await ExportAsync(bot, data, world.Bob, pair));

        var refused = await world.ClickAsync(world.Alice, envelope, NoteCards.OpenPrefix);
        Assert.True(refused.Ephemeral);
        Assert.True(refused.Content!.Contains("theirs alone"), bot.Errors.ToString());
        Assert.DoesNotContain(secret, World.Everything(bot.Fake));

        // A double press: both clicks leave before either is answered; both show the words, Alice hears of it once.
        var open = World.CustomIds(envelope).Single(id => id.StartsWith(NoteCards.OpenPrefix, StringComparison.Ordinal));
        var presses = await Task.WhenAll(bot.Fake.ClickButtonAsync(world.Bob, envelope, open), bot.Fake.ClickButtonAsync(world.Bob, envelope, open));
        foreach (var press in presses)
            Assert.Equal(7, (await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10)))["type"]!.GetValue<int>());
        Assert.Contains(secret, World.Text(envelope));
        Assert.Empty(envelope.Components);
        Assert.Empty(envelope.AllowedMentions!["parse"]!.AsArray());                         // nor the words, once opened
        Assert.Contains(secret, await ExportAsync(bot, data, world.Bob, pair));
        Assert.Contains(secret, await ExportAsync(bot, data, world.Alice, pair));
        await bot.DeliverAsync();
        await bot.DeliverAsync();
        Assert.Single(Containing(bot.Fake, world.Alice, "opened the sealed note"));

        // Alice erases her data: the note she wrote goes with it.
        await using var connection = await bot.Database.Connections.OpenAsync();
        await using (var transaction = connection.BeginTransaction())
        {
            await data.EraseAsync(connection, transaction, new PersonalDataSubject(world.Alice.Id, [pair.PairId]), bot.Clock.GetCurrentInstant());
            transaction.Commit();
        }
        Assert.DoesNotContain(secret, await ExportAsync(bot, data, world.Bob, pair));
    }

    [Fact]
    public async Task Thinking_while_Bob_is_in_quiet_hours_is_held_until_his_morning_and_a_fourth_in_Alices_day_is_refused_and_sends_nothing()
    {
        // Mon 06:00 UTC: 08:00 for Alice, 23:00 (Sunday) for Bob, inside his quiet hours until 08:00 = 15:00 UTC.
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 6, 0)));
        var world = await PairAsync(bot);
        var quietEnds = Instant.FromUtc(2026, 6, 1, 15, 0);

        var held = await world.ReplyAsync(await world.CommandAsync(world.Alice, "thinking"));
        Assert.True(held.Ephemeral);
        Assert.Contains($"It'll reach them at <t:{quietEnds.ToUnixTimeSeconds()}:t> when their morning starts", held.Content);
        await bot.DeliverAsync();
        await bot.AtAsync(quietEnds - Duration.FromMinutes(1));
        Assert.Empty(Containing(bot.Fake, world.Bob, "is thinking of you"));
        var data = bot.Services.GetServices<IPersonalData>().OfType<NotePersonalData>().Single();
        var pair = (await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(world.Alice.Id))!;
        Assert.Contains("\"thinking_of_you_received\":[]", await ExportAsync(bot, data, world.Bob, pair));

        await bot.AtAsync(quietEnds);
        Assert.Contains($"\"from_user\":\"{world.Alice.Id}\"", await ExportAsync(bot, data, world.Bob, pair));
        var first = Assert.Single(Containing(bot.Fake, world.Bob, "is thinking of you"));
        Assert.Equal($"💭 <@{world.Alice.Id}> is thinking of you", first.Content);
        Assert.Empty(first.Components);   // nothing to answer
        Assert.Empty(first.AllowedMentions!["parse"]!.AsArray());

        foreach (var _ in Enumerable.Range(0, 2))
            Assert.Equal("Sent 💭", (await world.ReplyAsync(await world.CommandAsync(world.Alice, "thinking"))).Content);
        var fourth = await world.ReplyAsync(await world.CommandAsync(world.Alice, "thinking"));
        Assert.True(fourth.Ephemeral);
        Assert.Contains("I've passed on three today", fourth.Content);
        await bot.DeliverAsync();
        await bot.DeliverAsync();
        Assert.Equal(3, Containing(bot.Fake, world.Bob, "is thinking of you").Count);
        Assert.All(Containing(bot.Fake, world.Bob, "is thinking of you"), m => Assert.DoesNotMatch("[0-9]", m.Content!.Replace(world.Alice.Id.ToString(), "")));

        // Alice's next day (Berlin) has room again.
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 22, 30));
        Assert.Equal("Sent 💭", (await world.ReplyAsync(await world.CommandAsync(world.Alice, "thinking"))).Content);
    }

    [Fact]
    public async Task The_daily_check_in_carries_a_thinking_button_that_reaches_the_partner_and_an_unpaired_person_is_asked_to_pair()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Evening));
        var world = await PairAsync(bot, bobsCheckIn: new LocalTime(14, 0));
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 21, 0));   // 14:00 in Los Angeles; 23:00 for Alice, in her quiet hours

        var prompt = bot.Fake.DirectMessagesTo(world.Bob).Single(m => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal));
        var pressed = await world.ClickAsync(world.Bob, prompt, NoteCards.ThinkPrefix);
        Assert.True(pressed.Ephemeral);
        Assert.Contains("when their morning starts", pressed.Content);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 2, 6, 0));   // 08:00 in Berlin
        Assert.Single(Containing(bot.Fake, world.Alice, "is thinking of you"));

        var alone = await world.ReplyAsync(await world.CommandAsync(world.Carol, "thinking"));
        Assert.Contains("/pair", alone.Content);
        var note = await world.ReplyAsync(await world.CommandAsync(world.Carol, "note", Sub("later", ("message", "hello"))));
        Assert.Contains("/pair", note.Content);
    }

    [Fact]
    public async Task Sealed_note_in_the_pairs_space_opens_in_a_reply_only_Bob_sees_and_the_shared_post_stays_sealed()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Evening));
        var world = await PairAsync(bot);
        var space = await SpaceFlowTests.OpenSpaceAsync(bot, world);
        const string secret = "words-for-bob-alone";
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "note", Sub("sealed", ("label", "the call drops"), ("message", secret))));
        await bot.DeliverAsync();

        var envelope = Assert.Single(bot.Fake.MessagesIn(space.Id), m => World.Text(m).Contains("💌 Open when: the call drops", StringComparison.Ordinal));
        Assert.Contains("theirs alone", (await world.ClickAsync(world.Alice, envelope, NoteCards.OpenPrefix)).Content);
        var opened = await world.ClickAsync(world.Bob, envelope, NoteCards.OpenPrefix);
        Assert.True(opened.Ephemeral);
        Assert.Contains(secret, World.Text(opened));
        Assert.DoesNotContain(bot.Fake.AllMessages, m => !m.Ephemeral && World.Text(m).Contains(secret, StringComparison.Ordinal));
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.AllMessages, m => World.Text(m).Contains("opened the sealed note", StringComparison.Ordinal));
    }

    [Fact]
    public void Next_morning_moves_a_check_in_time_inside_quiet_hours_to_their_end_and_is_always_after_now()
    {
        var times = new NoteTimes(Microsoft.Extensions.Options.Options.Create(new BondBot.Features.Scheduling.SchedulerOptions()));
        var la = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        // A 06:30 check-in is inside 22:00–08:00: the note waits for 08:00.
        Assert.Equal(BobsMorning, times.NextMorning(Evening, la, new LocalTime(6, 30)));
        // At exactly 08:00 the next morning is tomorrow's, not this instant.
        Assert.Equal(BobsMorning + Duration.FromDays(1), times.NextMorning(BobsMorning, la, null));
        Assert.Equal(BobsMorning, times.NextMorning(BobsMorning - Duration.FromSeconds(1), la, null));
        Assert.Null(times.QuietUntil(BobsMorning, la));
        Assert.Equal(BobsMorning, times.QuietUntil(BobsMorning - Duration.FromHours(9), la));
    }

    private static async Task<string> ExportAsync(BotHarness bot, NotePersonalData data, FakeUser user, Pair pair)
    {
        await using var connection = await bot.Database.Connections.OpenAsync();
        var export = new PersonalDataExport();
        await data.ExportAsync(connection, new PersonalDataSubject(user.Id, [pair.PairId]), export);
        return export.Root.ToJsonString();
    }
}
