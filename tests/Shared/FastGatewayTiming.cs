using BondBot.Discord.Gateway;

namespace BondBot.Testing;

/// <summary>Gateway timing shortened for tests: quick reconnects and identify spacing, same rules.</summary>
internal static class FastGatewayTiming
{
    public static GatewayTiming Create() => new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
        IdentifySpacing = TimeSpan.FromMilliseconds(200),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(50),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(100),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };
}
