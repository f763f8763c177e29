using BondBot.Discord.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BondBot.Discord.Tests.RateLimiting;

public sealed class InvalidRequestGuardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void After_a_401_every_further_request_is_refused()
    {
        var guard = new InvalidRequestGuard(_time, NullLogger.Instance);
        guard.ThrowIfRefused();
        guard.Record(401, RateLimitHeaders.None);
        Assert.Throws<DiscordUnauthorizedException>(guard.ThrowIfRefused);
    }

    [Fact]
    public void Invalid_responses_are_counted_in_a_ten_minute_window_and_refused_at_the_threshold()
    {
        var guard = new InvalidRequestGuard(_time, NullLogger.Instance, refuseAt: 3);
        guard.Record(403, RateLimitHeaders.None);
        guard.Record(429, new RateLimitHeaders(null, null, null, null, null, false, "shared")); // shared: not counted
        guard.Record(404, RateLimitHeaders.None);                                                 // not invalid
        guard.Record(429, RateLimitHeaders.None);
        Assert.Equal(2, guard.CountInWindow);
        guard.ThrowIfRefused();

        guard.Record(403, RateLimitHeaders.None);
        Assert.Throws<InvalidRequestLimitException>(guard.ThrowIfRefused);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, guard.CountInWindow);
        guard.ThrowIfRefused();
    }

    [Fact]
    public void The_default_threshold_leaves_a_fifth_of_discords_ban_limit_for_interaction_responses()
    {
        Assert.Equal(8000, new InvalidRequestGuard(_time, NullLogger.Instance).RefuseAt);
    }
}
