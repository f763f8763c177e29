using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot.Discord.Tests.EndToEnd;

/// <summary>A client container with chosen settings, for tests that need more than the harness's defaults.</summary>
public static class TestClients
{
    public static ServiceProvider Build(string apiBaseUrl, string token, int globalPerSecond = 50) =>
        new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(Options.Create(new DiscordClientOptions { Token = token, ApiBaseUrl = apiBaseUrl, GlobalRequestsPerSecond = globalPerSecond }))
            .AddDiscordClient()
            .BuildServiceProvider();
}
