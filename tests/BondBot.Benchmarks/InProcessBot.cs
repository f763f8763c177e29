using BondBot.FakeDiscord;
using BondBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BondBot.Benchmarks;

/// <summary>The real host, in this process, against a fake Discord, with its database in a fresh folder: started
/// once its commands are registered, stopped and cleaned up on dispose.</summary>
public sealed class InProcessBot : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task<int> _host = Task.FromResult(0);

    private InProcessBot(string folder) => Folder = folder;

    public string Folder { get; }
    public IServiceProvider Services { get; private set; } = null!;

    public static async Task<InProcessBot> StartAsync(FakeDiscordServer fake, IEnumerable<string> settings, Action<IServiceCollection>? configure = null)
    {
        var bot = new InProcessBot(Path.Combine(Path.GetTempPath(), "bondbot-bench", Guid.NewGuid().ToString("N")));
        var ready = new TaskCompletionSource<IServiceProvider>();
        bot._host = BondBotLauncher.RunAsync(
            [$"--Discord:Token={fake.Token}", $"--Discord:ApiBaseUrl={fake.ApiBaseUrl}", $"--Database:DataDirectory={bot.Folder}", .. settings],
            Console.Error,
            b =>
            {
                b.Logging.SetMinimumLevel(LogLevel.Warning);
                configure?.Invoke(b.Services);
                b.Services.AddHostedService(p => { ready.TrySetResult(p); return new Noop(); });
            }, bot._stop.Token);
        bot.Services = await ready.Task;
        await fake.WaitUntilAsync(() => fake.GlobalCommands.Count > 0, TimeSpan.FromSeconds(30));
        return bot;
    }

    /// <summary>Stops the host (the database is checkpointed and closed); the folder stays until dispose.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _host;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        _stop.Dispose();
    }

    private sealed class Noop : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
