using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Privacy;

/// <summary><c>/privacy export|delete</c>: your data as a file in your DMs, or gone for good after you confirm.</summary>
public sealed class PrivacyCommand(PrivacyExport export, DirectMessenger dms) : ISlashCommand
{
    public const string DeletePrefix = "privacy.delete";

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "privacy",
        Description = "Export or delete everything BondBot stores about you",
        Options =
        [
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "export", Description = "Get a file with all your data, by DM" },
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "delete", Description = "Delete all your data (asks you to confirm)" },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (context.Data.SubCommand() == "delete")
        {
            await context.ReplyPrivatelyAsync(new MessagePayload
            {
                Content = "This deletes everything I store about you — settings, answers, check-ins, pulse ratings, notes you sent — " +
                          "and ends your pairing (your partner is told; their own data stays theirs); private spaces you shared are deleted. It can't be undone. Continue?",
                Components = [Component.Row(Component.Button(CustomId.Create(DeletePrefix, context.UserId), "Delete my data", ButtonStyle.Danger))],
            }, cancellationToken);
            return;
        }
        // Acknowledge first: building the file and the DM upload can take longer than Discord's 3 seconds.
        await context.Responder.DeferAsync(ephemeral: true, cancellationToken);
        var file = await export.BuildAsync(context.UserId, cancellationToken);
        var sent = await dms.SendFileAsync(context.UserId, new MessagePayload { Content = "📦 Here is everything I store about you." },
            new FileUpload("bondbot-export.json", file, "application/json"), cancellationToken);
        await context.ReplyPrivatelyAsync(sent
            ? "Sent to your DMs with BondBot 📬"
            : "I couldn't DM you the file because your DMs are closed. Allow DMs from this server's members (Privacy Settings) and try again.", cancellationToken);
    }
}

/// <summary>The confirmation button: only the person who asked can press it. The partner's notice and the closing
/// of a shared space are part of the erase itself (the outbox delivers them).</summary>
public sealed class PrivacyDeleteHandler(PrivacyEraser eraser, IClock clock) : IComponentHandler
{
    public string Prefix => PrivacyCommand.DeletePrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (customId.UlongAt(0) != context.UserId)
        {
            await context.ReplyPrivatelyAsync("Only the person who asked can confirm deleting their data.", cancellationToken);
            return;
        }
        await eraser.EraseAsync(context.UserId, clock.GetCurrentInstant(), cancellationToken);
        await context.Responder.UpdateMessageAsync(PairingMessages.Answered("Done — everything I stored about you is deleted. Take care. 💛"), cancellationToken);
    }
}
