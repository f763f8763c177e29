using System.Text.Json;
using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Discord.Interactions;
using BondBot.Discord.Rest;
using BondBot.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BondBot.Interactions;

/// <summary>
/// Runs one interaction: finds its handler (commands by name, components and modals by custom_id prefix), gives
/// it a DI scope of its own, defers for it if it is slow, and turns any failure into a kind private reply plus a
/// log line with the interaction id — never a silent "This interaction failed". Before that it drops what must not
/// run: an event that cannot be read, a duplicate, a replay older than an interaction token lives, and a person
/// going faster than their rate limit (who is told so).
/// </summary>
public sealed class InteractionRouter(
    IServiceScopeFactory scopes,
    DiscordRestClient rest,
    TimeProvider time,
    RecentInteractions recent,
    UserRateLimits limits,
    BondBotMetrics metrics,
    ILogger<InteractionRouter> logger)
{
    /// <summary>Discord's deadline is 3 s from the event; deferring at 2 s leaves a second for the round trip.</summary>
    public static readonly TimeSpan AutoDeferAfter = TimeSpan.FromSeconds(2);
    /// <summary>An interaction token lives 15 minutes (Receiving and Responding §Interaction Object); anything older
    /// is a replay and is not applied.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);
    /// <summary>At most this many interactions are handled at once; the rest wait briefly for a turn.</summary>
    public const int MaxConcurrent = 64;
    private static readonly TimeSpan WaitForTurn = TimeSpan.FromSeconds(1.5);

    public const string FailureMessage = "Sorry — something went wrong on my side and nothing was changed. Please try again in a moment.";
    public const string SlowDownMessage = "You're going a little fast for me — give it a few seconds and try again. 🙂";
    public const string BusyMessage = "I'm very busy for a moment — please try again in a few seconds.";

    private readonly SemaphoreSlim _turns = new(MaxConcurrent, MaxConcurrent);

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (Read(dispatch) is not { } interaction || !recent.TryClaim(interaction.Id))
            return; // unreadable, or delivered twice (Discord may deliver an event more than once): answered already
        // Every line logged while this interaction runs (here, in handlers, in the client) carries its ids.
        using var scope = Correlation.BeginInteraction(logger, interaction.Id);
        var responder = new InteractionResponder(rest, interaction, dispatch.ReceivedAt, time);
        var outcome = await HandleClaimedAsync(responder, cancellationToken);
        metrics.Interaction(Describe(interaction), outcome, responder.AcknowledgedAt - dispatch.ReceivedAt);
    }

    private async Task<string> HandleClaimedAsync(InteractionResponder responder, CancellationToken cancellationToken)
    {
        var interaction = responder.Interaction;
        if (time.GetUtcNow() - Snowflake.CreatedAt(interaction.Id) > TokenLifetime)
        {
            logger.LogWarning("Interaction {InteractionId} is older than an interaction token lives; not applied", interaction.Id);
            return "replay";
        }
        var typing = interaction.Type == InteractionType.ApplicationCommandAutocomplete;
        if (!limits.TryTake(interaction.Invoker.Id, typing))
        {
            await TryReplyAsync(responder, SlowDownMessage, cancellationToken);
            return "slow-down";
        }
        if (!await _turns.WaitAsync(WaitForTurn, cancellationToken))
        {
            await TryReplyAsync(responder, BusyMessage, cancellationToken);
            return "busy";
        }
        try
        {
            return await RunAsync(responder, cancellationToken);
        }
        finally
        {
            _turns.Release();
        }
    }

    private Interaction? Read(GatewayDispatch dispatch)
    {
        try
        {
            var interaction = dispatch.AsInteraction();
            _ = interaction.Invoker;
            return interaction;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            logger.LogWarning("Ignored INTERACTION_CREATE #{Sequence} that could not be read: {Error}", dispatch.Sequence, e.Message);
            return null;
        }
    }

    private async Task<string> RunAsync(InteractionResponder responder, CancellationToken cancellationToken)
    {
        var interaction = responder.Interaction;
        await using var scope = scopes.CreateAsyncScope();
        var context = new InteractionContext(responder, scope.ServiceProvider);
        try
        {
            var known = await RouteAsync(context, scope.ServiceProvider, cancellationToken);
            // After the handler, so what observers write (or wait for, on a busy database) never delays the answer.
            if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
                return known ? "ok" : "unknown";
            foreach (var observer in scope.ServiceProvider.GetServices<IInteractionObserver>())
                await observer.ObserveAsync(context, cancellationToken);
            if (interaction.Type == InteractionType.ApplicationCommand && context.Responder.Acknowledged)
                foreach (var epilogue in scope.ServiceProvider.GetServices<ICommandEpilogue>())
                    await epilogue.AfterCommandAsync(context, cancellationToken);
            return known ? "ok" : "unknown";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return "cancelled";
        }
        catch (Exception e)
        {
            logger.LogError(e, "Interaction {InteractionId} ({Kind} {Name}) failed", interaction.Id, interaction.Type, Describe(interaction));
            await TryApologiseAsync(context, cancellationToken);
            return "failed";
        }
    }

    /// <summary>Runs the handler; false when no handler knows the command or button.</summary>
    private async Task<bool> RouteAsync(InteractionContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
            case InteractionType.ApplicationCommandAutocomplete:
                var command = services.GetServices<ISlashCommand>().FirstOrDefault(c => c.Definition.Name == interaction.Data?.Name);
                if (command is null)
                {
                    await UnknownAsync(context, cancellationToken);
                    return false;
                }
                if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
                {
                    await command.AutocompleteAsync(context, cancellationToken);
                    return true;
                }
                context.Responder.StartAutoDefer(AutoDeferAfter, command.DefersPrivately, cancellationToken);
                await command.HandleAsync(context, cancellationToken);
                break;
            case InteractionType.MessageComponent:
            case InteractionType.ModalSubmit:
                var customId = CustomId.Parse(interaction.Data?.CustomId ?? "");
                var handler = services.GetServices<IComponentHandler>().FirstOrDefault(h => h.Prefix == customId.Prefix);
                if (handler is null)
                {
                    await UnknownAsync(context, cancellationToken);
                    return false;
                }
                context.Responder.StartAutoDefer(AutoDeferAfter, ephemeral: true, cancellationToken);
                await handler.HandleAsync(context, customId, cancellationToken);
                break;
        }
        if (!context.Responder.Acknowledged)
            logger.LogWarning("Interaction {InteractionId} ({Name}) finished without a response", interaction.Id, Describe(interaction));
        return true;
    }

    private static Task UnknownAsync(InteractionContext context, CancellationToken cancellationToken) =>
        context.Interaction.Type == InteractionType.ApplicationCommandAutocomplete
            ? context.Responder.AutocompleteAsync([], cancellationToken)
            : context.ReplyPrivatelyAsync("That button or command is no longer in use. Try `/help` to see what I can do.", cancellationToken);

    // A form that failed gives back what was typed into it: nothing the person wrote is lost.
    private Task TryApologiseAsync(InteractionContext context, CancellationToken cancellationToken) =>
        TryReplyAsync(context.Responder, context.Interaction.Type == InteractionType.ModalSubmit
            ? TextBack.Format(FailureMessage, context.Data.ModalFields().Values)
            : FailureMessage, cancellationToken);

    private async Task TryReplyAsync(InteractionResponder responder, string text, CancellationToken cancellationToken)
    {
        try
        {
            if (responder.Interaction.Type == InteractionType.ApplicationCommandAutocomplete)
                await responder.AutocompleteAsync([], cancellationToken);
            else
                await responder.ReplyAsync(new MessagePayload { Content = text, Flags = MessageFlags.Ephemeral }, cancellationToken);
        }
        catch (Exception e) when (e is DiscordApiException or DiscordUnavailableException or DiscordRateLimitedException or InvalidOperationException)
        {
            logger.LogWarning("Could not answer interaction {InteractionId}: {Error}", responder.Interaction.Id, e.Message);
        }
    }

    private static string Describe(Interaction interaction) => interaction.Data?.Name ?? CustomId.Parse(interaction.Data?.CustomId ?? "").Prefix;
}
