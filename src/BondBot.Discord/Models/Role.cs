namespace BondBot.Discord;

/// <summary>A guild role (Permissions §Role Object); only the fields the bot reads. The @everyone role's id is the
/// guild's id.</summary>
public sealed record Role
{
    /// <summary>Role id.</summary>
    public ulong Id { get; init; }
    /// <summary>Role name.</summary>
    public string? Name { get; init; }
    /// <summary>Guild-wide permission bits, serialized as a string.</summary>
    public Permissions Permissions { get; init; }
    /// <summary>Position in the role list.</summary>
    public int Position { get; init; }
    /// <summary>True for roles an integration (a bot) manages.</summary>
    public bool Managed { get; init; }
}

/// <summary>
/// A member's effective permissions as Discord computes them (Permissions §Permission Hierarchy, §Permission
/// Overwrites): the @everyone role's bits and the member's roles' bits together; ADMINISTRATOR grants everything;
/// then in a channel the @everyone overwrite, then all role overwrites together (denies, then allows), then the
/// member's own overwrite.
/// </summary>
public static class PermissionCalculator
{
    /// <summary>Guild-wide permissions of a member holding <paramref name="memberRoles"/>.</summary>
    public static Permissions InGuild(ulong guildId, IReadOnlyList<Role> roles, IReadOnlyCollection<ulong> memberRoles)
    {
        var result = roles.FirstOrDefault(r => r.Id == guildId)?.Permissions ?? Permissions.None;
        foreach (var role in roles.Where(r => memberRoles.Contains(r.Id)))
            result |= role.Permissions;
        return (result & Permissions.Administrator) != 0 ? (Permissions)ulong.MaxValue : result;
    }

    /// <summary>Permissions of a member in a channel with <paramref name="overwrites"/> (a category's overwrites for
    /// what a channel created under it starts from).</summary>
    public static Permissions InChannel(ulong guildId, Permissions guildPermissions, IReadOnlyList<PermissionOverwrite>? overwrites,
        ulong memberId, IReadOnlyCollection<ulong> memberRoles)
    {
        if ((guildPermissions & Permissions.Administrator) != 0)
            return (Permissions)ulong.MaxValue;
        var result = guildPermissions;
        if (overwrites is null)
            return result;
        if (overwrites.FirstOrDefault(o => o.Type == OverwriteType.Role && o.Id == guildId) is { } everyone)
            result = (result & ~everyone.Deny) | everyone.Allow;
        var allow = Permissions.None;
        var deny = Permissions.None;
        foreach (var o in overwrites.Where(o => o.Type == OverwriteType.Role && o.Id != guildId && memberRoles.Contains(o.Id)))
        {
            allow |= o.Allow;
            deny |= o.Deny;
        }
        result = (result & ~deny) | allow;
        if (overwrites.FirstOrDefault(o => o.Type == OverwriteType.Member && o.Id == memberId) is { } own)
            result = (result & ~own.Deny) | own.Allow;
        return result;
    }
}
