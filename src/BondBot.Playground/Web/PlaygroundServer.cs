using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BondBot.Playground;

/// <summary>
/// The page's web server on 127.0.0.1: static files from wwwroot and a small JSON + Server-Sent Events API
/// (<see cref="PageApi"/>). It owns the current <see cref="PlaygroundWorld"/> and replaces it on Reset.
/// </summary>
public sealed class PlaygroundServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PlaygroundOptions _options;
    private readonly SemaphoreSlim _swap = new(1, 1);

    private PlaygroundServer(PlaygroundOptions options, PlaygroundWorld world)
    {
        _options = options;
        World = world;
        Travel = new TimeTravel(world);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Logging.ClearProviders();
        // Open event streams would otherwise hold Ctrl+C for 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        _app = builder.Build();
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        _app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The page is tiny and changes with the code: never let a browser keep an old copy.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-store",
        });
        PageApi.Map(_app, this);
    }

    public string Url { get; private set; } = "";
    public PlaygroundWorld World { get; private set; }
    public TimeTravel Travel { get; private set; }
    /// <summary>Raised when Reset replaced the world, so open event streams re-attach.</summary>
    public event Action? WorldReplaced;

    public static async Task<PlaygroundServer> StartAsync(PlaygroundOptions options)
    {
        // Each run starts over: the local Discord lives in memory, so yesterday's database would name people and
        // channels that no longer exist.
        ClearData(options.DataDirectory);
        var world = await PlaygroundWorld.StartAsync(options.DataDirectory, options.BotSettings);
        var server = new PlaygroundServer(options, world);
        try
        {
            await server._app.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        server.Url = server._app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>Stops the bot and the local Discord, deletes the playground database and starts both afresh.</summary>
    public async Task ResetAsync()
    {
        await _swap.WaitAsync();
        try
        {
            await World.DisposeAsync();
            ClearData(_options.DataDirectory);
            World = await PlaygroundWorld.StartAsync(_options.DataDirectory, _options.BotSettings);
            Travel = new TimeTravel(World);
        }
        finally
        {
            _swap.Release();
        }
        WorldReplaced?.Invoke();
    }

    // Only BondBot's own database files: --data may point anywhere, and nothing else there is ours to delete.
    private static void ClearData(string directory)
    {
        Directory.CreateDirectory(directory);
        // Pooled connections of the stopped host would keep writing to the deleted file.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { "bondbot.db", "bondbot.db-wal", "bondbot.db-shm", "bondbot.db-journal" })
            File.Delete(Path.Combine(directory, file));
    }

    public async ValueTask DisposeAsync()
    {
        await SlowStep.RunAsync("the page server", async () =>
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        });
        await World.DisposeAsync();
    }
}
