namespace BondBot.FakeDiscord;

/// <summary>Real-looking snowflakes: milliseconds since the Discord epoch in the top 42 bits (Reference §Snowflakes).</summary>
internal sealed class Snowflakes(TimeProvider time, bool huge)
{
    private const long DiscordEpochMs = 1420070400000;
    private long _increment;

    public ulong Next() => At(time.GetUtcNow());

    /// <summary>A fresh id that reads as created at <paramref name="at"/>.</summary>
    public ulong At(DateTimeOffset at)
    {
        var ms = (ulong)(at.ToUnixTimeMilliseconds() - DiscordEpochMs);
        var id = (ms << 22) | (ulong)(Interlocked.Increment(ref _increment) & 0x3FFFFF);
        return huge ? id | (1UL << 63) : id;
    }
}
