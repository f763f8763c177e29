using Microsoft.Playwright;

namespace BondBot.Playground.Tests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "playground in a browser";
}

/// <summary>
/// One playground (the local Discord and the real bot, in-process on loopback) and one headless Debian Chromium for all
/// browser tests: starting either is the slow part. Each test resets the playground, so tests share no state.
/// A missing browser fails the tests with how to install it; they are never skipped.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"bondbot-playground-{Guid.NewGuid():N}");

    public PlaygroundServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {ChromiumPath}: run 'apt-get install -y chromium' (.ci/run does this when it is missing).");
        // People click slower than tests: the per-person interaction limit has its own test in BondBot.Tests.
        Server = await PlaygroundServer.StartAsync(new PlaygroundOptions(Port: 0, DataDirectory: _data) { BotSettings = ["--Interactions:PerUserBurst=500"] });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh playground and a new page on it, as a newcomer opens it.</summary>
    public async Task<PlaygroundPage> OpenFreshAsync()
    {
        await Server.ResetAsync();
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 860 } });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(Server.Url);
        var playground = new PlaygroundPage(page);
        await playground.WaitReadyAsync();
        return playground;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
