using System.Diagnostics;
using BondBot.Discord;
using BondBot.FakeDiscord;
using BondBot.Features.Delivery;
using BondBot.Features.Settings;
using BondBot.Hosting;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BondBot.Benchmarks;

/// <summary>
/// 1,000 people due in the same minute, delivered by the real host's scheduler through the real client to the fake
/// Discord at a 50/s global limit. DM channels are already cached (the steady state: one request per prompt).
/// Reports delivery time against the theoretical minimum, 429s, duplicates and misses; then the due-query time
/// with 100,000 people scheduled.
/// </summary>
public static class FanOutBenchmark
{
    public static async Task RunAsync(int people)
    {
        const int limit = 50;
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = limit });
        var users = Enumerable.Range(0, people).Select(i => fake.AddUser($"person{i}")).ToList();
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 6, 1, 8, 0));
        await using var bot = await InProcessBot.StartAsync(fake, ["--Scheduler:TickInterval=00:00:00.2"], s => s.AddSingleton<IClock>(clock));
        var services = bot.Services;

        var settings = services.GetRequiredService<SettingsService>();
        var dms = services.GetRequiredService<DirectMessenger>();
        foreach (var user in users)
        {
            await settings.UpdateAsync(user.Id, DateTimeZone.Utc, new LocalTime(9, 0), CheckInDays.Every);
            await dms.ChannelAsync(user.Id);   // warm the DM channel cache, as a running bot has it
        }
        await Task.Delay(1100);
        var before = fake.Requests.Count;

        var watch = Stopwatch.StartNew();
        clock.Reset(Instant.FromUtc(2026, 6, 1, 9, 0));
        await fake.WaitUntilAsync(() => users.All(u => fake.DirectMessagesTo(u).Count > 0), TimeSpan.FromMinutes(5));
        watch.Stop();
        await Task.Delay(1000);

        var requests = fake.Requests.Skip(before).ToList();
        var counts = users.Select(u => fake.DirectMessagesTo(u).Count).ToList();
        var minimum = (people - limit) / (double)limit;   // one full window at once, then the limit per second
        Console.WriteLine($"fanout: {people} prompts delivered in {watch.Elapsed.TotalSeconds:0.00} s; theoretical minimum {minimum:0.00} s " +
                          $"= {minimum / watch.Elapsed.TotalSeconds:P1} of the limit");
        Console.WriteLine($"fanout: 429 responses {requests.Count(r => r.Status == 429)}, duplicates {counts.Count(c => c > 1)}, misses {counts.Count(c => c == 0)}");

        await bot.StopAsync();
        await DueQueryAsync(bot.Folder);
    }

    private static async Task DueQueryAsync(string folder)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "bondbot.db")}");
        await connection.OpenAsync();
        await using (var tx = connection.BeginTransaction())
        {
            var start = Instant.FromUtc(2026, 6, 2, 0, 0).ToUnixTimeMilliseconds();
            for (var i = 0; i < 100_000; i++)   // spread over a day, one minute apart in groups
                await connection.ExecuteAsync("INSERT INTO users (user_id, time_zone, next_checkin_at, created_at) VALUES (@id, 'UTC', @at, 0) ON CONFLICT DO NOTHING",
                    new { id = 10_000_000 + i, at = start + (i % 1440) * 60_000L }, tx);
            tx.Commit();
        }
        var now = Instant.FromUtc(2026, 6, 2, 9, 0).ToUnixTimeMilliseconds();
        var watch = Stopwatch.StartNew();
        const int runs = 200;
        var due = 0;
        for (var i = 0; i < runs; i++)
            due = (await connection.QueryAsync<long>(
                "SELECT user_id FROM users WHERE next_checkin_at IS NOT NULL AND next_checkin_at <= @now ORDER BY next_checkin_at LIMIT 500", new { now })).Count();
        watch.Stop();
        Console.WriteLine($"due-query: {watch.Elapsed.TotalMilliseconds / runs:0.000} ms per query with 100,000 people scheduled ({due} rows returned, LIMIT 500)");
    }
}
