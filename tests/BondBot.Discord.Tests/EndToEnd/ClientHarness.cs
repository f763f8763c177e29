using BondBot.Discord.Gateway;
using BondBot.Discord.Rest;
using BondBot.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot.Discord.Tests.EndToEnd;

/// <summary>The real client (DI registration, HTTP, WebSocket) pointed at a fake Discord on loopback.</summary>
public sealed class ClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    private ClientHarness(FakeDiscordServer fake, ServiceProvider services)
    {
        Fake = fake;
        _services = services;
    }

    public FakeDiscordServer Fake { get; }
    public DiscordRestClient Rest => _services.GetRequiredService<DiscordRestClient>();
    public DiscordGatewayClient Gateway => _services.GetRequiredService<DiscordGatewayClient>();
    public List<GatewayDispatch> Events { get; } = [];
    public Task Run => _run ?? Task.CompletedTask;

    public static async Task<ClientHarness> StartAsync(FakeDiscordOptions? fakeOptions = null, int globalPerSecond = 50, Action<IServiceCollection>? configure = null)
    {
        var fake = await FakeDiscordServer.StartAsync(fakeOptions);
        var collection = new ServiceCollection();
        configure?.Invoke(collection);   // before the client registers: its TryAdd keeps what a test put here
        var services = collection
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(Options.Create(new DiscordClientOptions { Token = fake.Token, ApiBaseUrl = fake.ApiBaseUrl, GlobalRequestsPerSecond = globalPerSecond }))
            .AddSingleton(BondBot.Testing.FastDiscordTiming.Create())
            .AddDiscordClient()
            .BuildServiceProvider();
        return new ClientHarness(fake, services);
    }

    /// <summary>Starts the gateway and collects every dispatch; returns once READY has arrived.</summary>
    public async Task ConnectAsync()
    {
        _run = Gateway.RunAsync(_stop.Token);
        _ = Task.Run(async () =>
        {
            await foreach (var e in Gateway.ReadEventsAsync())
                lock (Events) Events.Add(e);
        });
        await WaitForEventAsync("READY");
    }

    public int Count(string type) { lock (Events) return Events.Count(e => e.Type == type); }

    public Task WaitForEventAsync(string type, int count = 1) => Fake.WaitUntilAsync(() => Count(type) >= count, TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await Run.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
