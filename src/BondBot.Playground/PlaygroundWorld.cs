using System.Collections.Concurrent;
using BondBot.FakeDiscord;
using BondBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BondBot.Playground;

/// <summary>
/// One run of the playground: the local Discord on loopback with a server (#general) and three people, and the real
/// BondBot host started in-process through <see cref="BondBotLauncher.RunIsolatedAsync"/> (the launcher the tests use,
/// reading only the settings given to it), talking to it only over REST and the gateway. The only thing handed to the
/// host is the clock.
/// </summary>
public sealed class PlaygroundWorld : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<ulong, Instant> _seenAt = new();

    private PlaygroundWorld(FakeDiscordServer discord, FakeGuild guild, FakeChannel general, IReadOnlyList<PlaygroundPerson> people, PlaygroundClock clock)
    {
        Discord = discord;
        Guild = guild;
        General = general;
        People = people;
        Clock = clock;
        // Messages carry the local Discord's wall-clock timestamps; the page shows BondBot's time instead, so a message
        // is stamped with the playground time at which it was first seen.
        discord.Changed += StampNewMessages;
    }

    public FakeDiscordServer Discord { get; }
    public FakeGuild Guild { get; }
    public FakeChannel General { get; }
    public IReadOnlyList<PlaygroundPerson> People { get; }
    public PlaygroundClock Clock { get; }
    public IServiceProvider Services { get; private set; } = null!;
    public Task<int> Exit { get; private set; } = Task.FromResult(0);
    public StringWriter Errors { get; } = new();
    /// <summary>Interactions the page started, so a modal can be submitted against the one that opened it.</summary>
    public ConcurrentDictionary<ulong, FakeInteraction> Interactions { get; } = new();

    public PlaygroundPerson? Person(string key) => People.FirstOrDefault(p => p.Key == key);

    public Instant SeenAt(FakeMessage message) => _seenAt.GetOrAdd(message.Id, _ => Clock.GetCurrentInstant());

    public static async Task<PlaygroundWorld> StartAsync(string dataDirectory, IEnumerable<string> botSettings)
    {
        var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { Token = $"playground-{Guid.NewGuid():N}" });
        var guild = discord.AddGuild("Playground");
        var general = guild.AddTextChannel("general");
        var people = PlaygroundPerson.Defaults.Select(d =>
        {
            var user = discord.AddUser(d.Name);
            guild.AddMember(user);
            return new PlaygroundPerson(d.Key, user, DateTimeZoneProviders.Tzdb[d.Zone]);
        }).ToList();
        var world = new PlaygroundWorld(discord, guild, general, people, new PlaygroundClock());
        try
        {
            await world.StartBotAsync(dataDirectory, botSettings);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
        return world;
    }

    private async Task StartBotAsync(string dataDirectory, IEnumerable<string> botSettings)
    {
        var captured = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Isolated: an appsettings.json in the current folder or a real deployment's environment variables (its token,
        // its PostgreSQL) must never reach the playground's bot.
        Exit = BondBotLauncher.RunIsolatedAsync(
            [$"--Discord:Token={Discord.Token}", $"--Discord:ApiBaseUrl={Discord.ApiBaseUrl}", $"--Database:DataDirectory={dataDirectory}",
             .. botSettings],
            Errors,
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Services.AddSingleton<IClock>(Clock);
                builder.Services.AddHostedService(provider => new CaptureServices(provider, captured));
            },
            _stop.Token);
        await Task.WhenAny(captured.Task, Exit).WaitAsync(TimeSpan.FromSeconds(30));
        if (!captured.Task.IsCompleted)
            throw new InvalidOperationException($"BondBot stopped before it started (exit {await Exit}): {Errors}");
        Services = await captured.Task;
        // The page's slash menu lists what the bot registered, so wait for it (or for the bot to stop).
        await Discord.WaitUntilAsync(() => Discord.GlobalCommands.Count > 0 || Exit.IsCompleted, TimeSpan.FromSeconds(30));
        if (Exit.IsCompleted)
            throw new InvalidOperationException($"BondBot stopped (exit {await Exit}): {Errors}");
    }

    private void StampNewMessages()
    {
        foreach (var message in Discord.AllMessages)
            SeenAt(message);
    }

    public async ValueTask DisposeAsync()
    {
        Discord.Changed -= StampNewMessages;
        await _stop.CancelAsync();
        await SlowStep.RunAsync("BondBot", async () =>
        {
            try
            {
                await Exit.WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException) { }
        });
        await SlowStep.RunAsync("the local Discord", () => Discord.DisposeAsync().AsTask());
        _stop.Dispose();
    }

    // A hosted service that hands over the host's container once it starts.
    private sealed class CaptureServices(IServiceProvider provider, TaskCompletionSource<IServiceProvider> captured) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            captured.TrySetResult(provider);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
