using BondBot.Discord;

namespace BondBot.Testing;

/// <summary>The client's timing shortened for tests: quick reconnects, identify spacing and REST retries, same rules.</summary>
internal static class FastDiscordTiming
{
    public static DiscordTiming Create() => new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
        IdentifySpacing = TimeSpan.FromMilliseconds(200),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(50),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(100),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RestRetryDelay = TimeSpan.FromMilliseconds(20),
    };
}
