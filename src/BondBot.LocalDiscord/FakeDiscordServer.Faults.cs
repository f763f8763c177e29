namespace BondBot.FakeDiscord;

/// <summary>Faults a test can inject, each as real Discord would show it.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>The next <paramref name="count"/> matching REST requests fail with <paramref name="status"/>.</summary>
    public void FailNextRequests(int count, int status = 503, string? pathContains = null) => _rateLimits.AddFailures(count, status, pathContains);

    /// <summary>The next matching request gets a 429 with proper headers and body; its bucket stays limited for the wait.</summary>
    public void ForceRateLimit(string pathContains, double retryAfterSeconds, string scope = "user", bool global = false) =>
        _rateLimits.ForceLimit(pathContains, retryAfterSeconds, scope, global);

    /// <summary>Every matching REST request fails with <paramref name="status"/> until the returned handle is disposed
    /// (an outage of any length; the test moves its own clock meanwhile).</summary>
    public IDisposable FailRequests(int status = 503, string? pathContains = null) => _rateLimits.AddOutage(status, pathContains);

    /// <summary>Matching REST requests hang, unanswered and not applied, until the handle is disposed; a request whose
    /// client went away meanwhile (a killed process) is never applied.</summary>
    public IDisposable HoldRequests(string pathContains)
    {
        var hold = new Hold(pathContains);
        lock (Gate) _holds.Add(hold);
        return hold.WithRelease(() => { lock (Gate) _holds.Remove(hold); });
    }

    /// <summary>How many requests are being held right now.</summary>
    public int HeldRequests => Volatile.Read(ref _heldNow);

    /// <summary>Sends a dispatch with whatever data the test gives (malformed events).</summary>
    public Task DispatchRawAsync(string type, System.Text.Json.Nodes.JsonObject data) => _gateway.DispatchAsync(type, data);

    /// <summary>The next Hello is sent without its <c>d</c> (no heartbeat interval).</summary>
    public bool NextHelloWithoutData { get; set; }

    /// <summary>The next READY leaves out this field (e.g. <c>resume_gateway_url</c> or <c>application</c>).</summary>
    public string? NextReadyWithout { get; set; }

    internal async Task WaitIfHeldAsync(string path, CancellationToken aborted)
    {
        Hold? hold;
        lock (Gate) hold = _holds.FirstOrDefault(h => path.Contains(h.Path, StringComparison.Ordinal));
        if (hold is null)
            return;
        Interlocked.Increment(ref _heldNow);
        try { await hold.Released.WaitAsync(aborted); }
        finally { Interlocked.Decrement(ref _heldNow); }
    }

    private readonly List<Hold> _holds = [];
    private int _heldNow;

    private sealed class Hold(string path)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Path { get; } = path;
        public Task Released => _released.Task;

        public IDisposable WithRelease(Action remove) => new Release(() => { remove(); _released.TrySetResult(); });

        private sealed class Release(Action release) : IDisposable
        {
            public void Dispose() => release();
        }
    }

    // Gateway faults hit every shard's session, or only shard <c>shard</c>'s.
    public Task DropGatewayAsync(int? shard = null) => _gateway.DropAsync(shard);
    public Task CloseGatewayAsync(int closeCode, int? shard = null) => _gateway.CloseAsync(closeCode, shard);
    /// <summary>op 7 Reconnect; like Discord, the fake closes the socket after <see cref="FakeDiscordOptions.ReconnectGracePeriod"/> if the bot stays.</summary>
    public Task SendReconnectAsync(int? shard = null) => _gateway.ReconnectAsync(shard);
    public Task SendInvalidSessionAsync(bool resumable, int? shard = null) => _gateway.InvalidateAsync(resumable, shard);
    public Task RequestHeartbeatAsync(int? shard = null) => _gateway.SendOpAsync(1, null, shard);
}
