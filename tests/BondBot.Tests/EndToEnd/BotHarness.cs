using BondBot.FakeDiscord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Scheduling;
using BondBot.Hosting;
using BondBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

/// <summary>
/// The real BondBot host (launcher, DI, gateway worker, SQLite file) running against a fake Discord on loopback.
/// BondBot's own clock is a NodaTime <see cref="FakeClock"/> the test moves; transport timing stays real. The
/// scheduler's own loop is off unless a test turns it on (<c>--Scheduler:Enabled=true</c>): tests move the clock and
/// run a pass with <see cref="AtAsync"/>, so "nothing was sent" is asserted after the pass finished, never after a sleep.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _ownsFake;
    private readonly bool _ownsDatabase;

    private BotHarness(FakeDiscordServer fake, TempDatabase db, bool ownsFake, bool ownsDatabase, FakeClock clock)
    {
        Fake = fake;
        Database = db;
        _ownsFake = ownsFake;
        _ownsDatabase = ownsDatabase;
        Clock = clock;
    }

    public FakeDiscordServer Fake { get; }
    public TempDatabase Database { get; }
    public FakeClock Clock { get; }
    public StringWriter Errors { get; } = new();
    public Task<int> Exit { get; private set; } = Task.FromResult(0);
    public IServiceProvider Services { get; private set; } = null!;

    public static async Task<BotHarness> StartAsync(FakeDiscordServer? fake = null, TempDatabase? db = null,
        Action<IServiceCollection>? configure = null, FakeClock? clock = null, bool waitForCommands = true, params string[] settings)
    {
        var ownsFake = fake is null;
        // These tests compress days into milliseconds, so Discord's per-channel message bucket (5 per 5 s, which the
        // client honours; its own tests and the benchmarks prove it) would only make them wait. Tests about limits
        // bring their own fake with the documented numbers.
        var ownsDatabase = db is null;
        db ??= new TempDatabase();   // before the fake: a database that can't be created leaves no server running
        fake ??= await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MessageCreateLimit = 50, MessageEditLimit = 50 });
        var harness = new BotHarness(fake, db, ownsFake, ownsDatabase, clock ?? new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var captured = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Exit = BondBotLauncher.RunAsync(
            [$"--Discord:Token={fake.Token}", $"--Discord:ApiBaseUrl={fake.ApiBaseUrl}", .. harness.Database.Settings,
             "--Scheduler:TickInterval=00:00:00.1", "--Scheduler:Enabled=false",
             // Tests click faster than people: the per-person limit has its own test with the default.
             "--Interactions:PerUserBurst=500",
             // Many hosts run at once in a test process: none watches its configuration files (each watcher holds one
             // of the user's inotify instances, 128 by default on Linux).
             "--hostBuilder:reloadConfigOnChange=false", .. settings],
            harness.Errors,
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                HostErrorLog.AddTo(builder.Services);
                builder.Services.AddSingleton<IClock>(harness.Clock);
                builder.Services.AddSingleton(BondBot.Testing.FastDiscordTiming.Create());
                builder.Services.AddSingleton<CapturedServices>(provider => { captured.TrySetResult(provider); return new CapturedServices(); });
                builder.Services.AddHostedService<CaptureOnStart>();
                configure?.Invoke(builder.Services);
            },
            harness._stop.Token);
        try
        {
            // A host that cannot start ends at once: fail with what it said, not after a timeout.
            await Task.WhenAny(captured.Task, harness.Exit).WaitAsync(TimeSpan.FromSeconds(30));
            if (!captured.Task.IsCompleted)
                throw new InvalidOperationException($"BondBot stopped before it started (exit {await harness.Exit}): {harness.Errors}");
            harness.Services = await captured.Task;
            if (waitForCommands)
            {
                // Registered at Discord, and the ids back in BondBot (messages then carry clickable command mentions).
                var mentions = harness.Services.GetRequiredService<BondBot.Interactions.CommandMentions>();
                await fake.WaitUntilAsync(() => (fake.GlobalCommands.Count > 0 && mentions.Mention("help").StartsWith("</", StringComparison.Ordinal))
                    || harness.Exit.IsCompleted, TimeSpan.FromSeconds(20));
            }
        }
        catch
        {
            await harness.DisposeAsync();   // a start that failed leaves no host, server or database behind
            throw;
        }
        return harness;
    }

    /// <summary>
    /// Starts BondBot on <paramref name="db"/> with its provider's settings (a whole bot on PostgreSQL when the
    /// database is one); the caller owns and disposes the database, after the harness.
    /// </summary>
    public static Task<BotHarness> StartOnAsync(TempDatabase db, FakeDiscordServer? fake = null, FakeClock? clock = null, params string[] settings) =>
        StartAsync(fake, db, clock: clock, settings: settings);

    /// <summary>One scheduler pass at BondBot's current time, run to completion.</summary>
    /// <summary>A message text as BondBot sends it: command hints become clickable mentions once commands are registered.</summary>
    public string AsSent(string text) => Services.GetRequiredService<BondBot.Interactions.CommandMentions>().Linkify(text)!;

    public Task<CheckInScheduler.PassSummary> RunSchedulerAsync() =>
        Services.GetRequiredService<CheckInScheduler>().RunOnceAsync(CancellationToken.None);

    /// <summary>One outbox pass (everything due now), run to completion.</summary>
    public Task<OutboxWorker.PassSummary> DeliverAsync() =>
        Services.GetRequiredService<OutboxWorker>().RunOnceAsync(CancellationToken.None);

    /// <summary>Moves BondBot's clock to <paramref name="at"/>, then runs a scheduler pass and an outbox pass.</summary>
    public async Task AtAsync(Instant at)
    {
        Clock.Reset(at);
        await RunSchedulerAsync();
        await DeliverAsync();
    }

    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Exit.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Exit.IsCompleted)
            await StopAsync();
        if (_ownsFake)
            await Fake.DisposeAsync();
        if (_ownsDatabase)
            Database.Dispose();
    }

    private sealed class CapturedServices;

    // Resolving the marker at start hands the test the host's container.
    private sealed class CaptureOnStart(CapturedServices marker) : Microsoft.Extensions.Hosting.IHostedService
    {
        public CapturedServices Marker { get; } = marker;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
