namespace BondBot.Discord;

/// <summary>Channel types the bot meets (Channel §Channel Types); unknown values pass through as numbers.</summary>
public enum ChannelType
{
    /// <summary>GUILD_TEXT.</summary>
    GuildText = 0,
    /// <summary>DM.</summary>
    Dm = 1,
    /// <summary>GUILD_CATEGORY.</summary>
    GuildCategory = 4,
}

/// <summary>A channel (Channel §Channel Object); only the fields the bot reads or writes.</summary>
public sealed record Channel
{
    /// <summary>Channel id.</summary>
    public ulong Id { get; init; }
    /// <summary>Channel type.</summary>
    public ChannelType Type { get; init; }
    /// <summary>Guild id, absent for DMs.</summary>
    public ulong? GuildId { get; init; }
    /// <summary>Channel name (1–100 characters).</summary>
    public string? Name { get; init; }
    /// <summary>Parent category id.</summary>
    public ulong? ParentId { get; init; }
    /// <summary>Topic (0–1024 characters).</summary>
    public string? Topic { get; init; }
    /// <summary>Explicit permission overwrites.</summary>
    public IReadOnlyList<PermissionOverwrite>? PermissionOverwrites { get; init; }
    /// <summary>DM recipients.</summary>
    public IReadOnlyList<User>? Recipients { get; init; }
}

/// <summary>Overwrite target kind (Channel §Overwrite Object): 0 role, 1 member.</summary>
public enum OverwriteType
{
    /// <summary>A role; the @everyone role's id is the guild id.</summary>
    Role = 0,
    /// <summary>A member.</summary>
    Member = 1,
}

/// <summary>A permission overwrite (Channel §Overwrite Object).</summary>
public sealed record PermissionOverwrite
{
    /// <summary>Role or user id.</summary>
    public ulong Id { get; init; }
    /// <summary>Role or member.</summary>
    public OverwriteType Type { get; init; }
    /// <summary>Allowed bits, serialized as a string.</summary>
    public Permissions Allow { get; init; }
    /// <summary>Denied bits, serialized as a string.</summary>
    public Permissions Deny { get; init; }
}

/// <summary>Body of Create Guild Channel (Guild §Create Guild Channel).</summary>
public sealed record CreateGuildChannelRequest
{
    /// <summary>1–100 characters.</summary>
    public required string Name { get; init; }
    /// <summary>Channel type, text by default.</summary>
    public ChannelType Type { get; init; } = ChannelType.GuildText;
    /// <summary>0–1024 characters.</summary>
    public string? Topic { get; init; }
    /// <summary>Category id.</summary>
    public ulong? ParentId { get; init; }
    /// <summary>Overwrites; every bit must be one the bot itself holds in the guild.</summary>
    public IReadOnlyList<PermissionOverwrite>? PermissionOverwrites { get; init; }
}

/// <summary>Body of Create DM (User §Create DM).</summary>
internal sealed record CreateDmRequest(ulong RecipientId);
