using BondBot.Discord;
using BondBot.Interactions;

namespace BondBot.Features.Delivery;

/// <summary>
/// When a scheduled DM failed because the person's DMs are closed, the next command they use tells them how to open
/// them. The flag is then cleared, so the next scheduled prompt tries once more instead of never again.
/// </summary>
public sealed class UnreachableNotice(DmChannelRepository channels) : ICommandEpilogue
{
    public const string Text =
        "📭 I couldn't send you your check-in because your DMs are closed. To get prompts, open this server's menu → " +
        "**Privacy Settings** → turn on **Direct Messages**. You can always use `/checkin` here meanwhile.";

    public async Task AfterCommandAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (!await channels.IsUnreachableAsync(context.UserId, cancellationToken))
            return;
        await context.Responder.FollowUpAsync(new MessagePayload { Content = Text, Flags = MessageFlags.Ephemeral }, cancellationToken);
        await channels.MarkReachableAsync(context.UserId, cancellationToken);
    }
}
