using System.Diagnostics;
using BondBot.FakeDiscord;
using BondBot.Features.Settings;
using BondBot.Hosting;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

/// <summary>Nothing lost, nothing doubled: fan-outs through gateway drops, 5xx bursts, 429 storms, a busy database
/// and a real process kill.</summary>
public sealed class FaultTests
{
    private static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(2.5);

    private static int Prompts(FakeDiscordServer fake, FakeUser user) =>
        fake.DirectMessagesTo(user).Count(m => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal));

    [Fact]
    public async Task A_fan_out_through_a_gateway_drop_server_errors_and_a_global_429_storm_delivers_each_prompt_once()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = 10 });
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0));
        await using var bot = await BotHarness.StartAsync(fake, clock: clock, settings: ["--Discord:GlobalRequestsPerSecond=10", "--Scheduler:Enabled=true"]);
        var people = Enumerable.Range(0, 30).Select(i => fake.AddUser($"p{i}")).ToList();
        foreach (var person in people)
            await bot.Services.GetRequiredService<SettingsService>().UpdateAsync(person.Id, DateTimeZone.Utc, new LocalTime(13, 0), CheckInDays.Every);

        clock.Reset(Instant.FromUtc(2026, 6, 1, 13, 0));
        await fake.WaitUntilAsync(() => people.Sum(p => Prompts(fake, p)) >= 5);
        await fake.DropGatewayAsync();
        fake.FailNextRequests(6, 503, "/messages");
        fake.ForceRateLimit("/messages", 1.5, scope: "global", global: true);
        fake.ForceRateLimit("/messages", 0.5);

        await fake.WaitUntilAsync(() => people.All(p => Prompts(fake, p) >= 1), TimeSpan.FromSeconds(60));
        await bot.RunSchedulerAsync();   // passes never overlap: when this one ends, nothing is still being resent
        Assert.All(people, p => Assert.Equal(1, Prompts(fake, p)));
        Assert.True(fake.Gateway.Resumes >= 1);
    }

    [Fact]
    public async Task Answers_survive_a_burst_of_server_errors_and_are_revealed_only_after_both()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);

        bot.Fake.FailNextRequests(2, 502, "/messages");   // card refreshes fail while the first answer is saved
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "alice-under-fire"));
        Assert.DoesNotContain("alice-under-fire", World.Everything(bot.Fake));

        // Each burst stays within the client's retry budget (3 retries); wait for the first to be used up so they never stack.
        await bot.Fake.WaitUntilAsync(() => bot.Fake.Requests.Count(r => r.Status == 502) >= 2);
        bot.Fake.FailNextRequests(2, 503, "/messages");   // and the reveal's first sends fail too
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, QuestionFlowTests.LatestCard(bot.Fake, world.General.Id), "bob-under-fire"));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("alice-under-fire")));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("bob-under-fire")));
    }

    [Fact]
    public async Task A_second_writer_holding_the_database_does_not_lose_a_check_in()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var prompt = await world.ReplyAsync(await world.DmCommandAsync(world.Alice, "checkin"));

        await using var blocker = await bot.Database.Connections.OpenAsync();
        await using (var hold = blocker.BeginTransaction())
        {
            await blocker.ExecuteAsync("UPDATE users SET created_at = created_at", transaction: hold);   // takes the write lock
            var press = await bot.Fake.ClickButtonAsync(world.Alice, prompt, prompt.Components[0]!["components"]![3]!["custom_id"]!.GetValue<string>());
            var first = await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(9, first["type"]!.GetValue<int>());                                   // the modal is not held up
            await Task.Delay(HeldFor);        // a deliberate hold, longer than the interaction deadline
            hold.Commit();
        }

        await using var check = await bot.Database.Connections.OpenAsync();
        await bot.Fake.WaitUntilAsync(() => check.ExecuteScalar<int>("SELECT COUNT(*) FROM checkins WHERE user_id = @id AND mood = 4", new { id = world.Alice.Id }) == 1);
    }

    internal static Process StartBot(FakeDiscordServer fake, Support.TempDatabase db)
    {
        var start = new ProcessStartInfo("dotnet",
        [
            typeof(BondBotLauncher).Assembly.Location, $"--Discord:Token={fake.Token}", $"--Discord:ApiBaseUrl={fake.ApiBaseUrl}",
            $"--Database:DataDirectory={db.Folder}", "--Scheduler:TickInterval=00:00:00.2", "--Discord:GlobalRequestsPerSecond=6",
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
