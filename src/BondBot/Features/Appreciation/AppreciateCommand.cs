using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Pairing;
using BondBot.Features.Delivery.Outbox;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Appreciation;

/// <summary><c>/appreciate note:</c>: a gratitude card for your partner (in your space, or by DM), kept for both.</summary>
public sealed class AppreciateCommand(PairingService pairing, AppreciationRepository notes, IClock clock) : ISlashCommand
{
    public const int MaxNoteLength = 1000;
    public const string ThankPrefix = "appr.thanks";

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "appreciate",
        Description = "Send your partner a note of thanks or appreciation",
        Options = [new CommandOption { Type = CommandOptionType.String, Name = "note", Description = "What you appreciated", Required = true, MaxLength = MaxNoteLength }],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "Appreciation notes go to your partner — pair up first with `/pair partner:@them`.", cancellationToken) is not { } pair)
            return;
        var text = (context.Data.GetString("note") ?? "").Trim();
        if (text.Length is 0 or > MaxNoteLength)
        {
            await context.ReplyPrivatelyAsync($"A note needs 1 to {MaxNoteLength} characters.", cancellationToken);
            return;
        }
        var partnerId = pair.PartnerOf(context.UserId);
        await notes.AddAsync(pair.PairId, context.UserId, partnerId, text, clock.GetCurrentInstant(), id =>
            [OutboxItem.ToPartner(OutboxKinds.Appreciation, pair.PairId, partnerId, new MessagePayload
            {
                Embeds = [new Embed { Title = "💐 A note of appreciation", Description = $"From {PairingMessages.Mention(context.UserId)}:\n\n{text}", Color = 0xE67E22 }],
                Components = [Component.Row(Component.Button(CustomId.Create(ThankPrefix, id), "Thank you 💛", ButtonStyle.Success))],
            }, $"appreciation:{id}")], cancellationToken);
        await context.ReplyPrivatelyAsync($"Sent to {PairingMessages.Mention(partnerId)} 💐 It's on its way to your space or their DMs.", cancellationToken);
    }
}

/// <summary>The Thank you button: one click closes the loop and tells the sender.</summary>
public sealed class ThankYouHandler(AppreciationRepository notes, PairingService pairing, IClock clock) : IComponentHandler
{
    public string Prefix => AppreciateCommand.ThankPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var note = customId.LongAt(0) is { } id && pair is not null
            ? await notes.ThankAsync(id, context.UserId, pair.PairId, clock.GetCurrentInstant(), thanked =>
                [OutboxItem.ToPartner(OutboxKinds.ThankYou, thanked.PairId, thanked.FromUser,
                    new MessagePayload { Content = $"{PairingMessages.Mention(context.UserId)} says thank you for your note 💛" }, $"thank-you:{thanked.AppreciationId}")],
                cancellationToken)
            : null;
        if (note is null)
        {
            await context.ReplyPrivatelyAsync("This note isn't yours to thank for, or you've already said thank you. 💛", cancellationToken);
            return;
        }
        var card = context.Interaction.Message;
        await context.Responder.UpdateMessageAsync(new MessagePayload { Embeds = card?.Embeds, Components = [], Content = "You said thank you 💛" }, cancellationToken);
    }
}
