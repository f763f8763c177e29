using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Features.Delivery;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;

namespace BondBot.Features.Space;

/// <summary>
/// Answers the outbox's question "may this pair's delivery go to their space?" — and checks, before each post, that
/// the channel still exists and is still private: @everyone denied, nobody allowed in but the two partners and the
/// bot. A space that fails is detached, and both partners are told why by DM.
/// </summary>
public sealed class SpaceGuard(SpaceRepository spaces, PairingRepository pairs, GuildChannels guild, DiscordGatewayClient gateway) : IPairSpaces
{
    public async Task<ulong?> UsableChannelAsync(long pairId, CancellationToken cancellationToken)
    {
        if (await spaces.ForPairAsync(pairId, cancellationToken) is not { } space || await pairs.GetPairAsync(pairId, cancellationToken) is not { } pair)
            return null;
        Channel? channel;
        try
        {
            channel = await guild.GetAsync(space.ChannelId, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.MissingAccess or DiscordErrorCode.MissingPermissions)
        {
            channel = null;
        }
        if (channel is null)
        {
            await DetachAsync(space, pair, SpaceMessages.Deleted, cancellationToken);
            return null;
        }
        if (!IsPrivate(channel, space.GuildId, pair, gateway.CurrentUser?.Id))
        {
            await DetachAsync(space, pair, SpaceMessages.Widened, cancellationToken);
            return null;
        }
        return space.ChannelId;
    }

    public async Task LostAsync(long pairId, ulong channelId, CancellationToken cancellationToken)
    {
        if (await pairs.GetPairAsync(pairId, cancellationToken) is { } pair && await spaces.ForPairAsync(pairId, cancellationToken) is { } space && space.ChannelId == channelId)
            await DetachAsync(space, pair, SpaceMessages.Deleted, cancellationToken);
    }

    /// <summary>Private means: @everyone may not view, and no overwrite lets anyone view but the pair and the bot.</summary>
    public static bool IsPrivate(Channel channel, ulong guildId, Pair pair, ulong? botId)
    {
        var overwrites = channel.PermissionOverwrites ?? [];
        var everyone = overwrites.FirstOrDefault(o => o.Type == OverwriteType.Role && o.Id == guildId);
        if (everyone is null || (everyone.Deny & Permissions.ViewChannel) == 0)
            return false;
        return overwrites.All(o => (o.Allow & Permissions.ViewChannel) == 0
            || o.Type == OverwriteType.Member && (o.Id == pair.UserA || o.Id == pair.UserB || o.Id == botId));
    }

    private Task DetachAsync(SpaceRepository.PairSpace space, Pair pair, string why, CancellationToken cancellationToken) =>
        spaces.RemoveByChannelAsync(space.ChannelId, removed =>
            new[] { pair.UserA, pair.UserB }.Select(u => OutboxItem.ToPerson(OutboxKinds.SpaceNotice, u, SpaceMessages.Note(why), $"space-detached:{removed.ChannelId}:{u}")),
            cancellationToken);
}
