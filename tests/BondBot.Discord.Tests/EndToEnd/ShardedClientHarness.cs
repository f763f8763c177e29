using BondBot.Discord.Gateway;
using BondBot.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot.Discord.Tests.EndToEnd;

/// <summary>The real client's <see cref="ShardedGateway"/> (DI, HTTP, WebSocket) against a fake Discord on loopback,
/// collecting every merged dispatch.</summary>
public sealed class ShardedClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<GatewayDispatch> _events = [];

    private ShardedClientHarness(FakeDiscordServer fake, ServiceProvider services)
    {
        Fake = fake;
        _services = services;
    }

    public FakeDiscordServer Fake { get; }
    public ShardedGateway Gateway => _services.GetRequiredService<ShardedGateway>();
    public Task Run { get; private set; } = Task.CompletedTask;

    public static async Task<ShardedClientHarness> StartAsync(FakeDiscordOptions fakeOptions, int shardCount = 0, string? shardIds = null,
        TimeProvider? time = null, DiscordTiming? timing = null)
    {
        var fake = await FakeDiscordServer.StartAsync(fakeOptions);
        var collection = new ServiceCollection();
        if (time is not null)
            collection.AddSingleton(time);
        var services = collection
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(Options.Create(new DiscordClientOptions { Token = fake.Token, ApiBaseUrl = fake.ApiBaseUrl, ShardCount = shardCount, ShardIds = shardIds }))
            .AddSingleton(timing ?? BondBot.Testing.FastDiscordTiming.Create())
            .AddDiscordClient()
            .BuildServiceProvider();
        return new ShardedClientHarness(fake, services);
    }

    /// <summary>Starts every shard and collects their events.</summary>
    public void Start()
    {
        Run = Gateway.RunAsync(_stop.Token);
        _ = Task.Run(async () =>
        {
            await foreach (var e in Gateway.ReadEventsAsync())
                lock (_events) _events.Add(e);
        });
    }

    public List<GatewayDispatch> Events(string type, int? shard = null)
    {
        lock (_events) return _events.Where(e => e.Type == type && (shard is null || e.ShardId == shard)).ToList();
    }

    public Task WaitForAsync(string type, int count = 1, int? shard = null) =>
        Fake.WaitUntilAsync(() => Events(type, shard).Count >= count || Run.IsCompleted, TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await Run.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
