using BondBot.FakeDiscord;
using Dapper;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

/// <summary>A real process killed mid fan-out (its own class, so it runs beside the other fault drills).</summary>
public sealed class ProcessKillTests
{
    private static int Prompts(FakeDiscordServer fake, FakeUser user) =>
        fake.DirectMessagesTo(user).Count(m => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal));

    [Fact]
    public async Task Killing_the_bot_process_mid_fan_out_and_restarting_neither_duplicates_nor_drops_a_prompt()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = 6 });
        var db = new Support.TempDatabase();
        await db.MigratedAsync();
        var people = Enumerable.Range(0, 40).Select(i => fake.AddUser($"k{i}")).ToList();
        var now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow);   // the child process runs on the real clock
        await using (var connection = await db.Connections.OpenAsync())
            foreach (var person in people)
                await connection.ExecuteAsync(
                    "INSERT INTO users (user_id, time_zone, checkin_time, next_checkin_at, created_at) VALUES (@id, 'UTC', @time, @due, 0)",
                    new { id = person.Id, time = now.InUtc().TimeOfDay, due = now - Duration.FromSeconds(5) });

        using (var first = FaultTests.StartBot(fake, db))
        {
            await fake.WaitUntilAsync(() => people.Sum(p => Prompts(fake, p)) >= 10, TimeSpan.FromSeconds(60));
            first.Kill(entireProcessTree: true);                       // no graceful shutdown
            await first.WaitForExitAsync();
        }
        Assert.InRange(people.Sum(p => Prompts(fake, p)), 10, people.Count - 1);

        using (var second = FaultTests.StartBot(fake, db))
        {
            await fake.WaitUntilAsync(() => people.All(p => Prompts(fake, p) >= 1), TimeSpan.FromSeconds(90));
            // Done when the ledger says so: no prompt left claimed, in flight or waiting for a retry.
            await using var ledger = await db.Connections.OpenAsync();
            await fake.WaitUntilAsync(() => ledger.ExecuteScalar<int>("SELECT COUNT(*) FROM prompt_ledger WHERE status IN ('claimed', 'sending', 'retry')") == 0);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
        Assert.All(people, p => Assert.Equal(1, Prompts(fake, p)));
        db.Dispose();
    }

}
