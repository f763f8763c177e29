using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using BondBot.Interactions;

namespace BondBot.Features.Care;

/// <summary><b>I'm okay</b> on the care message: a warm acknowledgement, nothing recorded, nobody told.</summary>
public sealed class CareOkayHandler : IComponentHandler
{
    public string Prefix => CareMessage.OkayPrefix;

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        context.Responder.UpdateMessageAsync(CareMessage.Answered(context.Interaction.Message,
            "Thanks for letting me know 💛 If that changes, the places above are still here."), cancellationToken);
}

/// <summary><b>Pause check-ins</b> on the care message: a week's break, exactly as <c>/pause</c> gives it (the partner
/// is told of the break, without reasons, never of this message).</summary>
public sealed class CarePauseHandler(SettingsService settings, PairingService pairing) : IComponentHandler
{
    public string Prefix => CareMessage.PausePrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var saved = await settings.PauseAsync(context.UserId, CareMessage.PauseDays, s => PauseNotices.Paused(pair, context.UserId, s), cancellationToken);
        await context.Responder.UpdateMessageAsync(CareMessage.Answered(context.Interaction.Message,
            $"Check-ins are paused until <t:{saved.PausedUntil!.Value.ToUnixTimeSeconds()}:D>. Rest well 💛 `/resume` brings them back any time."), cancellationToken);
    }
}
