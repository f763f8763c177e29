namespace BondBot.FakeDiscord;

/// <summary>How the fake Discord behaves; defaults follow Discord's documented numbers.</summary>
public sealed class FakeDiscordOptions
{
    public string Token { get; init; } = "fake-bot-token";
    /// <summary>Global limit in any sliding one-second window; interaction endpoints are exempt (Rate Limits §Global).</summary>
    public int GlobalRequestsPerSecond { get; init; } = 50;
    /// <summary>The 3-second rule for the first interaction response.</summary>
    public TimeSpan InteractionAckDeadline { get; init; } = TimeSpan.FromSeconds(3);
    public int HeartbeatIntervalMs { get; init; } = 41250;
    /// <summary>How long a disconnected session can still be resumed.</summary>
    public TimeSpan SessionResumeWindow { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Create Message bucket, per channel (Discord's is 5 per 5 s).</summary>
    public int MessageCreateLimit { get; init; } = 5;
    public TimeSpan MessageCreateWindow { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Message edits per channel in <see cref="MessageCreateWindow"/>.</summary>
    public int MessageEditLimit { get; init; } = 5;
    /// <summary>Permissions the bot holds in new guilds.</summary>
    public ulong BotGuildPermissions { get; init; } = FakePermissions.DefaultBot;
    /// <summary>Generate ids above 2^63 to prove clients keep them as unsigned 64-bit numbers.</summary>
    public bool UseHugeIds { get; init; }
    /// <summary>After op 7 Reconnect, how long the fake waits before closing the socket itself (Discord: "a few seconds").</summary>
    public TimeSpan ReconnectGracePeriod { get; init; } = TimeSpan.FromSeconds(5);
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The <c>shards</c> that <c>GET /gateway/bot</c> recommends (changeable later on the server).</summary>
    public int RecommendedShards { get; init; } = 1;
    /// <summary>Identifying with fewer shards than this (or without <c>shard</c>) is closed with 4011, sharding required.</summary>
    public int RequiredShards { get; init; } = 1;
    /// <summary><c>session_start_limit.max_concurrency</c>: identify buckets, <c>shard_id % max_concurrency</c>.</summary>
    public int MaxConcurrency { get; init; } = 1;
    /// <summary><c>session_start_limit.total</c>, the identifies allowed per window.</summary>
    public int SessionStartTotal { get; init; } = 1000;
    /// <summary>Identifies left in the first window; null = <see cref="SessionStartTotal"/>.</summary>
    public int? SessionStartRemaining { get; init; }
    /// <summary>How long until the first window resets (<c>reset_after</c>); later windows last a day.</summary>
    public TimeSpan SessionStartResetAfter { get; init; } = TimeSpan.FromDays(1);
    /// <summary>One identify per bucket per this window (Discord: 5 s); an earlier one gets op 9. Null leaves it
    /// unenforced, for tests that run the client on shortened timing.</summary>
    public TimeSpan? IdentifyWindow { get; init; }
}

/// <summary>Permission bits the fake checks (Permissions §Bitwise Permission Flags).</summary>
public static class FakePermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong AddReactions = 1UL << 6;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong AttachFiles = 1UL << 15;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong ManageRoles = 1UL << 28;
    public const ulong UseApplicationCommands = 1UL << 31;
    public const ulong DefaultBot = ViewChannel | SendMessages | EmbedLinks | AttachFiles | ReadMessageHistory | AddReactions | ManageChannels | UseApplicationCommands;
    public const ulong DefaultMember = ViewChannel | SendMessages | EmbedLinks | AttachFiles | ReadMessageHistory | AddReactions | UseApplicationCommands;
}
