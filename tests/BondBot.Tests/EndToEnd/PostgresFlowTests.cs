using BondBot.FakeDiscord;
using BondBot.Features.Settings;
using BondBot.Storage;
using BondBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static BondBot.Tests.EndToEnd.QuestionFlowTests;

namespace BondBot.Tests.EndToEnd;

/// <summary>
/// A whole BondBot on PostgreSQL (real server, fake Discord on loopback): the flows that touch the most tables
/// behave as they do on SQLite — pairing, a question round with its reveal (also with both answers racing), and
/// the daily check-in prompt at the person's local time.
/// </summary>
public sealed class PostgresFlowTests
{
    [Fact]
    public async Task On_postgres_invite_then_accept_pairs_both_and_welcomes_them()
    {
        using var db = new TempDatabase(DatabaseOptions.Postgres);
        await using var bot = await BotHarness.StartOnAsync(db);
        var world = new World(bot.Fake);

        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("You're paired")));
        await using var connection = await db.Connections.OpenAsync();
        Assert.Equal(2, await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT COUNT(*) FROM pair_members WHERE active = 1"));
    }

    [Fact]
    public async Task On_postgres_a_question_round_stays_locked_until_both_answered_then_reveals_once_to_each()
    {
        using var db = new TempDatabase(DatabaseOptions.Postgres);
        await using var bot = await BotHarness.StartOnAsync(db);
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "question"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => m.Components.ToJsonString().Contains("q.answer")));

        const string bobsAnswer = "Bob's private thought about sunsets";
        var saved = await world.ReplyAsync(await AnswerAsync(world, world.Bob, LatestDmCard(bot.Fake, world.Bob), bobsAnswer));
        Assert.Contains("hidden", saved.Content);
        Assert.DoesNotContain(bobsAnswer, World.Everything(bot.Fake));

        const string alicesAnswer = "Alice remembers the train station";
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => m.Components.ToJsonString().Contains("q.answer")));
        var revealed = await world.ReplyAsync(await AnswerAsync(world, world.Alice, LatestDmCard(bot.Fake, world.Alice), alicesAnswer));
        Assert.Contains("both answered", revealed.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains(alicesAnswer)));
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains(bobsAnswer));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains(alicesAnswer));
    }

    [Fact]
    public async Task On_postgres_both_partners_answering_at_once_get_exactly_one_reveal_each()
    {
        using var db = new TempDatabase(DatabaseOptions.Postgres);
        await using var bot = await BotHarness.StartOnAsync(db);
        var world = new World(bot.Fake);
        var card = await OpenQuestionAsync(world);

        var aPress = await bot.Fake.ClickButtonAsync(world.Alice, card, AnswerButton(card));
        var bPress = await bot.Fake.ClickButtonAsync(world.Bob, card, AnswerButton(card));
        await Task.WhenAll(aPress.FirstResponse, bPress.FirstResponse).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(
            bot.Fake.SubmitModalAsync(world.Alice, aPress, new Dictionary<string, string> { ["answer"] = "alice-race" }),
            bot.Fake.SubmitModalAsync(world.Bob, bPress, new Dictionary<string, string> { ["answer"] = "bob-race" }));

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("bob-race")));
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("bob-race"));
        Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("alice-race"));
    }

    [Fact]
    public async Task On_postgres_the_check_in_prompt_arrives_once_at_the_persons_local_time()
    {
        using var db = new TempDatabase(DatabaseOptions.Postgres);
        await using var bot = await BotHarness.StartOnAsync(db, clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await bot.Services.GetRequiredService<SettingsService>()
            .UpdateAsync(world.Alice.Id, DateTimeZoneProviders.Tzdb["Europe/Berlin"], new LocalTime(20, 0), CheckInDays.Every);

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 17, 59));
        Assert.Equal(0, Prompts(bot.Fake, world.Alice));
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 18, 0));
        await bot.Fake.WaitUntilAsync(() => Prompts(bot.Fake, world.Alice) == 1);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 18, 5));   // a later pass the same evening sends nothing more
        Assert.Equal(1, Prompts(bot.Fake, world.Alice));
        Assert.Equal(0, Prompts(bot.Fake, world.Bob));
    }

    private static string AnswerButton(FakeMessage card) => World.CustomIds(card).First(id => id.StartsWith("q.answer", StringComparison.Ordinal));

    private static int Prompts(FakeDiscordServer fake, FakeUser user) =>
        fake.DirectMessagesTo(user).Count(m => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal));
}
