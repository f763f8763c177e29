namespace BondBot.FakeDiscord;

/// <summary>Real-looking snowflakes: milliseconds since the Discord epoch in the top 42 bits (Reference §Snowflakes).</summary>
internal sealed class Snowflakes(TimeProvider time, bool huge)
{
    private const long DiscordEpochMs = 1420070400000;
    private long _increment;

    public ulong Next()
    {
        var ms = (ulong)(time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs);
        var id = (ms << 22) | (ulong)(Interlocked.Increment(ref _increment) & 0x3FFFFF);
        return huge ? id | (1UL << 63) : id;
    }
}
