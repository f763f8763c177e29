using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Discord.Interactions;
using BondBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BondBot.Interactions;

/// <summary>
/// Runs one interaction: finds its handler (commands by name, components and modals by custom_id prefix), gives
/// it a DI scope of its own, defers for it if it is slow, and turns any failure into a kind private reply plus a
/// log line with the interaction id — never a silent "This interaction failed".
/// </summary>
public sealed class InteractionRouter(
    IServiceScopeFactory scopes,
    DiscordRestClient rest,
    TimeProvider time,
    RecentInteractions recent,
    ILogger<InteractionRouter> logger)
{
    /// <summary>Discord's deadline is 3 s from the event; deferring at 2 s leaves a second for the round trip.</summary>
    public static readonly TimeSpan AutoDeferAfter = TimeSpan.FromSeconds(2);

    public const string FailureMessage = "Sorry — something went wrong on my side and nothing was changed. Please try again in a moment.";

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        var interaction = dispatch.AsInteraction();
        if (!recent.TryClaim(interaction.Id))
            return; // delivered twice (Discord may deliver an event more than once); answered already
        var responder = new InteractionResponder(rest, interaction, dispatch.ReceivedAt, time);
        await using var scope = scopes.CreateAsyncScope();
        var context = new InteractionContext(responder, scope.ServiceProvider);
        try
        {
            await RouteAsync(context, scope.ServiceProvider, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Interaction {InteractionId} ({Kind} {Name}) failed", interaction.Id, interaction.Type, Describe(interaction));
            await TryApologiseAsync(responder, cancellationToken);
        }
    }

    private async Task RouteAsync(InteractionContext context, IServiceProvider services, CancellationToken cancellationToken)
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
                    return;
                }
                if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
                {
                    await command.AutocompleteAsync(context, cancellationToken);
                    return;
                }
                context.Responder.StartAutoDefer(AutoDeferAfter, command.DefersPrivately, cancellationToken);
                await command.HandleAsync(context, cancellationToken);
                if (context.Responder.Acknowledged)
                    foreach (var epilogue in services.GetServices<ICommandEpilogue>())
                        await epilogue.AfterCommandAsync(context, cancellationToken);
                break;
            case InteractionType.MessageComponent:
            case InteractionType.ModalSubmit:
                var customId = CustomId.Parse(interaction.Data?.CustomId ?? "");
                var handler = services.GetServices<IComponentHandler>().FirstOrDefault(h => h.Prefix == customId.Prefix);
                if (handler is null)
                {
                    await UnknownAsync(context, cancellationToken);
                    return;
                }
                context.Responder.StartAutoDefer(AutoDeferAfter, ephemeral: true, cancellationToken);
                await handler.HandleAsync(context, customId, cancellationToken);
                break;
        }
        if (!context.Responder.Acknowledged)
            logger.LogWarning("Interaction {InteractionId} ({Name}) finished without a response", interaction.Id, Describe(interaction));
    }

    private static Task UnknownAsync(InteractionContext context, CancellationToken cancellationToken) =>
        context.Interaction.Type == InteractionType.ApplicationCommandAutocomplete
            ? context.Responder.AutocompleteAsync([], cancellationToken)
            : context.ReplyPrivatelyAsync("That button or command is no longer in use. Try `/help` to see what I can do.", cancellationToken);

    private async Task TryApologiseAsync(InteractionResponder responder, CancellationToken cancellationToken)
    {
        if (responder.Interaction.Type == InteractionType.ApplicationCommandAutocomplete)
            return;
        try
        {
            await responder.ReplyAsync(new MessagePayload { Content = FailureMessage, Flags = MessageFlags.Ephemeral }, cancellationToken);
        }
        catch (Exception e) when (e is DiscordApiException or DiscordUnavailableException or InvalidOperationException)
        {
            logger.LogWarning("Could not tell the user about the failure of interaction {InteractionId}: {Error}", responder.Interaction.Id, e.Message);
        }
    }

    private static string Describe(Interaction interaction) => interaction.Data?.Name ?? CustomId.Parse(interaction.Data?.CustomId ?? "").Prefix;
}
