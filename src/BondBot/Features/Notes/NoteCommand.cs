using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Notes;

/// <summary><c>/note later|sealed</c>: a note that reaches the partner at their own next morning, or a sealed envelope
/// they open when the moment comes. Both go through the outbox with the note's own key, so each arrives once.</summary>
public sealed class NoteCommand(PairingService pairing, UserSettingsRepository settings, NoteRepository notes, NoteTimes times, IClock clock) : ISlashCommand
{
    public const int MaxText = 1500;
    public const int MaxLabel = 60;

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "note",
        Description = "A note for your partner: at their next morning, or sealed until they open it",
        Options =
        [
            new CommandOption
            {
                Type = CommandOptionType.SubCommand, Name = "later", Description = "Arrives at your partner's next morning, in their time zone",
                Options = [Message("Your note")],
            },
            new CommandOption
            {
                Type = CommandOptionType.SubCommand, Name = "sealed", Description = "An envelope now; the note shows only when they press Open",
                Options =
                [
                    new CommandOption { Type = CommandOptionType.String, Name = "label", Description = "Open when… (e.g. you miss me)", Required = true, MaxLength = MaxLabel },
                    Message("What's inside"),
                ],
            },
        ],
    };

    private static CommandOption Message(string description) =>
        new() { Type = CommandOptionType.String, Name = "message", Description = description, Required = true, MaxLength = MaxText };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "Notes go to your partner — pair up first with `/pair partner:@them`.", cancellationToken) is not { } pair)
            return;
        var text = (context.Data.GetString("message") ?? "").Trim();
        var label = (context.Data.GetString("label") ?? "").Trim();
        var sub = context.Data.SubCommand();
        if (text.Length is 0 or > MaxText || (sub == "sealed" && label.Length is 0 or > MaxLabel))
        {
            await context.ReplyPrivatelyAsync(TextBack.Format($"A note needs 1 to {MaxText} characters, and a label 1 to {MaxLabel}.", text), cancellationToken);
            return;
        }
        var reply = sub == "sealed"
            ? await SealedAsync(context.UserId, pair, label, text, cancellationToken)
            : await LaterAsync(context.UserId, pair, text, cancellationToken);
        await context.ReplyPrivatelyAsync(reply, cancellationToken);
    }

    private async Task<string> LaterAsync(ulong userId, Pair pair, string text, CancellationToken cancellationToken)
    {
        var partnerId = pair.PartnerOf(userId);
        var mine = await settings.GetAsync(userId, cancellationToken);
        var theirs = await settings.GetAsync(partnerId, cancellationToken);
        var (zone, checkIn) = NoteTimes.Of(theirs, mine);
        var now = clock.GetCurrentInstant();
        var at = times.NextMorning(now, zone, checkIn);
        await notes.AddAsync(pair.PairId, userId, partnerId, "later", null, text, now, at, id =>
            [OutboxItem.ToPartner(OutboxKinds.Note, pair.PairId, partnerId, NoteCards.Later(userId, text), $"note:{id}", at)], cancellationToken);
        var yours = mine.Zone is { } myZone ? $", {NoteCards.Local(at, myZone)} your time" : "";
        var guessed = theirs.Zone is null ? " (they haven't set a time zone yet, so I went by yours)" : "";
        return $"📝 Your note will reach <@{partnerId}> at their morning: {NoteCards.Local(at, zone)} their time{yours} — {NoteCards.Timestamp(at)}{guessed}.";
    }

    private async Task<string> SealedAsync(ulong userId, Pair pair, string label, string text, CancellationToken cancellationToken)
    {
        var partnerId = pair.PartnerOf(userId);
        var now = clock.GetCurrentInstant();
        await notes.AddAsync(pair.PairId, userId, partnerId, "sealed", label, text, now, now, id =>
            [OutboxItem.ToPartner(OutboxKinds.NoteEnvelope, pair.PairId, partnerId, NoteCards.Envelope(id, userId, partnerId, label), $"note:{id}")], cancellationToken);
        return $"💌 Your sealed note is on its way to <@{partnerId}>. Only they can open it, and I'll tell you when they do.";
    }
}
