using System.Text.Json;

namespace BondBot.Discord;

/// <summary>Interaction types (Receiving and Responding §Interaction Type).</summary>
public enum InteractionType
{
    /// <summary>HTTP endpoint ping.</summary>
    Ping = 1,
    /// <summary>Slash command.</summary>
    ApplicationCommand = 2,
    /// <summary>Button or select.</summary>
    MessageComponent = 3,
    /// <summary>Autocomplete of an option.</summary>
    ApplicationCommandAutocomplete = 4,
    /// <summary>Modal submitted.</summary>
    ModalSubmit = 5,
}

/// <summary>Where an interaction was triggered (Receiving and Responding §Interaction Context Types).</summary>
public enum InteractionContextType
{
    /// <summary>In a guild.</summary>
    Guild = 0,
    /// <summary>In the bot's DM.</summary>
    BotDm = 1,
    /// <summary>In another private channel (user-installed apps).</summary>
    PrivateChannel = 2,
}

/// <summary>An interaction (Receiving and Responding §Interaction Object).</summary>
public sealed record Interaction
{
    /// <summary>Interaction id.</summary>
    public ulong Id { get; init; }
    /// <summary>Application id.</summary>
    public ulong ApplicationId { get; init; }
    /// <summary>Type.</summary>
    public InteractionType Type { get; init; }
    /// <summary>Payload.</summary>
    public InteractionData? Data { get; init; }
    /// <summary>Guild id, when invoked in a guild.</summary>
    public ulong? GuildId { get; init; }
    /// <summary>Channel id.</summary>
    public ulong? ChannelId { get; init; }
    /// <summary>Invoking member, in guilds.</summary>
    public GuildMember? Member { get; init; }
    /// <summary>Invoking user, in DMs.</summary>
    public User? User { get; init; }
    /// <summary>Continuation token; valid for 15 minutes.</summary>
    public string Token { get; init; } = "";
    /// <summary>The message a component is attached to.</summary>
    public Message? Message { get; init; }
    /// <summary>The bot's permissions in the channel.</summary>
    public Permissions? AppPermissions { get; init; }
    /// <summary>Invoking user's locale.</summary>
    public string? Locale { get; init; }
    /// <summary>Context type.</summary>
    public InteractionContextType? Context { get; init; }

    /// <summary>The invoking user: <c>member.user</c> in guilds, <c>user</c> in DMs.</summary>
    public User Invoker => Member?.User ?? User ?? throw new InvalidOperationException("Interaction without a user.");
}

/// <summary>Interaction data for commands, components and modal submits.</summary>
public sealed record InteractionData
{
    /// <summary>Command id.</summary>
    public ulong? Id { get; init; }
    /// <summary>Command name.</summary>
    public string? Name { get; init; }
    /// <summary>Command options.</summary>
    public IReadOnlyList<CommandOptionValue>? Options { get; init; }
    /// <summary>Resolved users, members, channels.</summary>
    public ResolvedData? Resolved { get; init; }
    /// <summary>Component or modal custom id.</summary>
    public string? CustomId { get; init; }
    /// <summary>Component type.</summary>
    public ComponentType? ComponentType { get; init; }
    /// <summary>Select values.</summary>
    public IReadOnlyList<string>? Values { get; init; }
    /// <summary>Submitted modal components (Label or legacy action-row layout).</summary>
    public IReadOnlyList<Component>? Components { get; init; }
}

/// <summary>A command option as received; sub-commands nest <see cref="Options"/>.</summary>
public sealed record CommandOptionValue
{
    /// <summary>Option name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Option type.</summary>
    public CommandOptionType Type { get; init; }
    /// <summary>String, integer, number or boolean value (or an id as a string for users/channels).</summary>
    public JsonElement? Value { get; init; }
    /// <summary>Nested options of a sub-command.</summary>
    public IReadOnlyList<CommandOptionValue>? Options { get; init; }
    /// <summary>True for the option being autocompleted.</summary>
    public bool? Focused { get; init; }
}

/// <summary>Objects resolved from ids in the options.</summary>
public sealed record ResolvedData
{
    /// <summary>Users by id (keys are id strings).</summary>
    public IReadOnlyDictionary<string, User>? Users { get; init; }
    /// <summary>Members by id (keys are id strings).</summary>
    public IReadOnlyDictionary<string, GuildMember>? Members { get; init; }
}
