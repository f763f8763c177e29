using Microsoft.Extensions.Logging;

namespace BondBot.Discord.RateLimiting;

/// <summary>
/// Keeps the bot clear of Discord's invalid-request ban (10,000 responses of 401, 403 or non-shared 429 per 10 minutes
/// per IP; Rate Limits §Invalid Request Limit). It counts exactly those in a sliding 10-minute window, warns on the
/// way, and at <see cref="RefuseAt"/> refuses background requests (DMs, posts) until the window drains. Interaction
/// responses are never refused: they are how people get answered, and they are not what fills the count. After a
/// 401 the token is known to be bad and no further authenticated request is sent at all.
/// </summary>
internal sealed class InvalidRequestGuard(TimeProvider time, ILogger logger, int refuseAt = InvalidRequestGuard.DefaultRefuseAt)
{
    /// <summary>Discord bans at 10,000; background work stops at 8,000, leaving room for interaction responses.</summary>
    public const int DefaultRefuseAt = 8000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _invalid = new();
    private bool _tokenRejected;

    public int RefuseAt { get; } = refuseAt;

    public int CountInWindow { get { lock (_gate) { Trim(time.GetUtcNow()); return _invalid.Count; } } }

    public void Record(int status, RateLimitHeaders headers)
    {
        var invalid = status is 401 or 403 || status == 429 && !headers.IsSharedScope;
        if (!invalid)
            return;
        lock (_gate)
        {
            if (status == 401)
                _tokenRejected = true;
            var now = time.GetUtcNow();
            Trim(now);
            _invalid.Enqueue(now);
            if (_invalid.Count is 100 or 1000 or 2500 or 5000 or 7500)
                logger.LogWarning("{Count} invalid requests (401/403/429) in the last 10 minutes; Discord bans at 10000", _invalid.Count);
        }
    }

    public void ThrowIfRefused()
    {
        lock (_gate)
        {
            if (_tokenRejected)
                throw new DiscordUnauthorizedException();
            Trim(time.GetUtcNow());
            if (_invalid.Count >= RefuseAt)
                throw new InvalidRequestLimitException(_invalid.Count);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_invalid.Count > 0 && now - _invalid.Peek() >= Window)
            _invalid.Dequeue();
    }
}
