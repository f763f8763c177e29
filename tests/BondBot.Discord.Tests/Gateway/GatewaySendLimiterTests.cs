using BondBot.Discord.Gateway;

namespace BondBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task Ordinary_sends_stop_at_110_per_minute_leaving_room_for_heartbeats()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.Limit - GatewaySendLimiter.ReservedForHeartbeats; i++)
            await limiter.AcquireAsync(heartbeat: false, default).WaitAsync(TimeSpan.FromSeconds(5));

        var ordinary = limiter.AcquireAsync(heartbeat: false, default);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (limiter.Waiting == 0 && DateTime.UtcNow < deadline)
            await Task.Yield();
        Assert.Equal(1, limiter.Waiting);            // parked on the window, not sent
        Assert.False(ordinary.IsCompleted);

        // The waiting send holds the turn; once the window rolls over it goes, then heartbeats still fit.
        time.Advance(TimeSpan.FromSeconds(60));
        await ordinary.WaitAsync(TimeSpan.FromSeconds(5));
        await limiter.AcquireAsync(heartbeat: true, default).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
