namespace BondBot.FakeDiscord;

/// <summary>Faults a test can inject, each as real Discord would show it.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>The next <paramref name="count"/> matching REST requests fail with <paramref name="status"/>.</summary>
    public void FailNextRequests(int count, int status = 503, string? pathContains = null) => _rateLimits.AddFailures(count, status, pathContains);

    /// <summary>The next matching request gets a 429 with proper headers and body; its bucket stays limited for the wait.</summary>
    public void ForceRateLimit(string pathContains, double retryAfterSeconds, string scope = "user", bool global = false) =>
        _rateLimits.ForceLimit(pathContains, retryAfterSeconds, scope, global);

    public Task DropGatewayAsync() => _gateway.DropAsync();
    public Task CloseGatewayAsync(int closeCode) => _gateway.CloseAsync(closeCode);
    /// <summary>op 7 Reconnect; like Discord, the fake closes the socket after <see cref="FakeDiscordOptions.ReconnectGracePeriod"/> if the bot stays.</summary>
    public Task SendReconnectAsync() => _gateway.ReconnectAsync();
    public Task SendInvalidSessionAsync(bool resumable) => _gateway.InvalidateAsync(resumable);
    public Task RequestHeartbeatAsync() => _gateway.SendOpAsync(1, null);
}
