using BondBot.Discord;
using BondBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BondBot.Features.Delivery.Outbox;

/// <summary>
/// Delivers the outbox: woken when deliveries are written, and every few seconds anyway. Deliveries of one pair go
/// in order (a reveal before the unpair notice), pairs in parallel. A send that did not reach Discord is retried
/// with backoff, across restarts; closed DMs hold a delivery until the person is back; one partner's failing DM
/// never holds up the other partner.
/// </summary>
public sealed class OutboxWorker(
    OutboxWriter outbox,
    OutboxRepository rows,
    OutboxSender sender,
    IEnumerable<IDeliveryObserver> observers,
    IDbConnections connections,
    IClock clock,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    public static readonly Duration FirstRetry = Duration.FromSeconds(10);
    public static readonly Duration MaxRetry = Duration.FromMinutes(15);
    /// <summary>A delivery still not sent after this long is given up and logged.</summary>
    public static readonly Duration GiveUpAfter = Duration.FromDays(7);
    private const int BatchSize = 200;
    private const int Lanes = 8;
    public const string LockName = "bondbot:outbox";

    private readonly SemaphoreSlim _pass = new(1, 1);

    public sealed record PassSummary(int Sent, int Retrying, int Held, int Failed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox pass failed; trying again shortly");
            }
            try
            {
                await outbox.WaitForWakeAsync(PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One pass over everything due now. Passes never overlap within a process (tests call this directly). Processes
    /// sharing a PostgreSQL database split the work by lane: a pair's deliveries (and a shared post, which takes both
    /// partners' rows) form one lane that one process at a time holds, so they go in order and once, while other
    /// pairs' lanes go out from other processes at the same time.
    /// </summary>
    public async Task<PassSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetCurrentInstant();
            if (await rows.ExpireAsync(now - GiveUpAfter, now, cancellationToken) is > 0 and var expired)
                logger.LogWarning("{Count} deliveries could not be sent within {Days} days and were given up", expired, GiveUpAfter.Days);
            var total = new PassSummary(0, 0, 0, 0);
            while (!cancellationToken.IsCancellationRequested)
            {
                var due = await rows.DueAsync(now, BatchSize, cancellationToken);
                if (due.Count == 0)
                    break;
                var results = await SendLanesAsync(due, now, cancellationToken);
                total = new PassSummary(total.Sent + results.Sent, total.Retrying + results.Retrying, total.Held + results.Held, total.Failed + results.Failed);
                if (due.Count < BatchSize || results.Sent + results.Held + results.Failed == 0)
                    break;
            }
            await rows.SweepFilesAsync(cancellationToken);
            if (total != new PassSummary(0, 0, 0, 0))
                logger.LogInformation("Outbox: {Sent} sent, {Retrying} to retry, {Held} held for closed DMs, {Failed} failed", total.Sent, total.Retrying, total.Held, total.Failed);
            return total;
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<PassSummary> SendLanesAsync(IReadOnlyList<OutboxRepository.Row> due, Instant now, CancellationToken cancellationToken)
    {
        // A pair's deliveries form one lane, in order; deliveries that belong to no pair get a lane per person.
        var lanes = due.GroupBy(r => r.PairId is { } pair ? $"p{pair}" : $"u{r.RecipientId}").ToList();
        var counts = new int[4];
        await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = Lanes, CancellationToken = cancellationToken }, async (lane, ct) =>
        {
            // Another process delivering this lane right now keeps it; what it leaves is read again next pass.
            await using var held = await ProcessLock.TakeAsync(connections, $"{LockName}:{lane.Key}", wait: false, ct);
            if (held is null)
                return;
            var done = new HashSet<long>();
            var blocked = new HashSet<ulong?>();
            foreach (var row in await rows.StillPendingAsync(lane, now, ct))
            {
                if (done.Contains(row.DeliveryId) || blocked.Contains(row.RecipientId))
                    continue;   // sent with a shared post, or an earlier delivery to this person is still waiting
                var outcome = await DeliverAsync(row, done, ct);
                Interlocked.Increment(ref counts[(int)outcome]);
                if (outcome is Counted.Retrying or Counted.Held)
                    blocked.Add(row.RecipientId);
            }
        });
        return new PassSummary(counts[0], counts[1], counts[2], counts[3]);
    }

    private enum Counted { Sent, Retrying, Held, Failed }

    private async Task<Counted> DeliverAsync(OutboxRepository.Row row, HashSet<long> done, CancellationToken cancellationToken)
    {
        // Every line about this attempt (here, in the sender, in the client) carries the delivery id and the
        // correlation id of the work that wrote it.
        using var scope = Observability.Correlation.BeginDelivery(logger, row.DeliveryId, row.CorrelationId);
        try
        {
            var result = await sender.SendAsync(row, cancellationToken);
            var now = clock.GetCurrentInstant();
            switch (result.Outcome)
            {
                case OutboxSender.Outcome.Sent:
                    await rows.MarkSentAsync(result.Rows, result.Message?.ChannelId, result.Message?.Id, now, CancellationToken.None);
                    foreach (var sent in result.Rows) done.Add(sent.DeliveryId);
                    if (result.Message is { } message)
                        await TellObserversAsync(row, message, cancellationToken);
                    return Counted.Sent;
                default:
                    await rows.HoldAsync(row.DeliveryId, now, CancellationToken.None);
                    return Counted.Held;
            }
        }
        catch (DiscordApiException e) when ((int)e.Status is >= 400 and < 500 && e.Status != System.Net.HttpStatusCode.TooManyRequests)
        {
            // Discord refused this delivery for good (a payload or permission problem): retrying would repeat it.
            logger.LogError("Delivery {DeliveryId} ({Kind}) refused by Discord: {Code} {Message}", row.DeliveryId, row.Kind, e.RawCode, e.DiscordMessage);
            await rows.FailAsync(row.DeliveryId, $"{(int)e.Status} {e.RawCode}", clock.GetCurrentInstant(), CancellationToken.None);
            return Counted.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var wait = Backoff(row.Attempts + 1);
            logger.LogWarning("Delivery {DeliveryId} ({Kind}) not sent yet ({Error}); retry {Attempt} in {Seconds} s",
                row.DeliveryId, row.Kind, e.GetType().Name, row.Attempts + 1, (int)wait.TotalSeconds);
            var now = clock.GetCurrentInstant();
            await rows.RetryLaterAsync(row.DeliveryId, now + wait, e.GetType().Name, now, CancellationToken.None);
            return Counted.Retrying;
        }
    }

    private async Task TellObserversAsync(OutboxRepository.Row row, Message message, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.DeliveredAsync(row.Kind, row.Key, message, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "After delivery {DeliveryId} ({Kind}) an observer failed", row.DeliveryId, row.Kind);
            }
        }
    }

    /// <summary>10 s, 20 s, 40 s … at most 15 minutes between attempts.</summary>
    public static Duration Backoff(int attempt)
    {
        var seconds = FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(attempt - 1, 10));
        return Duration.FromSeconds(Math.Min(seconds, MaxRetry.TotalSeconds));
    }
}
