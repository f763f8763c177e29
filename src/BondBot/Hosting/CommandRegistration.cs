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
    private int _toldOthers;

    public bool Handles(string eventType) => eventType == GatewayEvents.Ready;

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.ShardId != 0)
        {
            if (!gateway.HoldsShardZero && Interlocked.Exchange(ref _toldOthers, 1) == 0)
                logger.LogInformation("Commands are registered by the process that runs shard 0, not by this one");
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
}
