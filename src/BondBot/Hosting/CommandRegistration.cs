using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Discord.Interactions;
using BondBot.Discord.Rest;
using BondBot.Interactions;
using BondBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot.Hosting;

/// <summary>Registers the slash commands after the first READY of shard 0 (and again after such a READY if registering
/// failed). Only the process that runs shard 0 registers, so several processes never race to overwrite the commands.
/// The registrar compares with what Discord has and changes nothing when nothing changed.</summary>
public sealed class CommandRegistration(
    ShardedGateway gateway,
    DiscordRestClient rest,
    CommandRegistrar registrar,
    CommandCatalog catalog,
    CommandMentions mentions,
    IDbConnections connections,
    IOptions<DiscordClientOptions> options,
    ILogger<CommandRegistration> logger) : IGatewayEventHandler
{
    public const string LockName = "bondbot:register-commands";

    private int _registered;
    private int _learned;

    public bool Handles(string eventType) => eventType == GatewayEvents.Ready;

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.ShardId != 0)
        {
            if (!gateway.HoldsShardZero && Interlocked.Exchange(ref _learned, 1) == 0)
                await LearnIdsAsync(cancellationToken);
            return;
        }
        if (Interlocked.Exchange(ref _registered, 1) == 1)
            return;
        try
        {
            var applicationId = gateway.ApplicationId ?? (await rest.GetCurrentApplicationAsync(cancellationToken)).Id;
            // Processes sharing a database register one after another: the first changes what changed, the rest find
            // nothing to change and only learn the command ids (for mentions).
            await using var registering = await ProcessLock.TakeAsync(connections, LockName, wait: true, cancellationToken);
            mentions.Remember(await registrar.EnsureAsync(applicationId, options.Value.DevGuild, catalog.Definitions, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.Exchange(ref _registered, 0); // try again at the next READY
            logger.LogError(e, "Registering commands failed");
        }
    }

    /// <summary>A process without shard 0 registers nothing but still needs the commands' ids, so what it sends carries
    /// clickable mentions like the rest: it reads them. Until every command is there (the process with shard 0 may not
    /// have registered yet), it reads again at its next READY.</summary>
    private async Task LearnIdsAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Commands are registered by the process that runs shard 0, not by this one");
        try
        {
            var applicationId = gateway.ApplicationId ?? (await rest.GetCurrentApplicationAsync(cancellationToken)).Id;
            var registered = await rest.GetCommandsAsync(applicationId, options.Value.DevGuild, cancellationToken);
            mentions.Remember(registered);
            if (catalog.Definitions.Any(c => registered.All(r => r.Name != c.Name)))
                Interlocked.Exchange(ref _learned, 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.Exchange(ref _learned, 0);
            logger.LogWarning(e, "Reading the registered commands failed; command hints stay plain until the next READY");
        }
    }
}
