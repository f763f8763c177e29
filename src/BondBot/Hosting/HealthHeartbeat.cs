using BondBot.Discord.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BondBot.Hosting;

/// <summary>
/// Touches <see cref="HealthOptions.HeartbeatFile"/> while every shard of this process is connected, so a container health check can
/// test the file's age (see the Dockerfile's HEALTHCHECK). No network listener is needed.
/// </summary>
public sealed class HealthHeartbeat(ShardedGateway gateway, IOptions<HealthOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.HeartbeatFile))
            return;
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            if (gateway.IsConnected)
                await File.WriteAllTextAsync(options.Value.HeartbeatFile, time.GetUtcNow().ToString("O"), CancellationToken.None);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
