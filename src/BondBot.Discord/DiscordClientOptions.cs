namespace BondBot.Discord;

/// <summary>Settings of the Discord client, bound from the <c>Discord</c> configuration section.</summary>
public sealed class DiscordClientOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Discord";
    /// <summary>Discord's production REST base, version 10.</summary>
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token from the Developer Portal. Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base including the version (Reference §API Versioning). The gateway URL is read from
    /// <c>GET /gateway/bot</c>, so pointing this at another server moves the whole client there.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Optional guild id: commands are registered to that guild only, where changes show at once.</summary>
    public string? DevGuildId { get; set; }

    /// <summary>Discord's global limit is 50 requests per second per bot (Rate Limits §Global Rate Limit).</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>Gateway intents; GUILDS | DIRECT_MESSAGES, no privileged intent.</summary>
    public int Intents { get; set; } = 1 | 4096;

    /// <summary>How many shards the bot runs in all processes together (Gateway §Sharding); 0 takes the <c>shards</c>
    /// that <c>GET /gateway/bot</c> recommends, and reshards by itself when Discord closes with 4011.</summary>
    public int ShardCount { get; set; }

    /// <summary>The shards this process runs, e.g. <c>0-3</c> or <c>0,2</c> (see <see cref="Gateway.ShardSelection"/>);
    /// empty runs every shard.</summary>
    public string? ShardIds { get; set; }

    /// <summary>How many processes share this bot token. Discord's global limit is per bot, so each process takes
    /// <see cref="GlobalRequestsPerSecond"/> / <see cref="ProcessCount"/> of it.</summary>
    public int ProcessCount { get; set; } = 1;

    /// <summary>This process's share of the global limit, at least one request per second.</summary>
    public int ProcessRequestsPerSecond => Math.Max(1, GlobalRequestsPerSecond / Math.Max(1, ProcessCount));

    /// <summary>Parsed <see cref="DevGuildId"/>; null when unset.</summary>
    public ulong? DevGuild => ulong.TryParse(DevGuildId, out var id) ? id : null;
}
