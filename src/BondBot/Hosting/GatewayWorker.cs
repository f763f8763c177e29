using System.Collections.Concurrent;
using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Discord.Interactions;
using BondBot.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot.Hosting;

/// <summary>
/// Keeps the gateway connected and hands each event off: interactions to the router, other events to features,
/// each on its own task so the read loop never waits for a handler. Registers the commands after the first READY.
/// A fatal close (bad token, disallowed intents) stops the host with a plain message and exit code 3.
/// </summary>
public sealed class GatewayWorker(
    DiscordGatewayClient gateway,
    InteractionRouter router,
    CommandRegistrar registrar,
    CommandCatalog catalog,
    IEnumerable<IGatewayEventHandler> handlers,
    IOptions<DiscordClientOptions> options,
    FatalStop fatal,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly IGatewayEventHandler[] _handlers = handlers.ToArray();
    private int _commandsRegistered;

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
            switch (dispatch.Type)
            {
                case GatewayEvents.Ready:
                    if (Interlocked.Exchange(ref _commandsRegistered, 1) == 0)
                        Track(RegisterCommandsAsync(stoppingToken));
                    break;
                case GatewayEvents.InteractionCreate:
                    Track(Task.Run(() => router.HandleAsync(dispatch, stoppingToken), CancellationToken.None));
                    break;
                default:
                    foreach (var handler in _handlers.Where(h => h.Handles(dispatch.Type)))
                        Track(Task.Run(() => RunHandlerAsync(handler, dispatch, stoppingToken), CancellationToken.None));
                    break;
            }
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken stoppingToken)
    {
        try
        {
            var applicationId = gateway.ApplicationId ?? throw new InvalidOperationException("READY carried no application id.");
            await registrar.EnsureAsync(applicationId, options.Value.DevGuild, catalog.Definitions, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.Exchange(ref _commandsRegistered, 0); // try again at the next READY
            logger.LogError(e, "Registering commands failed");
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
