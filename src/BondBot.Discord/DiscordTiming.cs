namespace BondBot.Discord;

/// <summary>
/// How long the client waits, and for what. The defaults follow Discord's documentation; a host (or a test) registers
/// its own instance before <see cref="DiscordServiceCollectionExtensions.AddDiscordClient"/> to change them.
/// </summary>
public sealed record DiscordTiming
{
    /// <summary>How long to wait for the socket to open and Hello to arrive.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>First reconnect delay after a failed connection; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Cap of the reconnect delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Minimum time between two Identify calls (max_concurrency 1 per 5 s; Gateway §Max Concurrency).</summary>
    public TimeSpan IdentifySpacing { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>After op 9 (not resumable), wait a random time in this range before identifying again, so many
    /// clients invalidated together do not identify in step.</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Upper end of the op 9 wait.</summary>
    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>First wait before repeating a REST call after a network error or 502/503/504; doubles per retry.</summary>
    public TimeSpan RestRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>How long one REST request may take before it counts as a network error.</summary>
    public TimeSpan RestRequestTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
