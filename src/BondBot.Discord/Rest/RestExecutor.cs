using System.Net;
using System.Text.Json;
using BondBot.Discord.Json;
using BondBot.Discord.RateLimiting;
using Microsoft.Extensions.Logging;

namespace BondBot.Discord.Rest;

/// <summary>
/// Sends one REST call through the rate limiter and the invalid-request guard, retrying 429s (always) and
/// network errors and 502/503/504 (only when <see cref="RetryMode"/> says repeating is safe) with backoff, and
/// turning error bodies into typed exceptions. Never logs URLs with tokens, bodies or headers.
/// </summary>
internal sealed class RestExecutor(HttpClient http, RestRateLimiter limiter, InvalidRequestGuard guard, TimeProvider time, DiscordTiming timing, ILogger logger)
{
    private const int MaxRateLimitRetries = 5;
    private const int MaxServerErrorRetries = 3;

    public async Task<byte[]> SendAsync(Route route, Func<HttpContent?> content, RetryMode mode, CancellationToken cancellationToken)
    {
        var rateLimited = 0;
        var failures = 0;
        while (true)
        {
            if (!route.ExemptFromGlobal)
                guard.ThrowIfRefused();   // interaction responses always go out: people must be answered
            var permit = await limiter.AcquireAsync(route, cancellationToken);
            HttpResponseMessage response;
            try
            {
                using var timeout = new CancellationTokenSource(timing.RestRequestTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                using var request = new HttpRequestMessage(route.Method, route.Path) { Content = content() };
                response = await http.SendAsync(request, linked.Token);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                permit.Abandon();
                Diagnostics.DiscordMetrics.Request(route.RouteKey, 0);
                if (mode == RetryMode.None || ++failures > MaxServerErrorRetries)
                    throw new DiscordUnavailableException(route.RouteKey, "network error or timeout", e);
                await BackoffAsync(route, failures, "network error", cancellationToken);
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var status = (int)response.StatusCode;
                var limitBody = status == 429 ? TryParse(body, DiscordJson.Default.RateLimitBody) : null;
                var headers = RateLimitHeaders.Parse(response.Headers, limitBody?.RetryAfter, limitBody?.Global ?? false);
                permit.Complete(status, headers);
                Diagnostics.DiscordMetrics.Request(route.RouteKey, status);
                guard.Record(status, headers);

                if (response.IsSuccessStatusCode)
                    return body;
                if (status == 429)
                {
                    if (++rateLimited > MaxRateLimitRetries)
                        throw new DiscordRateLimitedException(route.RouteKey, headers.RetryAfter ?? TimeSpan.Zero);
                    continue; // the next AcquireAsync waits out the bucket or the global pause
                }
                if (status is 502 or 503 or 504 && mode != RetryMode.None && ++failures <= MaxServerErrorRetries)
                {
                    await BackoffAsync(route, failures, $"HTTP {status}", cancellationToken);
                    continue;
                }

                var error = TryParse(body, DiscordJson.Default.DiscordErrorBody);
                if (mode == RetryMode.Callback && failures > 0 && error?.Code == (int)DiscordErrorCode.InteractionAlreadyAcknowledged)
                    return []; // our earlier attempt reached Discord before its answer was lost
                if (status >= 500)
                    throw new DiscordUnavailableException(route.RouteKey, $"HTTP {status}");
                throw new DiscordApiException(response.StatusCode, error?.Code ?? 0, error?.Message,
                    DiscordApiException.Flatten(error?.Errors), route.RouteKey);
            }
        }
    }

    private async Task BackoffAsync(Route route, int attempt, string reason, CancellationToken cancellationToken)
    {
        // 0.5 s, 1 s, 2 s by default, each plus up to 25 % jitter so many callers do not retry in step.
        var delay = timing.RestRetryDelay * (Math.Pow(2, attempt - 1) * (1 + Random.Shared.NextDouble() / 4));
        logger.LogWarning("{Route} failed ({Reason}); retry {Attempt} in {DelayMs} ms", route.RouteKey, reason, attempt, (int)delay.TotalMilliseconds);
        await Task.Delay(delay, time, cancellationToken);
    }

    private static T? TryParse<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        if (body.Length == 0) return null;
        try { return JsonSerializer.Deserialize(body, type); }
        catch (JsonException) { return null; }
    }
}
