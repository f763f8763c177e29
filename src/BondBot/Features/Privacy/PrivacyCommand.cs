using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery;
using BondBot.Features.Pairing;
using BondBot.Features.Story;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Privacy;

/// <summary><c>/privacy export|story|delete</c>: your data as files in your DMs (the JSON and "our story" to read), the
/// pair's shared story, or everything gone for good after you confirm.</summary>
public sealed class PrivacyCommand(PrivacyExport export, OurStory story, PairingRepository pairs, DirectMessenger dms) : ISlashCommand
{
    public const string DeletePrefix = "privacy.delete";

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "privacy",
        Description = "Export your data or the story you share, or delete everything BondBot stores about you",
        Options =
        [
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "export", Description = "Get a file with all your data, by DM" },
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "story", Description = "Get the story you two share, to read and keep, by DM" },
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
        if (context.Data.SubCommand() == "story")
        {
            await SendSharedStoryAsync(context, cancellationToken);
            return;
        }
        // Acknowledge first: building the files and the DM upload can take longer than Discord's 3 seconds.
        await context.Responder.DeferAsync(ephemeral: true, cancellationToken);
        var file = await export.BuildAsync(context.UserId, cancellationToken);
        var readable = await story.ForExportAsync(context.UserId, await pairs.PairsOfAsync(context.UserId, cancellationToken), cancellationToken);
        var sent = await dms.SendFilesAsync(context.UserId, new MessagePayload
            {
                Content = $"📦 Here is everything I store about you, and `{OurStory.FileName}`: your pairings as a story you can read.",
            },
            [new FileUpload("bondbot-export.json", file, "application/json"), new FileUpload(OurStory.FileName, readable, "text/markdown")], cancellationToken);
        await context.ReplyPrivatelyAsync(sent ? "Sent to your DMs with BondBot 📬" : ClosedDms, cancellationToken);
    }

    private const string ClosedDms =
        "I couldn't DM you the file because your DMs are closed. Allow DMs from this server's members (Privacy Settings) and try again.";

    private async Task SendSharedStoryAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await pairs.GetActivePairAsync(context.UserId, cancellationToken) is not { } pair)
        {
            await context.ReplyPrivatelyAsync("Your story is the one you share with a partner. Pair up first with `/pair partner:@them`; " +
                                              "`/privacy export` still gets you everything of yours, earlier pairings included.", cancellationToken);
            return;
        }
        await context.Responder.DeferAsync(ephemeral: true, cancellationToken);
        var file = await story.SharedAsync(pair, context.UserId, cancellationToken);
        var sent = await dms.SendFileAsync(context.UserId, new MessagePayload
        {
            Content = "📖 Here is your story together so far. It holds only what you've both seen — either of you can ask for it, and it reads the same.",
        }, new FileUpload(OurStory.FileName, file, "text/markdown"), cancellationToken);
        await context.ReplyPrivatelyAsync(sent ? "Your story is in your DMs with BondBot 📬" : ClosedDms, cancellationToken);
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
