using System.Collections.Concurrent;
using BondBot.Discord.Gateway;
using BondBot.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BondBot.Hosting;

/// <summary>
/// Keeps this process's shards connected and hands each event off: interactions from every shard to the one router, other events to the features
/// that handle them (command registration on READY, a deleted space on CHANNEL_DELETE…), each on its own task so the
/// read loop never waits for a handler. A fatal close (bad token, disallowed intents) stops the host with a plain
/// message and exit code 3; anything else unexpected stops it with code 1 and a message, never silently.
/// </summary>
public sealed class GatewayWorker(
    ShardedGateway gateway,
    InteractionRouter router,
    IEnumerable<IGatewayEventHandler> handlers,
    FatalStop fatal,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly IGatewayEventHandler[] _handlers = handlers.ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consuming = ConsumeAsync(stoppingToken);
        try
        {
            await gateway.RunAsync(stoppingToken);
        }
        catch (GatewayFatalException e)
        {
            fatal.Record($"{e.Message} BondBot stopped; fix the cause (for 4004: check Discord:Token) and start it again.", ExitCodes.DiscordRefused);
            lifetime.StopApplication();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The client recovers from every connection fault itself; reaching here is a bug. Never stop silently.
            logger.LogCritical(e, "The gateway client stopped unexpectedly");
            fatal.Record($"The Discord gateway stopped unexpectedly ({e.GetType().Name}: {e.Message}); BondBot stopped. The log has the details.", ExitCodes.Unexpected);
            lifetime.StopApplication();
        }
        await consuming;
        await Task.WhenAny(Task.WhenAll(_inFlight.Keys), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var dispatch in gateway.ReadEventsAsync(CancellationToken.None))
        {
            if (dispatch.Type == GatewayEvents.InteractionCreate)
            {
                Track(Task.Run(() => router.HandleAsync(dispatch, stoppingToken), CancellationToken.None));
                continue;
            }
            foreach (var handler in _handlers.Where(h => h.Handles(dispatch.Type)))
                Track(Task.Run(() => RunHandlerAsync(handler, dispatch, stoppingToken), CancellationToken.None));
        }
    }

    private async Task RunHandlerAsync(IGatewayEventHandler handler, GatewayDispatch dispatch, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(dispatch, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Handler} failed on {Event} #{Sequence}", handler.GetType().Name, dispatch.Type, dispatch.Sequence);
        }
    }

    private void Track(Task task)
    {
        _inFlight[task] = 0;
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }
}
