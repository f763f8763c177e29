using System.Globalization;
using System.Reflection;
using System.Text;
using BondBot.Features.Switches;
using BondBot.Hosting;
using NodaTime;

namespace BondBot.Features.Admin;

/// <summary><c>/admin status</c>: how this BondBot is running — version, uptime, each gateway shard (state,
/// heartbeat round trip, resumes), today's prompts, the outbox, the next prompt, and this server's switches. Counts
/// only: nothing about any couple.</summary>
public sealed class StatusReport(IGatewayShards gateways, OperatorCounts counts, ServerFeatureRepository switches, IClock clock, TimeProvider time)
{
    private static readonly DateTimeOffset ProcessStarted = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static string Version =>
        typeof(StatusReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(StatusReport).Assembly.GetName().Version?.ToString() ?? "unknown";

    public async Task<string> BuildAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var text = new StringBuilder("**BondBot status**\n");
        text.Append(CultureInfo.InvariantCulture, $"Version {Version} · up {Span(time.GetUtcNow() - ProcessStarted)}\n");
        var shards = gateways.Shards;
        text.Append(CultureInfo.InvariantCulture, $"Shards: {shards.Count}\n");
        foreach (var shard in shards)
            text.Append(Shard(shard)).Append('\n');
        var today = now.InUtc().Date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var prompts = await counts.PromptsSinceAsync(today, cancellationToken);
        text.Append(CultureInfo.InvariantCulture, $"Prompts today (UTC, all servers): {prompts.Sent} sent, {prompts.Failed} failed\n");
        var outbox = await counts.OutboxAsync(cancellationToken);
        text.Append(CultureInfo.InvariantCulture, $"Deliveries waiting: {outbox.Waiting}{(outbox.Held > 0 ? $" (+{outbox.Held} held for closed DMs)" : "")}\n");
        text.Append(await counts.NextPromptAsync(now, cancellationToken) is { } next
            ? $"Next prompt: <t:{next.ToUnixTimeSeconds()}:t> (<t:{next.ToUnixTimeSeconds()}:R>)\n"
            : "Next prompt: none scheduled\n");
        var on = (await switches.AllAsync(guildId, cancellationToken)).Where(s => s.Value).Select(s => s.Key.Title()).ToList();
        text.Append("Switched on here: ").Append(on.Count == 0 ? "nothing" : string.Join(", ", on));
        return text.ToString();
    }

    private string Shard(GatewayShard shard)
    {
        var client = shard.Client;
        var latency = client.HeartbeatLatency is { } l ? $"{(int)l.TotalMilliseconds} ms heartbeat" : "no heartbeat ACK yet";
        var resumed = client.LastResumedAt is { } at ? $", last resumed {Span(time.GetUtcNow() - at)} ago" : "";
        return $"Shard {shard.Id} of {shard.Count}: {client.State.ToString().ToLowerInvariant()}, {latency}, " +
               $"{Interactions.Plural.Of(client.ResumeCount, "resume")}, {Interactions.Plural.Of(client.ReconnectCount, "reconnect")}{resumed}";
    }

    private static string Span(TimeSpan span) =>
        span.TotalSeconds < 90 ? $"{Math.Max(0, (int)span.TotalSeconds)} s"
        : span.TotalMinutes < 90 ? $"{(int)span.TotalMinutes} min"
        : span.TotalHours < 48 ? $"{(int)span.TotalHours} h"
        : $"{(int)span.TotalDays} days";
}
