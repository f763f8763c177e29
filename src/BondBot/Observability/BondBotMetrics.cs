using System.Diagnostics.Metrics;

namespace BondBot.Observability;

/// <summary>
/// BondBot's own instruments on the meter <see cref="MeterName"/> (the Discord client has its own,
/// <see cref="Discord.Diagnostics.DiscordMetrics.MeterName"/>). Tags are command names, outcomes and kinds — never
/// user ids, guild ids or content, so nothing in a scrape identifies a couple. Gauges that need the database
/// (outbox depth and age) are read when scraped, through <see cref="ObserveOutbox"/>.
/// </summary>
public sealed class BondBotMetrics : IDisposable
{
    public const string MeterName = "BondBot";

    private readonly Meter _meter;
    private readonly Counter<long> _interactions;
    private readonly Histogram<double> _ackLatency;
    private readonly Counter<long> _promptsDue;
    private readonly Counter<long> _promptsSent;
    private readonly Counter<long> _promptsFailed;
    private readonly Counter<long> _schedulerPasses;

    public BondBotMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName, "1.0");
        _interactions = _meter.CreateCounter<long>("bondbot.interactions", description: "Interactions handled, by command (or button prefix) and outcome");
        _ackLatency = _meter.CreateHistogram<double>("bondbot.interaction.ack_latency", unit: "ms",
            description: "From receiving an interaction to Discord accepting its first response (Discord allows 3000 ms)");
        _promptsDue = _meter.CreateCounter<long>("bondbot.prompts.due", description: "Daily prompts found due, per scheduler pass");
        _promptsSent = _meter.CreateCounter<long>("bondbot.prompts.sent", description: "Daily prompts sent");
        _promptsFailed = _meter.CreateCounter<long>("bondbot.prompts.failed", description: "Daily prompts that failed for good (closed DMs, refused, too late)");
        _schedulerPasses = _meter.CreateCounter<long>("bondbot.scheduler.passes", description: "Scheduler passes completed");
    }

    /// <summary>One interaction ended with <paramref name="outcome"/> (ok, failed, unknown, refused-replay,
    /// slow-down, busy), acknowledged after <paramref name="ackLatency"/> when it was.</summary>
    public void Interaction(string command, string outcome, TimeSpan? ackLatency)
    {
        var commandTag = new KeyValuePair<string, object?>("command", command);
        _interactions.Add(1, commandTag, new KeyValuePair<string, object?>("outcome", outcome));
        if (ackLatency is { } latency)
            _ackLatency.Record(latency.TotalMilliseconds, commandTag);
    }

    /// <summary>One scheduler pass's counts.</summary>
    public void SchedulerPass(int due, int sent, int failed)
    {
        _promptsDue.Add(due);
        _promptsSent.Add(sent);
        _promptsFailed.Add(failed);
        _schedulerPasses.Add(1);
    }

    /// <summary>Registers the outbox gauges, read from <paramref name="read"/> at each scrape (waiting rows, age of the
    /// oldest in seconds) and the age of the scheduler's last pass.</summary>
    public void ObserveOutbox(Func<(long Waiting, double OldestAgeSeconds)> read, Func<double?> schedulerIdleSeconds)
    {
        _meter.CreateObservableGauge("bondbot.outbox.depth", () => read().Waiting, description: "Deliveries waiting (pending or held for closed DMs)");
        _meter.CreateObservableGauge("bondbot.outbox.oldest_age", () => read().OldestAgeSeconds, unit: "s", description: "Age of the oldest waiting delivery");
        _meter.CreateObservableGauge("bondbot.scheduler.idle", () => schedulerIdleSeconds() is { } s ? [new Measurement<double>(s)] : Array.Empty<Measurement<double>>(),
            unit: "s", description: "Time since the scheduler's last completed pass");
    }

    public void Dispose() => _meter.Dispose();
}
