using Microsoft.Extensions.Logging;

namespace BondBot.Discord.RateLimiting;

/// <summary>
/// Per-route buckets learned from <c>X-RateLimit-*</c> headers, partitioned by major parameter, plus the global
/// limit. The whole API is "acquire a permit for a route, then complete it with the response's headers".
/// Buckets queue independently, so a slow or exhausted bucket never holds up another.
/// </summary>
internal sealed class RestRateLimiter(TimeProvider time, GlobalRateLimiter global, ILogger logger)
{
    /// <summary>Added to every reset: the server's clock started the window before our receipt did.</summary>
    private static readonly TimeSpan ResetOffset = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep;

    public GlobalRateLimiter Global => global;

    internal int BucketCount { get { lock (_gate) return _buckets.Count; } }

    /// <summary>Acquirers waiting for their bucket right now (its reset, or its request in flight); tests wait for
    /// this instead of sleeping.</summary>
    internal int Parked => Volatile.Read(ref _parked);

    /// <summary>How many times an acquirer started waiting, ever: a waiter that wakes and waits again counts twice.</summary>
    internal int TimesParked => Volatile.Read(ref _timesParked);

    private int _parked;
    private int _timesParked;

    /// <summary>How long the next request on <paramref name="route"/> would wait for its bucket now (tests assert it).</summary>
    internal TimeSpan WaitFor(Route route)
    {
        var bucket = Resolve(route);
        return bucket.Remaining > 0 || time.GetUtcNow() >= bucket.ResetAt ? TimeSpan.Zero : bucket.ResetAt - time.GetUtcNow();
    }

    public async ValueTask<Permit> AcquireAsync(Route route, CancellationToken cancellationToken)
    {
        var bucket = Resolve(route);
        if (!bucket.Turn.Wait(0))
        {
            // Another request of this bucket is in flight: wait for its answer.
            Interlocked.Increment(ref _parked);
            Interlocked.Increment(ref _timesParked);
            try { await bucket.Turn.WaitAsync(cancellationToken); }
            finally { Interlocked.Decrement(ref _parked); }
        }
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = bucket.WaitBeforeNext(now);
                if (wait <= TimeSpan.Zero)
                    break;
                logger.LogInformation("Rate limit: waiting {WaitMs} ms for bucket of {Route}", (int)wait.TotalMilliseconds, route.RouteKey);
                Diagnostics.DiscordMetrics.Waited(route.RouteKey);
                Interlocked.Increment(ref _parked);
                Interlocked.Increment(ref _timesParked);
                try { await Task.Delay(wait, time, cancellationToken); }
                finally { Interlocked.Decrement(ref _parked); }
            }
            var slot = route.ExemptFromGlobal ? null : await global.AcquireAsync(cancellationToken);
            bucket.Remaining--;
            bucket.LastUsed = time.GetUtcNow();
            return new Permit(this, route, bucket, slot);
        }
        catch
        {
            bucket.Turn.Release();
            throw;
        }
    }

    private void Complete(Route route, Bucket bucket, int status, RateLimitHeaders headers)
    {
        var now = time.GetUtcNow();
        if (headers.Bucket is { } hash)
            Learn(route, hash, bucket);

        if (status == 429)
        {
            Diagnostics.DiscordMetrics.TooManyRequests(route.RouteKey, headers.Global ? "global" : headers.Scope ?? "user");
            var retry = headers.RetryAfter ?? headers.ResetAfter ?? TimeSpan.FromSeconds(1);
            if (headers.Global)
            {
                logger.LogWarning("Global rate limit hit; pausing all requests for {RetryMs} ms", (int)retry.TotalMilliseconds);
                global.PauseUntil(now + retry + ResetOffset);
            }
            else
            {
                logger.LogWarning("Rate limit hit on {Route} (scope {Scope}); retrying in {RetryMs} ms", route.RouteKey, headers.Scope ?? "user", (int)retry.TotalMilliseconds);
                bucket.Limit = headers.Limit ?? bucket.Limit;
                bucket.Remaining = 0;
                bucket.ResetAt = now + retry + ResetOffset;
            }
            return;
        }

        if (headers.Limit is { } limit && headers.Remaining is { } remaining && headers.ResetAfter is { } resetAfter)
        {
            bucket.Limit = limit;
            bucket.Remaining = remaining;
            bucket.ResetAt = now + resetAfter + ResetOffset;
        }
        else if (bucket.Limit is null)
        {
            // No headers on this route (or a broken response): keep one request in flight at a time.
            bucket.Remaining = 1;
        }
    }

    private Bucket Resolve(Route route)
    {
        lock (_gate)
        {
            SweepIdle();
            var key = _hashByRoute.TryGetValue(route.RouteKey, out var hash)
                ? $"{hash}|{route.MajorParameter}"
                : $"{route.RouteKey}|{route.MajorParameter}";
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = new Bucket { LastUsed = time.GetUtcNow() };
                _buckets[key] = bucket;
            }
            return bucket;
        }
    }

    // Routes that report the same hash share one limit (per major parameter). The bucket that learned the hash
    // becomes the shared one unless another route already owns it.
    private void Learn(Route route, string hash, Bucket bucket)
    {
        lock (_gate)
        {
            _hashByRoute[route.RouteKey] = hash;
            _buckets.TryAdd($"{hash}|{route.MajorParameter}", bucket);
        }
    }

    private void SweepIdle()
    {
        var now = time.GetUtcNow();
        if (now < _nextSweep)
            return;
        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var (key, bucket) in _buckets.ToList())
        {
            if (now - bucket.LastUsed > IdleBucketLifetime && now > bucket.ResetAt && bucket.Turn.CurrentCount == 1)
                _buckets.Remove(key);
        }
    }

    /// <summary>Permission to send one request; complete it exactly once with what came back.</summary>
    internal sealed class Permit(RestRateLimiter owner, Route route, Bucket bucket, GlobalRateLimiter.Slot? slot)
    {
        private int _completed;

        public void Complete(int status, RateLimitHeaders headers)
        {
            if (Interlocked.Exchange(ref _completed, 1) == 1)
                return;
            try
            {
                owner.Complete(route, bucket, status, headers);
            }
            finally
            {
                if (slot is not null)
                    owner.Global.Complete(slot);
                bucket.Turn.Release();
            }
        }

        /// <summary>The request never reached Discord (or its answer was lost): nothing is learned.</summary>
        public void Abandon() => Complete(0, RateLimitHeaders.None);
    }
}
