using BondBot.Discord;
using BondBot.Discord.Rest;

namespace BondBot.Features.Delivery;

/// <summary>Posts and edits BondBot's messages in a channel it was given (a server channel, a pair's space, a DM
/// channel it already knows). One of the few places features reach Discord's REST API through, so swapping the
/// client touches a handful of adapters, not every feature.</summary>
public sealed class ChannelMessenger(DiscordRestClient rest)
{
    public Task<Message> PostAsync(ulong channelId, MessagePayload message, CancellationToken cancellationToken = default) =>
        rest.CreateMessageAsync(channelId, message, cancellationToken: cancellationToken);

    /// <summary>Posts with files attached (none: a plain post).</summary>
    public Task<Message> PostAsync(ulong channelId, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken = default) =>
        rest.CreateMessageAsync(channelId, message, files.Count == 0 ? null : files, cancellationToken);

    public Task<Message> EditAsync(ulong channelId, ulong messageId, MessagePayload message, CancellationToken cancellationToken = default) =>
        rest.EditMessageAsync(channelId, messageId, message, cancellationToken);
}
