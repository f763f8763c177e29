namespace BondBot.Discord;

/// <summary>A Discord user (User §User Object); only the fields the bot reads.</summary>
public sealed record User
{
    /// <summary>User id.</summary>
    public ulong Id { get; init; }
    /// <summary>Unique username.</summary>
    public string Username { get; init; } = "";
    /// <summary>Display name, if set.</summary>
    public string? GlobalName { get; init; }
    /// <summary>True for bot accounts.</summary>
    public bool? Bot { get; init; }

    /// <summary>The name to show people: display name, else username.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(GlobalName) ? Username : GlobalName!;
}

/// <summary>A user's membership in a guild (Guild §Guild Member Object).</summary>
public sealed record GuildMember
{
    /// <summary>The user; absent in some events.</summary>
    public User? User { get; init; }
    /// <summary>Guild nickname.</summary>
    public string? Nick { get; init; }
    /// <summary>Role ids.</summary>
    public IReadOnlyList<ulong>? Roles { get; init; }
    /// <summary>Total permissions in the channel, present on interaction members.</summary>
    public Permissions? Permissions { get; init; }
}
