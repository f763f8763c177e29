using BondBot.Discord;
using BondBot.Discord.Rest;

namespace BondBot.Features.Delivery;

/// <summary>The server-side operations BondBot needs (members, private channels), behind one BondBot-owned service.</summary>
public sealed class GuildChannels(DiscordRestClient rest)
{
    /// <summary>The member, or null when the user is not in that server.</summary>
    public Task<GuildMember?> MemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default) =>
        rest.GetGuildMemberAsync(guildId, userId, cancellationToken);

    public Task<Channel> CreateAsync(ulong guildId, CreateGuildChannelRequest channel, CancellationToken cancellationToken = default) =>
        rest.CreateGuildChannelAsync(guildId, channel, cancellationToken);

    /// <summary>The channel with its overwrites, or null when it is gone.</summary>
    public Task<Channel?> GetAsync(ulong channelId, CancellationToken cancellationToken = default) =>
        rest.GetChannelAsync(channelId, cancellationToken);

    /// <summary>Deletes a channel; one already gone counts as deleted.</summary>
    public async Task DeleteAsync(ulong channelId, CancellationToken cancellationToken = default)
    {
        try
        {
            await rest.DeleteChannelAsync(channelId, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
        {
        }
    }
}
