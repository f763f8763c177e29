namespace BondBot.Discord.RateLimiting;

/// <summary>
/// Discord's global limit: 50 requests per second per bot (Rate Limits §Global Rate Limit). Enforced as a sliding
/// window — no more than the limit in ANY window — because that is the strictest reading of the docs and so is
/// safe against every server implementation. A small margin absorbs jitter between our send and their receipt.
/// After a global 429 everything waits for its <c>retry_after</c>.
/// </summary>
internal sealed class GlobalRateLimiter(TimeProvider time, int requestsPerSecond, TimeSpan? margin = null)
{
    private readonly TimeSpan _window = TimeSpan.FromSeconds(1) + (margin ?? TimeSpan.FromMilliseconds(25));
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public int RequestsPerSecond { get; } = requestsPerSecond;

    public DateTimeOffset PausedUntil => _pausedUntil;

    public void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil) _pausedUntil = until;
    }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                while (_recent.Count > 0 && now - _recent.Peek() >= _window)
                    _recent.Dequeue();
                var wait = _pausedUntil - now;
                if (wait <= TimeSpan.Zero && _recent.Count < RequestsPerSecond)
                {
                    _recent.Enqueue(now);
                    return;
                }
                if (_recent.Count >= RequestsPerSecond)
                {
                    var windowWait = _window - (now - _recent.Peek());
                    if (windowWait > wait) wait = windowWait;
                }
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }
}
