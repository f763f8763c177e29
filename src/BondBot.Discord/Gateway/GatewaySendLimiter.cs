namespace BondBot.Discord.Gateway;

/// <summary>
/// Discord allows 120 gateway sends per 60 seconds per connection and closes with 4008 beyond that (Gateway §Rate
/// Limiting). Heartbeats must never be starved, so ordinary sends stop at 110 and leave the rest for heartbeats.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int ReservedForHeartbeats = 10;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    /// <summary>Sends waiting for the window right now; tests wait for this instead of sleeping.</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    public async Task AcquireAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var cap = heartbeat ? Limit : Limit - ReservedForHeartbeats;
            while (true)
            {
                var now = time.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= Window)
                    _sent.Dequeue();
                if (_sent.Count < cap)
                {
                    _sent.Enqueue(now);
                    return;
                }
                Interlocked.Increment(ref _waiting);
                try { await Task.Delay(Window - (now - _sent.Peek()), time, cancellationToken); }
                finally { Interlocked.Decrement(ref _waiting); }
            }
        }
        finally
        {
            _turn.Release();
        }
    }
}
