using BondBot.Discord;
using BondBot.Discord.Json;

namespace BondBot.Features.Delivery.Outbox;

/// <summary>
/// Sends one outbox row (or one shared post for its group) and says how it ended. Every create carries the row's own
/// nonce with <c>enforce_nonce</c>, so a resend after a crash or a lost answer lands once; a row sent before (its
/// key was enqueued again) is edited in place.
/// </summary>
public sealed class OutboxSender(ChannelMessenger channels, GuildChannels guild, DirectMessenger dms, OutboxRepository outbox, IEnumerable<IPairSpaces> spaces)
{
    private readonly IPairSpaces? _spaces = spaces.FirstOrDefault();

    public enum Outcome { Sent, Held, Failed }

    public sealed record Result(Outcome Outcome, IReadOnlyList<OutboxRepository.Row> Rows, Message? Message = null, string? Error = null);

    public async Task<Result> SendAsync(OutboxRepository.Row row, CancellationToken cancellationToken)
    {
        switch (row.RouteKind)
        {
            case OutboxRoute.DeleteChannel:
                return await DeleteChannelAsync(row, cancellationToken);
            case OutboxRoute.PairShared when await SpaceAsync(row, cancellationToken) is { } shared:
                var group = await outbox.SharingAsync(row.ShareKey!, cancellationToken);
                var ids = group.Append(row).DistinctBy(r => r.DeliveryId).ToList();
                var posted = await PostInSpaceAsync(row, shared, Payload(row) with { Nonce = "s" + group.Select(r => r.DeliveryId).DefaultIfEmpty(row.DeliveryId).Min() }, cancellationToken);
                return posted is null ? await DirectAsync(row, cancellationToken) : new Result(Outcome.Sent, ids, posted);
            case OutboxRoute.Pair when await SpaceAsync(row, cancellationToken) is { } space:
                var mention = $"<@{row.RecipientId}>";
                var payload = Payload(row);
                var forThem = payload with
                {
                    Content = $"{mention} {payload.Content}".Trim(),
                    AllowedMentions = AllowedMentions.OnlyUsers(row.RecipientId!.Value),
                    Nonce = row.Nonce,
                };
                var sent = await PostInSpaceAsync(row, space, forThem, cancellationToken);
                return sent is null ? await DirectAsync(row, cancellationToken) : new Result(Outcome.Sent, [row], sent);
            default:
                return await DirectAsync(row, cancellationToken);
        }
    }

    private async Task<ulong?> SpaceAsync(OutboxRepository.Row row, CancellationToken cancellationToken) =>
        _spaces is not null && row.PairId is { } pairId ? await _spaces.UsableChannelAsync(pairId, cancellationToken) : null;

    private async Task<Result> DirectAsync(OutboxRepository.Row row, CancellationToken cancellationToken)
    {
        var payload = Payload(row) with { Nonce = row.Nonce };
        if (row is { MessageId: { } earlier, ChannelId: { } channel } && await TryEditAsync(channel, earlier, payload, cancellationToken) is { } edited)
            return new Result(Outcome.Sent, [row], edited);
        var message = await dms.SendAsync(row.RecipientId!.Value, payload, await outbox.FilesAsync(row, cancellationToken), cancellationToken);
        return message is null ? new Result(Outcome.Held, [row]) : new Result(Outcome.Sent, [row], message);
    }

    /// <summary>Posts (or edits) in the space; null when the space is gone, which is then forgotten.</summary>
    private async Task<Message?> PostInSpaceAsync(OutboxRepository.Row row, ulong channelId, MessagePayload payload, CancellationToken cancellationToken)
    {
        try
        {
            if (row is { MessageId: { } earlier, ChannelId: { } channel } && channel == channelId && await TryEditAsync(channel, earlier, payload, cancellationToken) is { } edited)
                return edited;
            return await channels.PostAsync(channelId, payload, await outbox.FilesAsync(row, cancellationToken), cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownChannel or DiscordErrorCode.MissingAccess)
        {
            await _spaces!.LostAsync(row.PairId!.Value, channelId, cancellationToken);
            return null;
        }
    }

    private async Task<Message?> TryEditAsync(ulong channelId, ulong messageId, MessagePayload payload, CancellationToken cancellationToken)
    {
        try
        {
            return await channels.EditAsync(channelId, messageId, payload with { Nonce = null, EnforceNonce = null }, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownMessage or DiscordErrorCode.UnknownChannel or DiscordErrorCode.MissingAccess)
        {
            return null; // deleted since: a new message is sent instead
        }
    }

    private async Task<Result> DeleteChannelAsync(OutboxRepository.Row row, CancellationToken cancellationToken)
    {
        await guild.DeleteAsync(row.ChannelId!.Value, cancellationToken);
        return new Result(Outcome.Sent, [row]);
    }

    private static MessagePayload Payload(OutboxRepository.Row row) => PayloadJson.Deserialize(row.Payload);
}
