using NodaTime;

namespace BondBot.Tests.Support;

/// <summary>BondBot's "now" under the test's control (NodaTime.Testing is not available here).</summary>
public sealed class ManualClock(Instant start) : IClock
{
    private readonly Lock _gate = new();
    private Instant _now = start;

    public ManualClock() : this(Instant.FromUtc(2026, 1, 5, 12, 0)) { }

    public Instant GetCurrentInstant() { lock (_gate) return _now; }

    public void Advance(Duration by) { lock (_gate) _now += by; }

    public void Set(Instant value) { lock (_gate) _now = value; }
}
