using BondBot.Features.Appreciation;
using BondBot.Features.CheckIns;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

public sealed class InsightsFlowTests
{
    [Fact]
    public async Task Insights_show_streaks_depth_moods_as_sparklines_and_notes_for_a_seeded_history()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 10, 12, 0)));
        var world = new World(bot.Fake);
        var services = bot.Services;
        var checkIns = services.GetRequiredService<CheckInService>();
        var today = new LocalDate(2026, 6, 10);
        await checkIns.RecordNotesAsync(world.Alice.Id, today.PlusDays(-5), 5, "before Bob", null, null);   // before the pairing
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var pair = (await services.GetRequiredService<PairingService>().GetActivePairAsync(world.Alice.Id))!;
        await checkIns.RecordNotesAsync(world.Alice.Id, today.PlusDays(-3), 1, null, null, null);   // shared with Bob
        await checkIns.RecordNotesAsync(world.Alice.Id, today.PlusDays(-2), 5, null, null, null);
        await checkIns.RecordNotesAsync(world.Alice.Id, today.PlusDays(-1), 1, null, null, null);
        await checkIns.RecordMoodAsync(world.Alice.Id, 3, today);                                  // a mood only, never shared
        await checkIns.RecordMoodAsync(world.Bob.Id, 4, today.PlusDays(-2));
        await checkIns.RecordMoodAsync(world.Bob.Id, 4, today.PlusDays(-1));
        await checkIns.RecordMoodAsync(world.Bob.Id, 2, today);
        var questions = services.GetRequiredService<QuestionService>();
        var round = (await questions.OpenAsync(pair, null, new("fun", 1))).Round!;
        await questions.SubmitAsync(round.RoundId, world.Alice.Id, "a");
        await questions.SubmitAsync(round.RoundId, world.Bob.Id, "b");
        var unrevealed = (await questions.OpenAsync(pair, null, new("trust", 3))).Round!;
        await questions.SubmitAsync(unrevealed.RoundId, world.Alice.Id, "only mine");
        await services.GetRequiredService<AppreciationRepository>().AddAsync(pair.PairId, world.Alice.Id, world.Bob.Id, "thanks", bot.Clock.GetCurrentInstant(), _ => []);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Bob, "insights"));
        var text = World.Text(reply);

        Assert.True(reply.Ephemeral);
        // Bob sees Alice's moods only as far as her check-ins were shared with him, since they paired.
        Assert.Contains($"<@{world.Alice.Id}> `{new string(' ', 26)}▁█▁ `", text);
        Assert.Contains($"<@{world.Bob.Id}> `{new string(' ', 27)}▆▆▃`", text);   // his own, shared or not
        Assert.Contains("3 days (best 3 days)", text);                 // both checked in on each of the last three days
        Assert.Contains("1 question · Light 1", text);             // the unrevealed deep one does not count
        Assert.DoesNotContain("Deepest", text);
        Assert.Contains("1 this week", text);
    }

    [Fact]
    public async Task A_new_pair_sees_friendly_empty_states_not_a_lone_sparkline()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 10, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await bot.Services.GetRequiredService<CheckInService>().RecordNotesAsync(world.Alice.Id, new LocalDate(2026, 6, 10), 4, null, null, null);

        var text = World.Text(await world.ReplyAsync(await world.CommandAsync(world.Alice, "insights")));

        Assert.Contains("Streak: Starts the first day you both check in", text);
        Assert.Contains($"<@{world.Alice.Id}> 1 check-in so far — the line appears after three", text);
        Assert.Contains($"<@{world.Bob.Id}> no check-ins shared yet — the line appears after three", text);
        Assert.Contains("No questions revealed yet", text);
        Assert.Contains("Appreciation notes: None yet", text);
        Assert.DoesNotContain("`  ", text);                       // no blank sparkline block
        Assert.DoesNotContain(" 0 days", text);
    }

    [Fact]
    public async Task Unpaired_people_are_pointed_to_pairing()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.DmCommandAsync(world.Carol, "insights"));

        Assert.Contains("pair up first", reply.Content);
    }
}
