using NodaTime;

namespace BondBot.Playground;

/// <summary>BondBot's domain clock in the playground: real time plus however far the person travelled. Registered as
/// the host's <see cref="IClock"/> the way the tests register their FakeClock; only the playground moves it, and only
/// forwards, so nothing the bot already did is ever "in the future".</summary>
public sealed class PlaygroundClock(IClock real) : IClock
{
    private long _offsetTicks;

    public PlaygroundClock() : this(SystemClock.Instance) { }

    public Duration Offset => Duration.FromTicks(Interlocked.Read(ref _offsetTicks));

    public Instant GetCurrentInstant() => real.GetCurrentInstant() + Offset;

    /// <summary>Moves to <paramref name="at"/> when that is later than now; never backwards.</summary>
    public void MoveTo(Instant at)
    {
        var ahead = at - GetCurrentInstant();
        if (ahead > Duration.Zero)
            Interlocked.Add(ref _offsetTicks, ahead.BclCompatibleTicks);
    }
}
