using BondBot.Features.Scheduling;
using BondBot.Observability;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace BondBot.Features.Admin;

/// <summary>Hooks the gauges that need the database (outbox depth and age) and the scheduler's idle time to the
/// metrics, read at each scrape. A short cache keeps several gauges of one scrape to one query.</summary>
public sealed class OperatorGauges(BondBotMetrics metrics, OperatorCounts counts, CheckInScheduler scheduler, IClock clock, TimeProvider time) : IHostedService
{
    private readonly Lock _gate = new();
    private (long Waiting, double Age) _cached;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.ObserveOutbox(ReadOutbox, () => scheduler.LastPassCompletedAt is { } at ? (time.GetUtcNow() - at).TotalSeconds : null);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private (long, double) ReadOutbox()
    {
        lock (_gate)
        {
            if (time.GetUtcNow() - _readAt < TimeSpan.FromSeconds(1))
                return _cached;
        }
        // Gauges are read synchronously by the exporter; SQLite answers this from an index in microseconds.
        var outbox = counts.OutboxAsync().GetAwaiter().GetResult();
        var age = outbox.OldestCreatedAt is { } oldest ? Math.Max(0, (clock.GetCurrentInstant() - oldest).TotalSeconds) : 0;
        lock (_gate)
        {
            _cached = (outbox.Waiting + outbox.Held, age);
            _readAt = time.GetUtcNow();
            return _cached;
        }
    }
}
