namespace BondBot.Discord.RateLimiting;

/// <summary>
/// Discord's global limit: 50 requests per second per bot (Rate Limits §Global Rate Limit), enforced as the
/// strictest reading — never more than the limit in ANY one-second window as the server sees arrivals. A request
/// holds its slot while in flight and for one window after its response came back: the server received it no later
/// than that, so however late a request arrives, the next one using its slot cannot share its window. After a
/// global 429 everything waits for its <c>retry_after</c>.
/// </summary>
internal sealed class GlobalRateLimiter(TimeProvider time, int requestsPerSecond, TimeSpan? margin = null)
{
    private readonly TimeSpan _window = TimeSpan.FromSeconds(1) + (margin ?? TimeSpan.FromMilliseconds(5));
    private readonly Lock _gate = new();
    private readonly List<Slot> _slots = [];
    private readonly SemaphoreSlim _turn = new(1, 1);
    private TaskCompletionSource _freed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public int RequestsPerSecond { get; } = requestsPerSecond;

    /// <summary>Acquirers waiting for a slot right now; tests wait for it instead of sleeping.</summary>
    internal int Parked => Volatile.Read(ref _parked);

    /// <summary>How many times an acquirer started waiting, ever: a waiter that wakes and waits again counts twice.</summary>
    internal int TimesParked => Volatile.Read(ref _timesParked);

    private int _parked;
    private int _timesParked;

    /// <summary>One request's use of the global budget.</summary>
    internal sealed class Slot
    {
        public DateTimeOffset? DoneAt { get; set; }
    }

    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
            if (until > _pausedUntil) _pausedUntil = until;
    }

    public async ValueTask<Slot> AcquireAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan? wait;
                Task freed;
                lock (_gate)
                {
                    wait = WaitNow();
                    if (wait == TimeSpan.Zero)
                    {
                        var slot = new Slot();
                        _slots.Add(slot);
                        return slot;
                    }
                    freed = _freed.Task;
                }
                await WaitAsync(wait, freed, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>How long a request would wait for a slot now: zero when one is free, null while every slot is in
    /// flight (a response frees one). Tests read it to assert the limiter's state instead of racing it.</summary>
    internal TimeSpan? CurrentWait { get { lock (_gate) return WaitNow(); } }

    // Under _gate.
    private TimeSpan? WaitNow()
    {
        var now = time.GetUtcNow();
        _slots.RemoveAll(s => s.DoneAt is { } done && now - done >= _window);
        var paused = _pausedUntil - now;
        if (paused <= TimeSpan.Zero && _slots.Count < RequestsPerSecond)
            return TimeSpan.Zero;
        var oldestDone = _slots.Where(s => s.DoneAt is not null).Select(s => s.DoneAt!.Value).DefaultIfEmpty().Min();
        return paused > TimeSpan.Zero ? paused
            : oldestDone == default ? null   // every slot is in flight: wait for one to finish
            : _window - (now - oldestDone);
    }

    /// <summary>The request's response arrived (or it failed): its slot frees one window from now.</summary>
    public void Complete(Slot slot)
    {
        TaskCompletionSource freed;
        lock (_gate)
        {
            slot.DoneAt ??= time.GetUtcNow();
            freed = _freed;
            _freed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        freed.TrySetResult();
    }

    private async Task WaitAsync(TimeSpan? wait, Task freed, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _parked);
        Interlocked.Increment(ref _timesParked);
        try { await WaitCoreAsync(wait, freed, cancellationToken); }
        finally { Interlocked.Decrement(ref _parked); }
    }

    private async Task WaitCoreAsync(TimeSpan? wait, Task freed, CancellationToken cancellationToken)
    {
        if (wait is null)
        {
            await freed.WaitAsync(cancellationToken);
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait.Value, time, stop.Token);
        await Task.WhenAny(delay, freed);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
