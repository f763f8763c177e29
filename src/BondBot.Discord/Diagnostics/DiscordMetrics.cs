using System.Diagnostics.Metrics;

namespace BondBot.Discord.Diagnostics;

/// <summary>
/// The client's own facts as <see cref="System.Diagnostics.Metrics"/> instruments on the meter
/// <see cref="MeterName"/>: REST requests by route and status, rate-limit waits and 429s, gateway reconnects and
/// resumes. Plain .NET instruments, so the client needs no telemetry library; a host that wants them exports the
/// meter by name (OpenTelemetry, dotnet-counters). Routes are templates (<c>POST /channels/{channel_id}/messages</c>),
/// never paths with ids or interaction tokens.
/// </summary>
public static class DiscordMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "BondBot.Discord";

    private static readonly Meter Meter = new(MeterName, "1.0");

    internal static readonly Counter<long> RestRequests = Meter.CreateCounter<long>(
        "discord.rest.requests", description: "REST responses received, by route template and HTTP status (0: no response)");

    internal static readonly Counter<long> RateLimitWaits = Meter.CreateCounter<long>(
        "discord.rest.rate_limit_waits", description: "Requests held back by the client's rate limiter before sending, by route");

    internal static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "discord.rest.rate_limited", description: "HTTP 429 answers from Discord, by route and scope");

    internal static readonly Counter<long> GatewayReconnects = Meter.CreateCounter<long>(
        "discord.gateway.reconnects", description: "Gateway connections opened after the first one");

    internal static readonly Counter<long> GatewayResumes = Meter.CreateCounter<long>(
        "discord.gateway.resumes", description: "Gateway sessions resumed (RESUMED received)");

    internal static void Request(string route, int status) =>
        RestRequests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", status));

    internal static void Waited(string route) => RateLimitWaits.Add(1, new KeyValuePair<string, object?>("route", route));

    internal static void TooManyRequests(string route, string scope) =>
        RateLimited.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("scope", scope));
}
