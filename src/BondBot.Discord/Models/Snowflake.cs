namespace BondBot.Discord;

/// <summary>Reading Discord ids (Reference §Snowflakes): the top 42 bits are milliseconds since the Discord epoch.</summary>
public static class Snowflake
{
    /// <summary>2015-01-01T00:00:00Z in Unix milliseconds.</summary>
    public const long DiscordEpochMs = 1420070400000;

    /// <summary>When the object with this id was created.</summary>
    public static DateTimeOffset CreatedAt(ulong id) => DateTimeOffset.FromUnixTimeMilliseconds((long)((id & ~(1UL << 63)) >> 22) + DiscordEpochMs);
}
