using NodaTime;
using BondBot.Discord;
using BondBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace BondBot.Features.Delivery;

/// <summary>
/// Sends a person a DM. Closed DMs (50007) are a normal outcome, not an error: the person is marked unreachable and
/// the caller gets null to choose a fallback. While someone is known to be unreachable no DM is even tried (each
/// refusal counts towards Discord's invalid-request limit); the mark is cleared when they next use BondBot.
/// </summary>
public sealed class DirectMessenger(DiscordRestClient rest, DmChannelRepository channels, IClock clock, ILogger<DirectMessenger> logger)
{
    public Task<Message?> SendAsync(ulong userId, MessagePayload message, CancellationToken cancellationToken = default) =>
        SendCoreAsync(userId, message, null, cancellationToken);

    /// <summary>Sends a message with files attached (none: a plain message); null when the person's DMs are closed.</summary>
    public Task<Message?> SendAsync(ulong userId, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken = default) =>
        SendCoreAsync(userId, message, files.Count == 0 ? null : files, cancellationToken);

    /// <summary>Sends a message with one file; false when the person's DMs are closed.</summary>
    public async Task<bool> SendFileAsync(ulong userId, MessagePayload message, FileUpload file, CancellationToken cancellationToken = default) =>
        await SendCoreAsync(userId, message, [file], cancellationToken) is not null;

    /// <summary>Sends a message with several files attached; false when the person's DMs are closed.</summary>
    public async Task<bool> SendFilesAsync(ulong userId, MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken = default) =>
        await SendCoreAsync(userId, message, files, cancellationToken) is not null;

    private async Task<Message?> SendCoreAsync(ulong userId, MessagePayload message, IReadOnlyList<FileUpload>? files, CancellationToken cancellationToken)
    {
        if (await channels.IsUnreachableAsync(userId, cancellationToken))
            return null;
        try
        {
            Message sent;
            try
            {
                sent = await rest.CreateMessageAsync(await ChannelAsync(userId, cancellationToken), message, files, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
            {
                // The cached DM channel is gone (rare): open it again once.
                await channels.ForgetChannelAsync(userId, cancellationToken);
                sent = await rest.CreateMessageAsync(await ChannelAsync(userId, cancellationToken), message, files, cancellationToken);
            }
            return sent;
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.CannotMessageUser or DiscordErrorCode.InvalidRecipients)
        {
            logger.LogInformation("DMs of user {UserId} are closed; marked unreachable", userId);
            await channels.MarkUnreachableAsync(userId, clock.GetCurrentInstant(), cancellationToken);
            return null;
        }
    }

    /// <summary>Edits a message BondBot sent in a person's DMs; false when it is gone or cannot be reached (an edit
    /// is a courtesy, never the only copy of anything).</summary>
    public async Task<bool> EditAsync(ulong userId, ulong messageId, MessagePayload message, CancellationToken cancellationToken = default)
    {
        if (await channels.GetChannelAsync(userId, cancellationToken) is not { } channel)
            return false;
        try
        {
            await rest.EditMessageAsync(channel, messageId, message, cancellationToken);
            return true;
        }
        catch (DiscordApiException e)
        {
            logger.LogInformation("Could not edit DM message {MessageId} of user {UserId}: {Code}", messageId, userId, e.Code);
            return false;
        }
    }

    /// <summary>The cached DM channel, opened once (User §Create DM returns the existing one anyway).</summary>
    public async Task<ulong> ChannelAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        if (await channels.GetChannelAsync(userId, cancellationToken) is { } cached)
            return cached;
        var channel = await rest.CreateDmAsync(userId, cancellationToken);
        await channels.SetChannelAsync(userId, channel.Id, cancellationToken);
        return channel.Id;
    }
}
