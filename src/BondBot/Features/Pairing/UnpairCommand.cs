using BondBot.Discord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Interactions;

namespace BondBot.Features.Pairing;

/// <summary><c>/unpair</c>: asks for confirmation, then ends the pair for both and tells the partner kindly.</summary>
public sealed class UnpairCommand(PairingService pairing) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new() { Name = "unpair", Description = "End your pairing (asks you to confirm first)" };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "You're not paired right now. Use `/pair partner:@them` to invite your partner.", cancellationToken) is not { } pair)
            return;
        await context.ReplyPrivatelyAsync(new MessagePayload
        {
            Content = $"Do you want to end your pairing with {PairingMessages.Mention(pair.PartnerOf(context.UserId))}? " +
                      "Your shared history stays with each of you until you delete your own data; a private space you share is deleted.",
            Components =
            [
                Component.Row(
                    Component.Button(CustomId.Create(UnpairConfirmHandler.ConfirmPrefix, pair.PairId), "End pairing", ButtonStyle.Danger),
                    Component.Button(CustomId.Create(UnpairConfirmHandler.KeepPrefix, pair.PairId), "Keep pairing")),
            ],
        }, cancellationToken);
    }
}

/// <summary>The confirmation buttons of <c>/unpair</c>. The partner's notice is written with the change itself,
/// and the pair's private space closes with the pair.</summary>
public sealed class UnpairConfirmHandler(PairingService pairing) : IComponentHandler
{
    public const string ConfirmPrefix = "pair.unpair";
    public const string KeepPrefix = "pair.keep";

    public string Prefix => ConfirmPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var ended = customId.LongAt(0) is { } pairId
            ? await pairing.UnpairAsync(context.UserId, pairId, pair => [OutboxItem.ToPerson(OutboxKinds.Unpaired, pair.PartnerOf(context.UserId), new MessagePayload
            {
                Content = $"{PairingMessages.Mention(context.UserId)} has ended your pairing on BondBot. Your own history stays with you, " +
                          "and any private space you shared is closed. You can start again any time with `/pair`. Take care of yourself. 💛",
            })], cancellationToken)
            : null;
        if (ended is null)
        {
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered("This pairing has already ended, so there's nothing to do."), cancellationToken);
            return;
        }
        var partnerId = ended.PartnerOf(context.UserId);
        await context.Responder.UpdateMessageAsync(PairingMessages.Answered(
            $"Your pairing with {PairingMessages.Mention(partnerId)} has ended, and any private space you shared is closed. Take care of yourself. 💛"), cancellationToken);
    }

    /// <summary>"Keep pairing": closes the question, changes nothing.</summary>
    public sealed class Keep : IComponentHandler
    {
        public string Prefix => KeepPrefix;

        public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
            context.Responder.UpdateMessageAsync(PairingMessages.Answered("Nothing changed — you're still paired. 💞"), cancellationToken);
    }
}
