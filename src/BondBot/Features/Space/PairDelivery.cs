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
        if (await PostInSpaceAsync(pair, message, cancellationToken) is { } posted)
            return [posted];
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
        var posted = await PostInSpaceAsync(pair, message with
        {
            Content = $"<@{userId}> {message.Content}".Trim(),
            AllowedMentions = AllowedMentions.OnlyUsers(userId),
        }, cancellationToken);
        return posted ?? await dms.SendAsync(userId, message, cancellationToken);
    }

    /// <summary>Posts in the pair's space; null when there is none, or it vanished (then it is forgotten).</summary>
    private async Task<Message?> PostInSpaceAsync(Pair pair, MessagePayload message, CancellationToken cancellationToken)
    {
        if (await spaces.ForPairAsync(pair.PairId, cancellationToken) is not { } space)
            return null;
        try
        {
            return await rest.CreateMessageAsync(space.ChannelId, message, cancellationToken: cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownChannel or DiscordErrorCode.MissingAccess)
        {
            await spaces.RemoveByChannelAsync(space.ChannelId, cancellationToken);
            return null;
        }
    }
}
