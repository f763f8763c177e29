using BondBot.Discord;
using BondBot.Discord.Rest;
using BondBot.Features.Delivery;
using BondBot.Features.Pairing;

namespace BondBot.Features.Space;

/// <summary>
/// Sends something meant for both partners: into their private space when they have one, otherwise to each of them
/// by DM. A space that vanished while the bot was away (Unknown Channel) is forgotten and DMs take over.
/// </summary>
public sealed class PairDelivery(SpaceRepository spaces, DiscordRestClient rest, DirectMessenger dms)
{
    /// <summary>Returns the messages sent (one in the space, or one per reachable partner).</summary>
    public async Task<IReadOnlyList<Message>> SendAsync(Pair pair, MessagePayload message, CancellationToken cancellationToken)
    {
        if (await spaces.ForPairAsync(pair.PairId, cancellationToken) is { } space)
        {
            try
            {
                return [await rest.CreateMessageAsync(space.ChannelId, message, cancellationToken: cancellationToken)];
            }
            catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownChannel or DiscordErrorCode.MissingAccess)
            {
                await spaces.RemoveByChannelAsync(space.ChannelId, cancellationToken);
            }
        }
        var sent = new List<Message>();
        foreach (var userId in new[] { pair.UserA, pair.UserB })
        {
            if (await dms.SendAsync(userId, message, cancellationToken) is { } dm)
                sent.Add(dm);
        }
        return sent;
    }

    /// <summary>Sends to one partner: in the space (mentioning them) when there is one, otherwise by DM.</summary>
    public async Task<Message?> SendToAsync(Pair pair, ulong userId, MessagePayload message, CancellationToken cancellationToken)
    {
        if (await spaces.ForPairAsync(pair.PairId, cancellationToken) is { } space)
        {
            try
            {
                return await rest.CreateMessageAsync(space.ChannelId, message with
                {
                    Content = $"<@{userId}> {message.Content}".Trim(),
                    AllowedMentions = AllowedMentions.OnlyUsers(userId),
                }, cancellationToken: cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownChannel or DiscordErrorCode.MissingAccess)
            {
                await spaces.RemoveByChannelAsync(space.ChannelId, cancellationToken);
            }
        }
        return await dms.SendAsync(userId, message, cancellationToken);
    }
}
