using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>Send (and Let them know): the draft is consumed in the transaction that writes its delivery, so pressing
/// it twice, or on an older copy of the preview, sends nothing more.</summary>
public sealed class SendHandler(PairingService pairing, SettingsService settings, RepairRepository drafts, IClock clock) : IComponentHandler
{
    public const string SendPrefix = "rp.send";
    public const string KeepPrefix = "rp.keep";

    public string Prefix => SendPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "You're not paired right now, so there's no one to send this to. It stays with you.", cancellationToken) is not { } pair)
            return;
        var partnerId = pair.PartnerOf(context.UserId);
        var zone = (await settings.GetAsync(partnerId, cancellationToken)).Zone;
        var now = clock.GetCurrentInstant();
        var sent = customId.LongAt(0) is { } id
            ? await drafts.SendAsync(id, context.UserId, pair.PairId, now, d => [RepairNotices.For(d, pair.PairId, partnerId, zone, now)], cancellationToken)
            : null;
        if (sent is null)
        {
            await context.ReplyPrivatelyAsync(RepairCards.Stale, cancellationToken);
            return;
        }
        var outcome = sent.Kind == "pause"
            ? $"<@{partnerId}> will know you're taking a breath and when you'll be back. Come back when you said 🌿"
            : $"Sent to <@{partnerId}> 💌 It's on its way to your space or their DMs.";
        await context.Responder.UpdateMessageAsync(RepairCards.Settled(context.Interaction.Message, outcome), cancellationToken);
    }
}

/// <summary>Keep it to myself (and Just for me): the draft is deleted at once and nothing is sent.</summary>
public sealed class KeepHandler(RepairRepository drafts) : IComponentHandler
{
    public string Prefix => SendHandler.KeepPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (customId.LongAt(0) is not { } id || !await drafts.DiscardAsync(id, context.UserId, cancellationToken))
        {
            await context.ReplyPrivatelyAsync(RepairCards.Stale, cancellationToken);
            return;
        }
        await context.Responder.UpdateMessageAsync(
            RepairCards.Settled(context.Interaction.Message, "Kept just for you — nothing was sent, and I haven't kept a copy. Take your time 🌿"), cancellationToken);
    }
}

/// <summary>The partner's one-tap 💛 Thank you on a repair message: closes the loop and tells the sender once.</summary>
public sealed class RepairThanksHandler(PairingService pairing, RepairRepository drafts, IClock clock) : IComponentHandler
{
    public string Prefix => RepairNotices.ThanksPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var thanked = customId.LongAt(0) is { } id && pair is not null
            ? await drafts.ThankAsync(id, context.UserId, pair.PairId, clock.GetCurrentInstant(), m => [RepairNotices.Thanked(m, context.UserId)], cancellationToken)
            : null;
        if (thanked is null)
        {
            await context.ReplyPrivatelyAsync("This message isn't yours to thank for, or you've already said thank you. 💛", cancellationToken);
            return;
        }
        await context.Responder.UpdateMessageAsync(RepairCards.Settled(context.Interaction.Message, "You said thank you 💛"), cancellationToken);
    }
}
