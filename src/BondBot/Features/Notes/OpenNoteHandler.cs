using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Notes;

/// <summary>The envelope's <b>Open</b> button. Only the recipient opens it, and only within the pairing it was written in.
/// In a server the envelope may sit in the pair's shared space, so the note is shown in a reply only they see; in a DM
/// the envelope itself becomes the note. The sender hears of the first opening once.</summary>
public sealed class OpenNoteHandler(NoteRepository notes, PairingService pairing, IClock clock) : IComponentHandler
{
    public string Prefix => NoteCards.OpenPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var note = customId.LongAt(0) is { } id ? await notes.GetAsync(id, cancellationToken) : null;
        if (note is not { Kind: "sealed" })
        {
            await context.ReplyPrivatelyAsync("This note is no longer kept, so there's nothing left to open. 💌", cancellationToken);
            return;
        }
        if (note.ToUser != context.UserId)
        {
            await context.ReplyPrivatelyAsync($"This envelope is for <@{note.ToUser}> to open — it's theirs alone. 💌", cancellationToken);
            return;
        }
        if (await pairing.GetActivePairAsync(context.UserId, cancellationToken) is not { } pair || pair.PairId != note.PairId)
        {
            await context.ReplyPrivatelyAsync("This envelope belongs to a pairing that has ended, so I've kept it closed.", cancellationToken);
            return;
        }
        // Opened now, or opened before (the recipient reading it again): either way they see it; only the first tells the sender.
        await notes.OpenAsync(note.NoteId, context.UserId, pair.PairId, clock.GetCurrentInstant(), opened =>
            [OutboxItem.ToPartner(OutboxKinds.NoteOpened, opened.PairId, opened.FromUser, NoteCards.OpenedNotice(context.UserId, opened.CreatedAt), $"note-opened:{opened.NoteId}")],
            cancellationToken);
        var shown = NoteCards.Opened(note.FromUser, note.Label ?? "", note.Text);
        if (context.InGuild)
            await context.ReplyPrivatelyAsync(shown, cancellationToken);
        else
            await context.Responder.UpdateMessageAsync(shown, cancellationToken);
    }
}
