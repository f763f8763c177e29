using System.Globalization;
using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>
/// Discord's limits as a server applies them (Rate Limits): a global limit in any sliding second for everything but
/// interaction endpoints, and per-route buckets counted per (bucket, major parameter) in fixed windows, each response
/// carrying the X-RateLimit headers. Tests can also force a 429 or a run of server errors.
/// </summary>
internal sealed class RestRateLimits(FakeDiscordOptions options)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = [];
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = [];
    private readonly List<(int Remaining, int Status, string? Path)> _failures = [];
    private readonly List<(int Status, string? Path)> _outages = [];
    private readonly List<(string Path, double RetryAfter, string Scope, bool Global)> _forced = [];

    public sealed record Route(string Hash, string Major, int Limit, TimeSpan Window, bool Exempt);

    public sealed record Decision(int Status, Dictionary<string, string> Headers, JsonObject? Body);

    public void AddFailures(int count, int status, string? path) { lock (_gate) _failures.Add((count, status, path)); }

    public IDisposable AddOutage(int status, string? path)
    {
        var outage = (status, path);
        lock (_gate) _outages.Add(outage);
        return new Ending(() => { lock (_gate) _outages.Remove(outage); });
    }

    private sealed class Ending(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    public void ForceLimit(string path, double retryAfter, string scope, bool global) { lock (_gate) _forced.Add((path, retryAfter, scope, global)); }

    public Route Classify(string method, string[] s)
    {
        if (s is ["interactions", var id, _, "callback"]) return new("interaction-callback", $"interactions/{id}", 5, TimeSpan.FromSeconds(1), true);
        if (s is ["webhooks", var app, var token, ..]) return new("webhook", $"webhooks/{app}/{token}", 10, TimeSpan.FromSeconds(2), true);
        if (method == "POST" && s is ["channels", var c, "messages"]) return new("msg-create", $"channels/{c}", options.MessageCreateLimit, options.MessageCreateWindow, false);
        if (s is ["channels", var c2, "messages", _]) return new("msg-edit", $"channels/{c2}", options.MessageEditLimit, options.MessageCreateWindow, false);
        if (s is ["users", "@me", "channels"]) return new("dm-open", "", 50, TimeSpan.FromSeconds(1), false);
        if (s is ["applications", _, "guilds", var g, "commands"]) return new("commands", $"guilds/{g}", 10, TimeSpan.FromSeconds(10), false);
        if (s is ["applications", _, "commands"]) return new("commands", "", 10, TimeSpan.FromSeconds(10), false);
        if (method == "POST" && s is ["guilds", var g2, "channels"]) return new("guild-channels", $"guilds/{g2}", 5, TimeSpan.FromSeconds(5), false);
        if (s is ["channels", var c3]) return new("channel", $"channels/{c3}", 5, TimeSpan.FromSeconds(5), false);
        return new("default", s.Length > 1 && s[0] is "guilds" ? $"guilds/{s[1]}" : "", 50, TimeSpan.FromSeconds(1), false);
    }

    /// <summary>Decides the fate of one request: null to proceed (with the bucket headers to add), or a ready answer.</summary>
    public Decision Check(string path, Route route)
    {
        var now = options.Time.GetUtcNow();
        lock (_gate)
        {
            if (_outages.Any(o => o.Path is null || path.Contains(o.Path, StringComparison.Ordinal)))
                return new Decision(_outages.First(o => o.Path is null || path.Contains(o.Path, StringComparison.Ordinal)).Status, [],
                    new JsonObject { ["message"] = "Service unavailable (injected outage)", ["code"] = 0 });
            var failure = _failures.FindIndex(f => f.Remaining > 0 && (f.Path is null || path.Contains(f.Path, StringComparison.Ordinal)));
            if (failure >= 0)
            {
                var f = _failures[failure];
                _failures[failure] = (f.Remaining - 1, f.Status, f.Path);
                return new Decision(f.Status, [], new JsonObject { ["message"] = "Service unavailable (injected)", ["code"] = 0 });
            }
            var key = $"{route.Hash}|{route.Major}";
            var forced = _forced.FindIndex(f => path.Contains(f.Path, StringComparison.Ordinal));
            if (forced >= 0)
            {
                var f = _forced[forced];
                _forced.RemoveAt(forced);
                var until = now + TimeSpan.FromSeconds(f.RetryAfter);
                if (f.Global) _global.Clear();
                _blockedUntil[f.Global ? "global" : key] = until;
                return TooMany(route, f.RetryAfter, f.Scope, f.Global, now);
            }
            if (!route.Exempt)
            {
                if (_blockedUntil.TryGetValue("global", out var g) && g > now)
                    return TooMany(route, (g - now).TotalSeconds, "global", true, now);
                while (_global.Count > 0 && now - _global.Peek() >= TimeSpan.FromSeconds(1))
                    _global.Dequeue();
                if (_global.Count >= options.GlobalRequestsPerSecond)
                    return TooMany(route, (_global.Peek() + TimeSpan.FromSeconds(1) - now).TotalSeconds, "global", true, now);
            }
            if (_blockedUntil.TryGetValue(key, out var blocked) && blocked > now)
                return TooMany(route, (blocked - now).TotalSeconds, "user", false, now);

            var (start, count) = _windows.GetValueOrDefault(key);
            if (count == 0 || now >= start + route.Window)
                (start, count) = (now, 0);
            if (count >= route.Limit)
                return TooMany(route, (start + route.Window - now).TotalSeconds, "user", false, now, start);
            _windows[key] = (start, count + 1);
            if (!route.Exempt) _global.Enqueue(now);
            return new Decision(0, BucketHeaders(route, route.Limit - count - 1, start + route.Window, now), null);
        }
    }

    private Decision TooMany(Route route, double retryAfter, string scope, bool global, DateTimeOffset now, DateTimeOffset? windowStart = null)
    {
        retryAfter = Math.Max(0.001, Math.Round(retryAfter, 3));
        var headers = BucketHeaders(route, 0, windowStart is { } s ? s + route.Window : now + TimeSpan.FromSeconds(retryAfter), now);
        headers["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = scope;
        if (global) headers["X-RateLimit-Global"] = "true";
        return new Decision(429, headers, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfter, ["global"] = global });
    }

    private static Dictionary<string, string> BucketHeaders(Route route, int remaining, DateTimeOffset reset, DateTimeOffset now) => new()
    {
        ["X-RateLimit-Limit"] = route.Limit.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Reset"] = (reset.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
        ["X-RateLimit-Reset-After"] = Math.Max(0, (reset - now).TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture),
        ["X-RateLimit-Bucket"] = route.Hash,
    };
}
