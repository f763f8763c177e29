namespace BondBot.Discord.Gateway;

/// <summary>What a gateway close code means for the next connection (Opcodes and Status Codes §Gateway Close Event Codes).</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Our own close code for a planned reconnect: not 1000/1001, so the session stays resumable.</summary>
    public const int ReconnectKeepSession = 4000;
    /// <summary>A normal close, used on shutdown: the session ends and the bot shows offline at once.</summary>
    public const int Normal = 1000;

    /// <summary>Codes the docs mark "do not reconnect": retrying cannot succeed.</summary>
    public static bool IsFatal(int code) => code is 4004 or >= 4010 and <= 4014;

    /// <summary>Codes after which the old session is gone and a new Identify is required.</summary>
    public static bool EndsSession(int code) => code is 4003 or 4007 or 4009 or 1000 or 1001;

    public static string Describe(int code) => code switch
    {
        4004 => "authentication failed: the bot token is wrong or was reset",
        4010 => "invalid shard",
        4011 => "sharding required: the bot is in too many guilds for its shard count (Discord:ShardCount)",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: an intent is not enabled for this bot in the Developer Portal",
        _ => $"close code {code}",
    };
}

/// <summary>Discord closed the gateway with a code after which reconnecting cannot help.</summary>
public sealed class GatewayFatalException(int closeCode, string description)
    : Exception($"Discord closed the gateway with code {closeCode}: {description}.")
{
    /// <summary>The close code.</summary>
    public int CloseCode { get; } = closeCode;
}
