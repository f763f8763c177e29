using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Features.Space;

namespace BondBot.Features.Admin.Doctor;

/// <summary>Where new private spaces go in a server (the chosen category, or the top of the channel list) and the
/// bot's permissions there, computed from the guild's roles, the bot's roles and the category's overwrites as Discord
/// computes them.</summary>
public sealed record SpacePlace(ulong? CategoryId, bool CategoryMissing, string? CategoryName, Permissions BotPermissions)
{
    /// <summary>What the bot needs where spaces are created, each with the name Discord's settings show.</summary>
    public static readonly IReadOnlyList<(Permissions Bit, string Name)> Needed =
    [
        (Permissions.ManageChannels, "Manage Channels"),
        (Permissions.ViewChannel, "View Channels"),
        (Permissions.SendMessages, "Send Messages"),
        (Permissions.EmbedLinks, "Embed Links"),
        (Permissions.AttachFiles, "Attach Files"),
        (Permissions.ReadMessageHistory, "Read Message History"),
    ];

    public IReadOnlyList<string> Missing => Needed.Where(n => (BotPermissions & n.Bit) != n.Bit).Select(n => n.Name).ToList();
}

/// <summary>Reads a server's <see cref="SpacePlace"/> through Discord's REST API: roles, the bot's member, the category.</summary>
public sealed class SpacePlaceReader(SpaceRepository spaces, GuildChannels channels, Discord.Rest.DiscordRestClient rest, Discord.Gateway.DiscordGatewayClient gateway)
{
    public async Task<SpacePlace> ReadAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var botId = gateway.CurrentUser?.Id ?? throw new InvalidOperationException("The bot user is not known before READY.");
        var guildRoles = await rest.GetGuildRolesAsync(guildId, cancellationToken);
        var memberRoles = (await channels.MemberAsync(guildId, botId, cancellationToken))?.Roles ?? [];
        var inGuild = PermissionCalculator.InGuild(guildId, guildRoles, memberRoles.ToHashSet());
        if (await spaces.CategoryAsync(guildId, cancellationToken) is not { } categoryId)
            return new SpacePlace(null, false, null, inGuild);
        if (await channels.GetAsync(categoryId, cancellationToken) is not { } category)
            return new SpacePlace(categoryId, true, null, inGuild);
        var inCategory = PermissionCalculator.InChannel(guildId, inGuild, category.PermissionOverwrites, botId, memberRoles.ToHashSet());
        return new SpacePlace(categoryId, false, category.Name, inCategory);
    }
}
