using System.Diagnostics;
using BondBot.FakeDiscord;
using BondBot.Hosting;
using BondBot.Storage;
using BondBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

/// <summary>
/// Several BondBot processes on one PostgreSQL database share the scheduler's work exactly once: claims skip rows
/// another process holds, prompts another live process claimed are left to it, and a dead process's are taken over.
/// The fake Discord counts the prompts each person received.
/// </summary>
public sealed class SharedWorkTests
{
    private static int Prompts(FakeDiscordServer fake, FakeUser user) =>
        fake.DirectMessagesTo(user).Count(m => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal));

    /// <summary>Schedules everyone in UTC at <paramref name="due"/>'s time of day, due at <paramref name="due"/>.</summary>
    private static async Task ScheduleAsync(TempDatabase db, IEnumerable<FakeUser> people, Instant due)
    {
        await using var connection = await db.Connections.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO users (user_id, time_zone, checkin_time, checkin_time_chosen, next_checkin_at, created_at)
            VALUES (@id, 'UTC', @time, 1, @due, 0)
            """, people.Select(p => new { id = p.Id, time = due.InUtc().TimeOfDay, due }), transaction);
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task Two_hosts_on_shards_0_and_1_and_one_postgres_database_split_1000_due_prompts_each_person_gets_exactly_one_and_none_is_refused_429()
    {
        // Discord's documented numbers: 50 requests a second for the whole bot, and this bot must run two shards.
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { RequiredShards = 2, RecommendedShards = 2, MessageCreateLimit = 50 });
        using var db = new TempDatabase(DatabaseOptions.Postgres);
        await db.MigratedAsync();
        var people = Enumerable.Range(0, 1000).Select(i => fake.AddUser($"p{i}")).ToList();
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 8, 59));
        await ScheduleAsync(db, people, Instant.FromUtc(2026, 6, 1, 9, 0));
        // Each process runs one shard and takes half of the bot's global limit (Discord:ProcessCount).
        await using var first = await BotHarness.StartOnAsync(db, fake, clock,
            "--Scheduler:BatchSize=25", "--Discord:ShardCount=2", "--Discord:ShardIds=0", "--Discord:ProcessCount=2");
        await using var second = await BotHarness.StartOnAsync(db, fake, clock,
            "--Scheduler:BatchSize=25", "--Discord:ShardCount=2", "--Discord:ShardIds=1", "--Discord:ProcessCount=2");

        clock.Reset(Instant.FromUtc(2026, 6, 1, 9, 0, 30));   // everyone due within the minute
        // The second host joins while the first is mid-fan-out, with a batch claimed and in flight: it must leave that
        // batch to the first host (a live claim) and share only what is still unclaimed.
        var firstPass = first.RunSchedulerAsync();
        await fake.WaitUntilAsync(() => people.Sum(p => Prompts(fake, p)) >= 50, TimeSpan.FromSeconds(60));
        var passes = await Task.WhenAll(firstPass, second.RunSchedulerAsync());
        var again = await Task.WhenAll(first.RunSchedulerAsync(), second.RunSchedulerAsync());   // nothing left for anyone

        Assert.All(people, p => Assert.Equal(1, Prompts(fake, p)));
        Assert.Equal(1000, passes.Sum(p => p.Sent));
        Assert.All(passes, p => Assert.True(p.Sent > 0, $"each host sends part of the fan-out; sent {passes[0].Sent} and {passes[1].Sent}"));
        Assert.All(again, p => Assert.Equal(0, p.Sent + p.Resent));
        Assert.DoesNotContain(fake.Requests, r => r.Status == 429);
        await using var connection = await db.Connections.OpenAsync();
        Assert.Equal(1000, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM prompt_ledger WHERE kind = 'checkin' AND status = 'sent'"));
    }

    /// <summary>Counts what one host delivered (each host has its own).</summary>
    private sealed class Deliveries : BondBot.Features.Delivery.Outbox.IDeliveryObserver
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);

        public Task DeliveredAsync(string kind, string? key, BondBot.Discord.Message message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_postgres_database_split_the_outbox_by_pair_and_deliver_each_message_once_and_in_order()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MessageCreateLimit = 50 });
        using var db = new TempDatabase(DatabaseOptions.Postgres);
        await db.MigratedAsync();
        var people = Enumerable.Range(0, 120).Select(i => fake.AddUser($"o{i}")).ToList();
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0));
        var counted = new[] { new Deliveries(), new Deliveries() };
        Task<BotHarness> Host(Deliveries deliveries) => BotHarness.StartAsync(fake, db, services =>
            services.AddSingleton<BondBot.Features.Delivery.Outbox.IDeliveryObserver>(deliveries), clock, settings: [.. db.Settings, "--Discord:ProcessCount=2"]);
        await using var first = await Host(counted[0]);
        await using var second = await Host(counted[1]);

        // Sixty pairs, three deliveries each (two to one partner, in order, one to the other), written as features do.
        var writer = first.Services.GetRequiredService<BondBot.Features.Delivery.Outbox.OutboxWriter>();
        await using (var connection = await db.Connections.OpenAsync())
        await using (var transaction = await connection.BeginWriteAsync())
        {
            await writer.WriteAsync(connection, transaction, Enumerable.Range(0, 60).SelectMany(p => new[]
            {
                Note(1000 + p, people[2 * p], $"first {p}"), Note(1000 + p, people[2 * p], $"second {p}"), Note(1000 + p, people[2 * p + 1], $"third {p}"),
            }));
            await transaction.CommitAsync();
        }
        await Task.WhenAll(first.DeliverAsync(), second.DeliverAsync());
        await Task.WhenAll(first.DeliverAsync(), second.DeliverAsync());

        for (var p = 0; p < 60; p++)
        {
            Assert.Equal([$"first {p}", $"second {p}"], fake.DirectMessagesTo(people[2 * p]).Select(m => m.Content));
            Assert.Equal([$"third {p}"], fake.DirectMessagesTo(people[2 * p + 1]).Select(m => m.Content));
        }
        Assert.Equal(180, counted.Sum(c => c.Count));
        Assert.All(counted, c => Assert.True(c.Count > 0, $"each host delivers part: {counted[0].Count} and {counted[1].Count}"));
        Assert.DoesNotContain(fake.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task A_delivery_another_process_just_put_off_for_a_retry_is_not_tried_again_before_its_time()
    {
        // Process B read the due rows; process A then held the lane, failed the send and set a retry. When B gets the
        // lane it reads the rows again: the one put off must wait for its time, not go again at once.
        await using var fake = await FakeDiscordServer.StartAsync();
        using var db = new TempDatabase(DatabaseOptions.Postgres);
        await db.MigratedAsync();
        var bob = fake.AddUser("bob");
        await using var host = await BotHarness.StartAsync(fake, db, settings: [.. db.Settings]);
        var outbox = host.Services.GetRequiredService<BondBot.Features.Delivery.Outbox.OutboxRepository>();
        var writer = host.Services.GetRequiredService<BondBot.Features.Delivery.Outbox.OutboxWriter>();
        await using (var connection = await db.Connections.OpenAsync())
        await using (var transaction = await connection.BeginWriteAsync())
        {
            await writer.WriteAsync(connection, transaction, [Note(7, bob, "put off")]);
            await transaction.CommitAsync();
        }
        var now = host.Clock.GetCurrentInstant();
        var readByB = await outbox.DueAsync(now, 10);

        using (fake.FailRequests(503, "/messages"))
            Assert.Equal(1, (await host.DeliverAsync()).Retrying);                           // process A's attempt

        Assert.Empty(await outbox.StillPendingAsync(readByB, now));
        host.Clock.Advance(Duration.FromMinutes(1));
        Assert.Single(await outbox.StillPendingAsync(readByB, host.Clock.GetCurrentInstant()));
    }

    private static BondBot.Features.Delivery.Outbox.OutboxItem Note(long pairId, FakeUser to, string text) =>
        BondBot.Features.Delivery.Outbox.OutboxItem.ToPartner(BondBot.Features.Delivery.Outbox.OutboxKinds.Appreciation, pairId, to.Id,
            new BondBot.Discord.MessagePayload { Content = text });

    [Fact]
    public async Task Killing_one_host_process_mid_fan_out_on_postgres_leaves_the_other_host_to_finish_exactly_once()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = 6, MessageCreateLimit = 50 });
        using var db = new TempDatabase(DatabaseOptions.Postgres);
        await db.MigratedAsync();
        var people = Enumerable.Range(0, 40).Select(i => fake.AddUser($"k{i}")).ToList();
        var now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow);   // the child process runs on the real clock
        await ScheduleAsync(db, people, now - Duration.FromSeconds(5));

        using (var doomed = StartProcess(fake, db))
        {
            await fake.WaitUntilAsync(() => people.Sum(p => Prompts(fake, p)) >= 10, TimeSpan.FromSeconds(60));
            doomed.Kill(entireProcessTree: true);   // SIGKILL: no graceful shutdown, its claims stay behind
            await doomed.WaitForExitAsync();
        }
        var before = people.Sum(p => Prompts(fake, p));
        Assert.InRange(before, 10, people.Count - 1);

        // The survivor's clock is past the dead host's claim lease (still inside Discord's nonce window).
        var clock = new FakeClock(Instant.FromDateTimeOffset(DateTimeOffset.UtcNow) + Duration.FromTimeSpan(SqlDialect.Postgres.ClaimLease) + Duration.FromSeconds(5));
        await using var survivor = await BotHarness.StartOnAsync(db, fake, clock, "--Discord:GlobalRequestsPerSecond=50");
        await survivor.RunSchedulerAsync();
        await survivor.RunSchedulerAsync();

        Assert.All(people, p => Assert.Equal(1, Prompts(fake, p)));
        await using var connection = await db.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM prompt_ledger WHERE status IN ('claimed', 'sending', 'retry')"));
    }

    private static Process StartProcess(FakeDiscordServer fake, TempDatabase db)
    {
        var start = new ProcessStartInfo("dotnet",
        [
            typeof(BondBotLauncher).Assembly.Location, $"--Discord:Token={fake.Token}", $"--Discord:ApiBaseUrl={fake.ApiBaseUrl}",
            .. db.Settings, "--Scheduler:TickInterval=00:00:00.2", "--Discord:GlobalRequestsPerSecond=6",
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
