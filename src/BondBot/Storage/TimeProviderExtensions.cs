using NodaTime;

namespace BondBot.Storage;

public static class TimeProviderExtensions
{
    /// <summary>The injected clock's now as a NodaTime instant (the form BondBot stores and schedules with).</summary>
    public static Instant GetInstant(this TimeProvider time) => Instant.FromDateTimeOffset(time.GetUtcNow());
}
