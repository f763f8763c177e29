using System.Text.Json;

namespace BondBot.Discord;

/// <summary>Option types (Application Commands §Application Command Option Type).</summary>
public enum CommandOptionType
{
    /// <summary>Sub-command.</summary>
    SubCommand = 1,
    /// <summary>Sub-command group.</summary>
    SubCommandGroup = 2,
    /// <summary>String.</summary>
    String = 3,
    /// <summary>Integer in ±2^53.</summary>
    Integer = 4,
    /// <summary>Boolean.</summary>
    Boolean = 5,
    /// <summary>User.</summary>
    User = 6,
    /// <summary>Channel.</summary>
    Channel = 7,
    /// <summary>Role.</summary>
    Role = 8,
    /// <summary>Mentionable.</summary>
    Mentionable = 9,
    /// <summary>Double.</summary>
    Number = 10,
    /// <summary>Attachment.</summary>
    Attachment = 11,
}

/// <summary>
/// A chat-input command as registered (Application Commands §Application Command Object). Only the fields the bot
/// sets; the definition is also what is compared with Discord's copy to skip needless overwrites.
/// </summary>
public sealed record ApplicationCommand
{
    /// <summary>Id assigned by Discord (absent when creating).</summary>
    public ulong? Id { get; init; }
    /// <summary>1–32 lower-case characters.</summary>
    public required string Name { get; init; }
    /// <summary>1–100 characters.</summary>
    public required string Description { get; init; }
    /// <summary>≤25 options, required ones first.</summary>
    public IReadOnlyList<CommandOption>? Options { get; init; }
    /// <summary>Permission bits a member needs by default, as a string; null = everyone.</summary>
    public string? DefaultMemberPermissions { get; init; }
    /// <summary>Install types: 0 guild install.</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
    /// <summary>Contexts: 0 guild, 1 bot DM.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
}

/// <summary>A command option definition.</summary>
public sealed record CommandOption
{
    /// <summary>Type.</summary>
    public required CommandOptionType Type { get; init; }
    /// <summary>1–32 lower-case characters.</summary>
    public required string Name { get; init; }
    /// <summary>1–100 characters.</summary>
    public required string Description { get; init; }
    /// <summary>Whether the option is required.</summary>
    public bool? Required { get; init; }
    /// <summary>≤25 fixed choices.</summary>
    public IReadOnlyList<CommandChoice>? Choices { get; init; }
    /// <summary>Nested options of sub-commands.</summary>
    public IReadOnlyList<CommandOption>? Options { get; init; }
    /// <summary>Ask the bot for choices while typing (not with <see cref="Choices"/>).</summary>
    public bool? Autocomplete { get; init; }
    /// <summary>Numeric minimum.</summary>
    public double? MinValue { get; init; }
    /// <summary>Numeric maximum.</summary>
    public double? MaxValue { get; init; }
    /// <summary>String minimum length (0–6000).</summary>
    public int? MinLength { get; init; }
    /// <summary>String maximum length (1–6000).</summary>
    public int? MaxLength { get; init; }
    /// <summary>Channel types a CHANNEL option accepts.</summary>
    public IReadOnlyList<int>? ChannelTypes { get; init; }
}

/// <summary>A choice: name 1–100 characters; a string value ≤100 characters, or a number.</summary>
public sealed record CommandChoice(string Name, JsonElement Value)
{
    /// <summary>A string-valued choice.</summary>
    public static CommandChoice Of(string name, string value) => new(name, JsonSerializer.SerializeToElement(value, Json.DiscordJson.Default.String));
    /// <summary>An integer-valued choice.</summary>
    public static CommandChoice Of(string name, long value) => new(name, JsonSerializer.SerializeToElement(value, Json.DiscordJson.Default.Int64));
}
