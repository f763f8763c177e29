using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Pulse;

/// <summary><c>/pulse</c>: this month's closeness pulse, one dimension per click; or your results once done.</summary>
public sealed class PulseCommand(PulseService pulse, PairingService pairing) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new() { Name = "pulse", Description = "This month's closeness pulse: six quick 1–5 ratings (private)" };

    public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken) => PulseFlow.ShowAsync(context, pulse, pairing, cancellationToken);
}

/// <summary>The pulse button on the monthly prompt opens the same flow.</summary>
public sealed class PulseStartHandler(PulseService pulse, PairingService pairing) : IComponentHandler
{
    public string Prefix => PulseCards.StartPrefix;

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) => PulseFlow.ShowAsync(context, pulse, pairing, cancellationToken);
}

/// <summary>A rating button: saves it, then moves the same private message to the next step or the results.</summary>
public sealed class PulseRateHandler(PulseService pulse, PairingService pairing) : IComponentHandler
{
    public string Prefix => PulseCards.RatePrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var dimension = customId.LongAt(0);
        var rating = customId.LongAt(1);
        var month = customId.At(2);
        var current = await pulse.CurrentMonthAsync(context.UserId, cancellationToken);
        if (dimension is not (>= 0 and < 6) || rating is not (>= 1 and <= 5) || month is null || (month != current && month != PulseService.PreviousMonth(current)))
        {
            await context.ReplyPrivatelyAsync("That pulse button is out of date. Use `/pulse` for this month's.", cancellationToken);
            return;
        }
        if (await context.PairOrReplyAsync(pairing, "The pulse is for pairs — pair up first with `/pair partner:@them`.", cancellationToken) is not { } pair)
            return;
        await pulse.RateAsync(context.UserId, pair, month, (int)dimension, (int)rating, cancellationToken);
        if (await pulse.NextStepAsync(context.UserId, pair, month, cancellationToken) is { } next)
        {
            await context.Responder.UpdateMessageAsync(PulseCards.Step(next, month), cancellationToken);
            return;
        }
        await context.Responder.UpdateMessageAsync(await pulse.ResultsAsync(context.UserId, pair, month, cancellationToken), cancellationToken);
    }
}

internal static class PulseFlow
{
    public static async Task ShowAsync(InteractionContext context, PulseService pulse, PairingService pairing, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "The pulse is for pairs — pair up first with `/pair partner:@them`.", cancellationToken) is not { } pair)
            return;
        var month = await pulse.CurrentMonthAsync(context.UserId, cancellationToken);
        var message = await pulse.NextStepAsync(context.UserId, pair, month, cancellationToken) is { } step
            ? PulseCards.Step(step, month)
            : await pulse.ResultsAsync(context.UserId, pair, month, cancellationToken);
        await context.ReplyPrivatelyAsync(message, cancellationToken);
    }
}
