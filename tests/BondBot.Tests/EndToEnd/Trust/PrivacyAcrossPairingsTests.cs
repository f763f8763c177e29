using BondBot.FakeDiscord;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.Trust;

/// <summary>Nothing crosses from one pairing to the next: erase, re-pairing, pulse, insights, spaces.</summary>
public sealed class PrivacyAcrossPairingsTests
{
    private static FakeOption Sub(string name) => new(name, 1, null, []);

    private static async Task EraseAsync(BotHarness bot, World world, FakeUser user)
    {
        var confirm = await world.ReplyAsync(await world.CommandAsync(user, "privacy", Sub("delete")));
        var done = await world.ClickAsync(user, confirm, "privacy.delete");
        Assert.Contains("everything I stored about you is deleted", done.Content);
        await bot.DeliverAsync();
    }

    private static async Task UnpairAsync(World world, FakeUser user)
    {
        var ask = await world.ReplyAsync(await world.CommandAsync(user, "unpair"));
        var done = await world.ClickAsync(user, ask, "pair.unpair");
        Assert.Contains("has ended", done.Content);
    }

    [Fact]
    public async Task Both_partners_can_erase_one_after_the_other_and_nothing_of_either_stays()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "alice-words"));
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestCard(bot.Fake, world.General.Id), "bob-words"));

        await EraseAsync(bot, world, world.Alice);
        await EraseAsync(bot, world, world.Bob);     // the second erase used to fail on CHECK (user_a <> user_b)

        await using var connection = await bot.Database.Connections.OpenAsync();
        foreach (var id in new[] { world.Alice.Id, world.Bob.Id })
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE user_id = @id", new { id }));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pairs WHERE user_a = @id OR user_b = @id", new { id }));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM answers WHERE user_id = @id", new { id }));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE recipient_id = @id", new { id }));
        }
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM round_cards"));
        // An erased pair row blocks nothing later: Alice comes back and pairs again.
        bot.Clock.Advance(Duration.FromMinutes(1));
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        Assert.NotNull(await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(world.Bob.Id));
    }

    [Fact]
    public async Task A_check_in_redone_after_re_pairing_the_same_day_never_edits_the_former_partners_card()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await (CheckInFlowTests.CheckInAsync(world, world.Alice, 4, "for-bob", "x"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("for-bob")));
        var bobsCard = bot.Fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains("for-bob"));

        await UnpairAsync(world, world.Alice);
        bot.Clock.Advance(Duration.FromMinutes(5));
        await PairingFlowTests.PairAsync(world, world.Alice, world.Carol);
        await (CheckInFlowTests.CheckInAsync(world, world.Alice, 2, "for-carol", "y"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Carol).Any(m => World.Text(m).Contains("for-carol")));
        await bot.DeliverAsync();

        Assert.Equal(0, bobsCard.EditCount);
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("for-carol"));
    }

    [Fact]
    public async Task A_new_partner_sees_pulse_ratings_and_moods_only_from_their_own_pairing()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 10, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await PulseFlowTests.AnswerPulseAsync(world, world.Alice, 1, 1, 1, 1, 1, 1);                 // with Bob
        await (CheckInFlowTests.CheckInAsync(world, world.Alice, 1, "with bob", "x"));
        await UnpairAsync(world, world.Alice);

        bot.Clock.Advance(Duration.FromMinutes(5));
        await PairingFlowTests.PairAsync(world, world.Alice, world.Carol);
        var carol = World.Text(await PulseFlowTests.AnswerPulseAsync(world, world.Carol, 5, 5, 5, 5, 5, 5));
        Assert.DoesNotContain($"<@{world.Alice.Id}> `", carol);        // Alice's June ratings were given with Bob
        Assert.Contains("once they've answered", carol);

        var insights = World.Text(await world.ReplyAsync(await world.CommandAsync(world.Carol, "insights")));
        Assert.Contains($"<@{world.Alice.Id}> no check-ins shared yet", insights);   // her mood with Bob is not Carol's to see
        Assert.Contains("Streak: Starts the first day you both check in", insights);

        var again = World.Text(await PulseFlowTests.AnswerPulseAsync(world, world.Alice, 4, 4, 4, 4, 4, 4));
        Assert.Contains($"<@{world.Carol.Id}> `■■■■■` 5", again);          // within this pairing: side by side
    }

    [Fact]
    public async Task Unpairing_deletes_the_private_space_and_tells_both_partners()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var space = await SpaceFlowTests.OpenSpaceAsync(bot, world);

        await UnpairAsync(world, world.Bob);
        await bot.DeliverAsync();

        Assert.DoesNotContain(world.Guild.Channels, c => c.Id == space.Id);
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("private space you shared is closed"));
        await using var connection = await bot.Database.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM spaces"));
    }

    [Fact]
    public async Task Erasing_deletes_the_space_too()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var space = await SpaceFlowTests.OpenSpaceAsync(bot, world);

        await EraseAsync(bot, world, world.Alice);

        Assert.DoesNotContain(world.Guild.Channels, c => c.Id == space.Id);
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("deleted their BondBot data"));
    }

    [Fact]
    public async Task A_space_someone_else_was_let_into_is_left_and_both_are_told_why()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);
        var space = await SpaceFlowTests.OpenSpaceAsync(bot, world);
        space.PermissionOverwrites.Add(new FakeOverwrite(world.Carol.Id, 1, FakePermissions.ViewChannel, 0));   // an admin widens it

        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "alice-private"));
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestCard(bot.Fake, world.General.Id), "bob-private"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("bob-private")));
        await bot.DeliverAsync();

        Assert.DoesNotContain(bot.Fake.MessagesIn(space.Id), m => World.Text(m).Contains("private"));
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("alice-private"));
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("changed who can see your private space"));
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("changed who can see your private space"));
    }

    [Fact]
    public async Task A_space_opens_only_after_the_partner_agrees_and_not_now_leaves_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        await world.ReplyAsync(await world.CommandAsync(world.Alice, "space", Sub("open")));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("A private space for the two of you?")));
        var request = bot.Fake.DirectMessagesTo(world.Bob).Last(m => World.Text(m).Contains("A private space for the two of you?"));
        Assert.Contains("this server's admins", World.Text(request));
        var declined = await world.ClickAsync(world.Bob, request, "space.notnow");
        Assert.Contains("No space was opened", declined.Content);
        await bot.DeliverAsync();
        Assert.DoesNotContain(world.Guild.Channels, c => c.Name == "alice-and-bob");
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("would rather not open a private space"));
    }

    [Fact]
    public async Task What_was_still_waiting_for_a_partner_is_dropped_when_the_pair_ends()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        world.Bob.DmsOpen = false;
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "appreciate", new FakeOption("note", 3, "held-note")));
        await bot.DeliverAsync();                                 // held: Bob's DMs are closed

        await UnpairAsync(world, world.Alice);
        await bot.DeliverAsync();                                 // the notice is held too, before Bob comes back
        world.Bob.DmsOpen = true;
        await world.ReplyAsync(await world.CommandAsync(world.Bob, "help"));   // Bob is back: what is held for him is released
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("has ended your pairing")));
        await bot.DeliverAsync();

        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("held-note"));
    }
}
