namespace BondBot.Discord.Gateway;

/// <summary>Dispatch event names the bot reads (Gateway Events §Receive Events), one definition each.</summary>
public static class GatewayEvents
{
    /// <summary>Session started.</summary>
    public const string Ready = "READY";
    /// <summary>Session resumed.</summary>
    public const string Resumed = "RESUMED";
    /// <summary>A command, component, autocomplete or modal submit.</summary>
    public const string InteractionCreate = "INTERACTION_CREATE";
    /// <summary>A guild channel was deleted.</summary>
    public const string ChannelDelete = "CHANNEL_DELETE";
    /// <summary>A message (DMs to the bot).</summary>
    public const string MessageCreate = "MESSAGE_CREATE";
    /// <summary>A guild became available or the bot joined.</summary>
    public const string GuildCreate = "GUILD_CREATE";
    /// <summary>A guild became unavailable or the bot left.</summary>
    public const string GuildDelete = "GUILD_DELETE";
}

/// <summary>Gateway opcodes (Opcodes and Status Codes §Gateway Opcodes).</summary>
internal enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
