namespace BondBot.Discord.RateLimiting;

/// <summary>
/// One REST call's identity for rate limiting (Rate Limits §Rate Limits): <see cref="Template"/> names the route
/// with ids replaced, <see cref="MajorParameter"/> is the top-level resource (channel, guild, webhook + token) that
/// partitions a bucket, and interaction endpoints are exempt from the global limit.
/// </summary>
internal sealed record Route(HttpMethod Method, string Path, string Template, string MajorParameter, bool ExemptFromGlobal = false)
{
    /// <summary>Key until Discord tells us the bucket hash: method and template.</summary>
    public string RouteKey { get; } = $"{Method.Method} {Template}";

    /// <summary>Safe to send again after a network error or 5xx: the call has no effect when repeated.</summary>
    public bool IsIdempotent => Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Delete || Method == HttpMethod.Patch;

    public override string ToString() => RouteKey;
}
