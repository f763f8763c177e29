using System.Text;
using System.Text.Json.Nodes;
using BondBot.Features.Appreciation;
using BondBot.Features.CheckIns;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Tests.EndToEnd;

public sealed class PrivacyFlowTests
{
    /// <summary>Alice and Bob with a revealed round, an open round only Bob answered, check-ins and notes both ways.</summary>
    private static async Task<World> SeedAsync(BotHarness bot)
    {
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var services = bot.Services;
        var pair = (await services.GetRequiredService<PairingService>().GetActivePairAsync(world.Alice.Id))!;
        var questions = services.GetRequiredService<QuestionService>();
        var revealed = (await questions.OpenAsync(pair, null, new("fun", 1))).Round!;
        await questions.SubmitAsync(revealed.RoundId, world.Alice.Id, "alice-revealed-answer");
        await questions.SubmitAsync(revealed.RoundId, world.Bob.Id, "bob-revealed-answer");
        var open = (await questions.OpenAsync(pair, null, new("trust", 2))).Round!;
        await questions.SubmitAsync(open.RoundId, world.Bob.Id, "bob-secret-unrevealed");
        await services.GetRequiredService<CheckInService>().RecordMoodAsync(world.Alice.Id, 4);
        await services.GetRequiredService<CheckInService>().RecordMoodAsync(world.Bob.Id, 3);
        var notes = services.GetRequiredService<AppreciationRepository>();
        await notes.AddAsync(pair.PairId, world.Alice.Id, world.Bob.Id, "alice-thanks-bob", bot.Clock.GetCurrentInstant(), _ => []);
        await notes.AddAsync(pair.PairId, world.Bob.Id, world.Alice.Id, "bob-thanks-alice", bot.Clock.GetCurrentInstant(), _ => []);
        return world;
    }

    [Fact]
    public async Task Export_sends_everything_about_the_person_by_dm_but_never_the_partners_unrevealed_answer()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = await SeedAsync(bot);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "privacy", new FakeDiscord.FakeOption("export", 1, null, [])));
        Assert.Equal("Sent to your DMs with BondBot 📬", reply.Content);

        var file = bot.Fake.DirectMessagesTo(world.Alice).Single(m => m.Attachments.Count > 0).Attachments.Single(a => a.FileName == "bondbot-export.json");
        Assert.Equal("bondbot-export.json", file.FileName);
        var text = Encoding.UTF8.GetString(file.Data);
        var json = JsonNode.Parse(text)!;
        Assert.Equal(world.Alice.Id.ToString(), json["user_id"]!.GetValue<string>());
        Assert.Contains("alice-revealed-answer", text);
        Assert.Contains("bob-revealed-answer", text);                 // revealed: hers to keep
        Assert.DoesNotContain("bob-secret-unrevealed", text);         // never before both answered
        Assert.Contains("alice-thanks-bob", text);
        Assert.Contains("bob-thanks-alice", text);
        Assert.Single(json["checkins"]!.AsArray());
        Assert.Equal(world.Bob.Id.ToString(), json["pairings"]![0]!["partner_id"]!.GetValue<string>());
        // What BondBot sent her is hers too: the welcome and reveal deliveries, without their text.
        Assert.Contains(json["deliveries_to_you"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "reveal");
        Assert.Contains(json["deliveries_to_you"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "paired");
        foreach (var section in new[] { "prompts_sent_to_you", "deck_questions_you_added", "spaces", "invites_you_refused" })
            Assert.NotNull(json[section]);
    }

    [Fact]
    public async Task Export_lists_the_care_message_the_deck_questions_added_and_the_space()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await SpaceFlowTests.OpenSpaceAsync(bot, world);
        world.Guild.Members[world.Alice.Id] |= FakeDiscord.FakePermissions.ManageGuild;
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "deck", new FakeDiscord.FakeOption("add", 1, null,
            [new FakeDiscord.FakeOption("text", 3, "What would you bring to a picnic on the moon?"), new FakeDiscord.FakeOption("category", 3, "fun"), new FakeDiscord.FakeOption("depth", 4, 1)])));
        await bot.Services.GetRequiredService<BondBot.Features.Delivery.PromptLedger>()
            .TryRecordAsync(world.Alice.Id, new NodaTime.LocalDate(2026, 6, 1), BondBot.Features.Care.CareService.CareKind, "sent", bot.Clock.GetCurrentInstant());

        await world.ReplyAsync(await world.CommandAsync(world.Alice, "privacy", new FakeDiscord.FakeOption("export", 1, null, [])));
        var file = bot.Fake.DirectMessagesTo(world.Alice).Single(m => m.Attachments.Count > 0).Attachments.Single(a => a.FileName == "bondbot-export.json");
        var json = JsonNode.Parse(Encoding.UTF8.GetString(file.Data))!;

        Assert.Contains(json["prompts_sent_to_you"]!.AsArray(), p => p!["kind"]!.GetValue<string>() == "care");
        Assert.Contains(json["deck_questions_you_added"]!.AsArray(), q => q!["text"]!.GetValue<string>().Contains("picnic on the moon"));
        Assert.Single(json["spaces"]!.AsArray());
    }

    [Fact]
    public async Task Nothing_sent_after_an_erase_brings_back_a_row_for_the_erased_person()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = await SeedAsync(bot);
        var confirm = await world.ReplyAsync(await world.CommandAsync(world.Alice, "privacy", new FakeDiscord.FakeOption("delete", 1, null, [])));
        await world.ClickAsync(world.Alice, confirm, "privacy.delete");

        world.Alice.DmsOpen = false;
        var dms = bot.Services.GetRequiredService<BondBot.Features.Delivery.DirectMessenger>();
        await dms.SendAsync(world.Alice.Id, new BondBot.Discord.MessagePayload { Content = "anyone there?" });   // refused: closed DMs
        world.Alice.DmsOpen = true;
        await dms.SendAsync(world.Alice.Id, new BondBot.Discord.MessagePayload { Content = "hello again" });      // delivered: a new DM channel
        await bot.RunSchedulerAsync();
        await bot.DeliverAsync();

        await using var connection = await bot.Database.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE user_id = @id", new { id = world.Alice.Id }));
    }

    [Fact]
    public async Task Delete_asks_first_removes_everything_of_that_person_ends_the_pair_and_keeps_the_partners_data()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = await SeedAsync(bot);

        var confirm = await world.ReplyAsync(await world.CommandAsync(world.Alice, "privacy", new FakeDiscord.FakeOption("delete", 1, null, [])));
        var button = confirm.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var intruder = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Carol, confirm, button));
        Assert.Contains("Only the person who asked", intruder.Content);
        await (await bot.Fake.ClickButtonAsync(world.Alice, confirm, button)).FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("deleted their BondBot data")));

        await using var connection = await bot.Database.Connections.OpenAsync();
        var alice = world.Alice.Id;
        foreach (var (table, column) in new[] { ("users", "user_id"), ("answers", "user_id"), ("checkins", "user_id"), ("pulses", "user_id"),
                     ("prompt_ledger", "user_id"), ("pair_members", "user_id"), ("pair_invites", "inviter_id"), ("pair_invites", "invitee_id"),
                     ("appreciations", "from_user"), ("appreciations", "to_user"), ("pairs", "user_a"), ("pairs", "user_b") })
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {table} WHERE {column} = @alice", new { alice }));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM answers WHERE user_id = @bob", new { bob = world.Bob.Id }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM checkins WHERE user_id = @bob", new { bob = world.Bob.Id }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM appreciations WHERE text = 'bob-thanks-alice'"));
        Assert.Null(await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(world.Bob.Id));
    }
}
