using Microsoft.Extensions.Options;

namespace BondBot.Interactions;

/// <summary>
/// A token bucket per person, so one member hammering commands or buttons cannot crowd out everyone else (or push
/// the bot towards Discord's invalid-request limit). Autocomplete, which fires on every keystroke, has a bucket of
/// its own. In memory: the limits protect a running process, and a restart forgives everyone.
/// </summary>
public sealed class UserRateLimits(TimeProvider time, IOptions<InteractionOptions> options)
{
    /// <summary>Autocomplete: 20 at once, then 4 a second.</summary>
    public static readonly (int Burst, TimeSpan Refill) Typing = (20, TimeSpan.FromMilliseconds(250));
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<(ulong User, bool Typing), (double Tokens, DateTimeOffset At)> _buckets = [];
    private DateTimeOffset _nextSweep;

    /// <summary>Takes one token for the person; false when they are going too fast.</summary>
    public bool TryTake(ulong userId, bool typing)
    {
        var (burst, refill) = typing ? Typing : (options.Value.PerUserBurst, options.Value.PerUserRefill);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            var key = (userId, typing);
            var (tokens, at) = _buckets.TryGetValue(key, out var b) ? b : (burst, now);
            tokens = Math.Min(burst, tokens + (now - at) / refill);
            if (tokens < 1)
            {
                _buckets[key] = (tokens, now);
                return false;
            }
            _buckets[key] = (tokens - 1, now);
            return true;
        }
    }

    // Under _gate: people idle for a while are full again anyway, so their buckets are dropped.
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep) return;
        _nextSweep = now + ForgetAfter;
        foreach (var key in _buckets.Where(b => now - b.Value.At > ForgetAfter).Select(b => b.Key).ToList())
            _buckets.Remove(key);
    }
}
