using System.Diagnostics;
using BondBot.FakeDiscord;
using BondBot.Hosting;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BondBot.Benchmarks;

/// <summary>
/// Start-up time to READY and idle memory of the real bot process (a child process running BondBot.dll, so the
/// fake's own memory is not counted), with 10,000 pairs (20,000 people with schedules) already stored.
/// </summary>
public static class StartupBenchmark
{
    public static async Task RunAsync(int pairs)
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "bondbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var bot = typeof(BondBotLauncher).Assembly.Location;

        // First run creates the schema; stop it, seed the data, then measure a cold start on the full database.
        await RunUntilReadyAsync(bot, fake, folder, measure: false);
        await SeedAsync(Path.Combine(folder, "bondbot.db"), pairs);
        var (startup, workingSet, privateBytes) = await RunUntilReadyAsync(bot, fake, folder, measure: true);

        Console.WriteLine($"startup: {startup.TotalMilliseconds:0} ms from process start to READY with {pairs:N0} pairs stored (target < 2000 ms)");
        Console.WriteLine($"memory: idle working set {workingSet / 1048576.0:0.0} MB, private {privateBytes / 1048576.0:0.0} MB (target < 100 MB)");
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(TimeSpan Startup, long WorkingSet, long Private)> RunUntilReadyAsync(string bot, FakeDiscordServer fake, string folder, bool measure)
    {
        var ready = fake.Gateway.DispatchedEvents.Count(e => e.Type == "READY");
        var start = new ProcessStartInfo("dotnet", [bot, $"--Discord:Token={fake.Token}", $"--Discord:ApiBaseUrl={fake.ApiBaseUrl}", $"--Database:DataDirectory={folder}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_gcServer"] = "0";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await fake.WaitUntilAsync(() => fake.Gateway.DispatchedEvents.Count(e => e.Type == "READY") > ready, TimeSpan.FromSeconds(60));
        var startup = clock.Elapsed;
        long workingSet = 0, privateBytes = 0;
        if (measure)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));   // idle: a few scheduler ticks, heartbeats
            process.Refresh();
            workingSet = process.WorkingSet64;
            privateBytes = process.PrivateMemorySize64;
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return (startup, workingSet, privateBytes);
    }

    private static async Task SeedAsync(string database, int pairs)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var tx = connection.BeginTransaction();
        for (var i = 0; i < pairs; i++)
        {
            long a = 1_000_000 + i * 2, b = a + 1;
            await connection.ExecuteAsync("INSERT INTO users (user_id, time_zone, checkin_time, next_checkin_at, created_at) VALUES (@a, 'Europe/Berlin', '20:00', @due, 0), (@b, 'Asia/Tokyo', '21:00', @due, 0)",
                new { a, b, due = 4_102_444_800_000L }, tx);   // due in 2100: stored, not due
            var pairId = await connection.ExecuteScalarAsync<long>("INSERT INTO pairs (user_a, user_b, created_at) VALUES (@a, @b, 0) RETURNING pair_id", new { a, b }, tx);
            await connection.ExecuteAsync("INSERT INTO pair_members (pair_id, user_id) VALUES (@pairId, @a), (@pairId, @b)", new { pairId, a, b }, tx);
        }
        tx.Commit();
    }
}
