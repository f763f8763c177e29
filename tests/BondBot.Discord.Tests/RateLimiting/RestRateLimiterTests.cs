using BondBot.Discord.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BondBot.Discord.Tests.RateLimiting;

/// <summary>
/// The limiter on a fake clock. "Still waiting" is asserted only once the acquirer is known to be parked in the
/// limiter (its wait counter moved), so the assertion cannot pass by racing a slow thread.
/// </summary>
public sealed class RestRateLimiterTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly RestRateLimiter _limiter;

    public RestRateLimiterTests()
    {
        _limiter = new RestRateLimiter(_time, new GlobalRateLimiter(_time, 50, TimeSpan.Zero), NullLogger.Instance);
    }

    private static RateLimitHeaders Headers(string bucket, int limit, int remaining, double resetAfter) =>
        new(bucket, limit, remaining, TimeSpan.FromSeconds(resetAfter), null, false, "user");

    /// <summary>Waits (bounded) until the limiter has parked <paramref name="times"/> waits in total.</summary>
    private static async Task ParkedAsync(Func<int> timesParked, int times)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (timesParked() < times)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the limiter parked {timesParked()} waits, expected {times}");
            await Task.Yield();
        }
    }

    private Task BucketParkedAsync(int times) => ParkedAsync(() => _limiter.TimesParked, times);

    [Fact]
    public async Task An_exhausted_bucket_waits_until_its_reset_plus_offset()
    {
        var route = Routes.CreateMessage(1);
        (await _limiter.AcquireAsync(route, default)).Complete(200, Headers("msg", 5, 0, 1.0));

        Assert.Equal(TimeSpan.FromMilliseconds(1050), _limiter.WaitFor(route));
        var next = _limiter.AcquireAsync(route, default).AsTask();
        await BucketParkedAsync(1);
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(TimeSpan.FromMilliseconds(50), _limiter.WaitFor(route));   // the safety offset is still to come
        Assert.Equal(1, _limiter.Parked);
        _time.Advance(TimeSpan.FromMilliseconds(60));
        (await next.WaitAsync(Soon)).Complete(200, Headers("msg", 5, 4, 5));
        Assert.Equal(0, _limiter.Parked);
    }

    [Fact]
    public async Task The_same_bucket_hash_is_partitioned_by_major_parameter()
    {
        (await _limiter.AcquireAsync(Routes.CreateMessage(1), default)).Complete(200, Headers("msg", 5, 0, 5));

        var otherChannel = _limiter.AcquireAsync(Routes.CreateMessage(2), default).AsTask();
        var sameChannel = _limiter.AcquireAsync(Routes.CreateMessage(1), default).AsTask();

        (await otherChannel.WaitAsync(Soon)).Complete(200, Headers("msg", 5, 4, 5));
        await BucketParkedAsync(1);
        Assert.False(sameChannel.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(6));
        (await sameChannel.WaitAsync(Soon)).Complete(200, Headers("msg", 5, 4, 5));
    }

    [Fact]
    public async Task Routes_that_report_the_same_hash_share_one_limit()
    {
        (await _limiter.AcquireAsync(Routes.EditMessage(1, 10), default)).Complete(200, Headers("shared", 2, 0, 3));

        // A different route on the same channel reporting the same hash: learned after its first response.
        (await _limiter.AcquireAsync(Routes.CreateMessage(1), default)).Complete(200, Headers("shared", 2, 0, 3));
        var edit = _limiter.AcquireAsync(Routes.EditMessage(1, 11), default).AsTask();
        var create = _limiter.AcquireAsync(Routes.CreateMessage(1), default).AsTask();
        await BucketParkedAsync(2);                // the edit on the reset, the create behind it
        Assert.False(edit.IsCompleted);
        Assert.False(create.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(4));
        (await edit.WaitAsync(Soon)).Complete(200, Headers("shared", 2, 1, 3));
        (await create.WaitAsync(Soon)).Complete(200, Headers("shared", 2, 0, 3));
    }

    [Fact]
    public async Task A_request_in_flight_on_one_bucket_never_blocks_another_bucket()
    {
        var slow = await _limiter.AcquireAsync(Routes.CreateMessage(1), default); // not completed: in flight

        var other = await _limiter.AcquireAsync(Routes.CreateMessage(2), default).AsTask().WaitAsync(Soon);
        var sameBucket = _limiter.AcquireAsync(Routes.CreateMessage(1), default).AsTask();
        await BucketParkedAsync(1);

        Assert.False(sameBucket.IsCompleted); // one in flight per bucket
        other.Complete(200, Headers("msg", 5, 4, 5));
        slow.Complete(200, Headers("msg", 5, 3, 5));
        (await sameBucket.WaitAsync(Soon)).Complete(200, Headers("msg", 5, 2, 5));
    }

    [Fact]
    public async Task A_429_with_user_scope_holds_the_bucket_for_retry_after()
    {
        var route = Routes.CreateGuildChannel(9);
        (await _limiter.AcquireAsync(route, default)).Complete(429, new RateLimitHeaders("g", 5, 0, null, TimeSpan.FromSeconds(2), false, "user"));

        var retry = _limiter.AcquireAsync(route, default).AsTask();
        await BucketParkedAsync(1);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromMilliseconds(50), _limiter.WaitFor(route));
        Assert.Equal(1, _limiter.Parked);
        _time.Advance(TimeSpan.FromMilliseconds(60));
        (await retry.WaitAsync(Soon)).Complete(200, Headers("g", 5, 4, 5));
    }

    [Fact]
    public async Task A_global_429_pauses_every_route_except_interaction_responses()
    {
        (await _limiter.AcquireAsync(Routes.CreateMessage(1), default)).Complete(429, new RateLimitHeaders(null, null, null, null, TimeSpan.FromSeconds(3), true, "global"));

        var otherRoute = _limiter.AcquireAsync(Routes.CreateDm(), default).AsTask();
        var callback = await _limiter.AcquireAsync(Routes.InteractionCallback(5, "token"), default).AsTask().WaitAsync(Soon);
        callback.Complete(204, RateLimitHeaders.None);
        await ParkedAsync(() => _limiter.Global.TimesParked, 1);
        Assert.False(otherRoute.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(3.1));
        (await otherRoute.WaitAsync(Soon)).Complete(200, RateLimitHeaders.None);
    }

    [Fact]
    public async Task The_global_limit_frees_a_slot_one_window_after_its_response()
    {
        var global = new GlobalRateLimiter(_time, 50, TimeSpan.FromMilliseconds(25));
        var slots = new List<GlobalRateLimiter.Slot>();
        for (var i = 0; i < 50; i++)
            slots.Add(await global.AcquireAsync(default).AsTask().WaitAsync(Soon));

        var fiftyFirst = global.AcquireAsync(default).AsTask();
        await ParkedAsync(() => global.TimesParked, 1);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(global.CurrentWait);                // all 50 still in flight: no time passing frees them
        Assert.False(fiftyFirst.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(300));
        global.Complete(slots[0]);                      // its response arrives now
        await ParkedAsync(() => global.TimesParked, 2); // woken by the response, now waiting one window
        Assert.Equal(TimeSpan.FromMilliseconds(1025), global.CurrentWait);
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(TimeSpan.FromMilliseconds(25), global.CurrentWait);
        Assert.Equal(1, global.Parked);
        _time.Advance(TimeSpan.FromMilliseconds(25));
        await fiftyFirst.WaitAsync(Soon);
    }

    [Fact]
    public async Task Missing_headers_keep_one_request_in_flight_without_waiting()
    {
        var route = Routes.GatewayBot();
        (await _limiter.AcquireAsync(route, default)).Complete(200, RateLimitHeaders.None);
        (await _limiter.AcquireAsync(route, default).AsTask().WaitAsync(Soon)).Complete(200, RateLimitHeaders.None);
        Assert.Equal(0, _limiter.TimesParked);
    }
}
