using System.Globalization;
using System.Net.Http.Headers;

namespace BondBot.Discord.RateLimiting;

/// <summary>
/// The rate-limit facts of one response (Rate Limits §Header Format, §Exceeding A Rate Limit). Every field is
/// optional: Discord has shipped missing and inconsistent headers before, so absent values mean "unknown".
/// </summary>
internal sealed record RateLimitHeaders(
    string? Bucket,
    int? Limit,
    int? Remaining,
    TimeSpan? ResetAfter,
    TimeSpan? RetryAfter,
    bool Global,
    string? Scope)
{
    public static RateLimitHeaders None { get; } = new(null, null, null, null, null, false, null);

    public bool IsSharedScope => string.Equals(Scope, "shared", StringComparison.OrdinalIgnoreCase);

    public static RateLimitHeaders Parse(HttpResponseHeaders headers, double? bodyRetryAfter = null, bool bodyGlobal = false)
    {
        var scope = Text(headers, "X-RateLimit-Scope");
        var global = bodyGlobal
            || string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(scope, "global", StringComparison.OrdinalIgnoreCase);
        // The body's retry_after has decimals; the Retry-After header is rounded up to whole seconds. Prefer the
        // larger of the two so neither rounding nor a header/body mismatch makes us come back early.
        var retry = Max(Seconds(bodyRetryAfter), Seconds(Number(headers, "Retry-After")));
        return new RateLimitHeaders(
            Text(headers, "X-RateLimit-Bucket"),
            (int?)Number(headers, "X-RateLimit-Limit"),
            (int?)Number(headers, "X-RateLimit-Remaining"),
            Seconds(Number(headers, "X-RateLimit-Reset-After")),
            retry,
            global,
            scope);
    }

    private static string? Text(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Text(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;

    private static TimeSpan? Seconds(double? value) => value is { } v && double.IsFinite(v) ? TimeSpan.FromSeconds(v) : null;

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
