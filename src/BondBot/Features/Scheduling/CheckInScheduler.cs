using System.Collections.Concurrent;
using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Scheduling;

/// <summary>
/// Once a tick, finishes what an earlier pass left (prompts never attempted, cut off by a crash, or waiting for a
/// retry), then claims everyone whose check-in is due and sends their prompts concurrently (the Discord client's
/// rate limiter paces them at the global limit). A prompt that did not reach Discord is retried every pass for the
/// whole catch-up window; one cut off mid-flight is resent with its nonce while Discord de-duplicates it, and counted
/// as failed after that (resending could post twice).
/// </summary>
public sealed class CheckInScheduler(
    PromptClaims claims,
    PromptLedger ledger,
    PromptSender sender,
    IEnumerable<ISchedulerStep> steps,
    IDbConnections connections,
    IClock clock,
    TimeProvider time,
    IOptions<SchedulerOptions> options,
    Observability.BondBotMetrics metrics,
    ILogger<CheckInScheduler> logger) : BackgroundService
{
    /// <summary>How long after a send Discord still recognises its nonce (Message §Create Message: "a few minutes").</summary>
    public static readonly Duration NonceWindow = Duration.FromMinutes(4);

    public const string StepsLockName = "bondbot:scheduler-steps";

    private readonly ConcurrentDictionary<string, byte> _inFlight = new();
    private readonly SemaphoreSlim _pass = new(1, 1);

    public sealed record PassSummary(int Due, int Sent, int Failed, int Skipped, int Resent, int Retrying);

    private long _lastPassTicks = -1;

    /// <summary>When the last pass finished, on the transport clock that drives the ticks; null before the first.
    /// Read by operators' checks ("did the scheduler run in the last two ticks?").</summary>
    public DateTimeOffset? LastPassCompletedAt =>
        Interlocked.Read(ref _lastPassTicks) is >= 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Scheduler pass failed; trying again next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass at BondBot's current time. Passes never overlap; tests call this directly.</summary>
    public async Task<PassSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        // Every line of this pass, and every delivery it writes, carries one correlation id.
        using var scope = Observability.Correlation.BeginWork(logger, "tick");
        try
        {
            var now = clock.GetCurrentInstant();
            var window = Duration.FromTimeSpan(options.Value.CatchUpWindow);
            var resumed = await ResumeUnfinishedAsync(now, window, cancellationToken);
            var total = resumed;
            while (!cancellationToken.IsCancellationRequested)
            {
                var batch = await claims.ClaimDueAsync(now, window, options.Value.BatchSize, cancellationToken);
                if (batch.ToSend.Count == 0 && batch.Skipped == 0)
                    break;
                var results = await SendAllAsync(batch.ToSend, cancellationToken);
                total = total with
                {
                    Due = total.Due + batch.ToSend.Count + batch.Skipped,
                    Skipped = total.Skipped + batch.Skipped,
                    Sent = total.Sent + results.Count(r => r == Result.Sent),
                    Failed = total.Failed + results.Count(r => r == Result.Failed),
                    Retrying = total.Retrying + results.Count(r => r == Result.Retry),
                };
            }
            if (total.Due > 0 || total.Sent > 0 || total.Failed > 0 || total.Retrying > 0)
                logger.LogInformation("Prompt batch: {Due} due, {Sent} sent, {Failed} failed, {Skipped} skipped, {Retrying} to retry",
                    total.Due, total.Sent, total.Failed, total.Skipped, total.Retrying);
            // Maintenance steps run in one process at a time; the others skip them this pass (the ledger still guards each send).
            await using (var stepsLock = await ProcessLock.TakeAsync(connections, StepsLockName, wait: false, cancellationToken))
                if (stepsLock is not null)
                    foreach (var step in steps)
                        if (await step.RunAsync(now, cancellationToken) is > 0 and var sent)
                            logger.LogInformation("{Step}: {Sent} sent", step.GetType().Name, sent);
            metrics.SchedulerPass(total.Due, total.Sent, total.Failed);
            Interlocked.Exchange(ref _lastPassTicks, time.GetUtcNow().UtcTicks);
            return total;
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<PassSummary> ResumeUnfinishedAsync(Instant now, Duration window, CancellationToken cancellationToken)
    {
        var unfinished = (await ledger.UnfinishedAsync(now, cancellationToken)).Where(u => !_inFlight.ContainsKey(u.Prompt.Key)).ToList();
        var retry = new List<PromptLedger.Claimed>();
        var failed = 0;
        foreach (var u in unfinished)
        {
            var giveUp = u.Status == LedgerStatus.Sending
                // Cut off mid-flight: safe to resend only while Discord still recognises the nonce.
                ? now - (u.AttemptedAt ?? u.Prompt.DueAt) > NonceWindow
                // Never attempted, or known not to have reached Discord: worth sending for the whole catch-up window.
                : now - u.Prompt.DueAt > window;
            if (!giveUp)
            {
                retry.Add(u.Prompt);
                continue;
            }
            logger.LogWarning("Prompt for user {UserId} on {Date} ({Status}) could not be sent in time; recorded as failed", u.Prompt.UserId, u.Prompt.LocalDate, u.Status);
            await ledger.MarkAsync(u.Prompt, LedgerStatus.Failed, null, now, cancellationToken, error: u.Status == LedgerStatus.Sending ? "outcome unknown" : "catch-up window passed");
            failed++;
        }
        var results = await SendAllAsync(retry, cancellationToken);
        return new PassSummary(0, results.Count(r => r == Result.Sent), failed + results.Count(r => r == Result.Failed), 0,
            results.Count(r => r == Result.Sent), results.Count(r => r == Result.Retry));
    }

    private enum Result { Sent, Failed, Retry }

    private async Task<Result[]> SendAllAsync(IReadOnlyList<PromptLedger.Claimed> prompts, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentSends);
        return await Task.WhenAll(prompts.Select(async prompt =>
        {
            await slots.WaitAsync(cancellationToken);
            _inFlight[prompt.Key] = 0;
            try
            {
                await ledger.MarkSendingAsync(prompt, clock.GetCurrentInstant(), CancellationToken.None);
                var (outcome, messageId) = await sender.SendAsync(prompt, cancellationToken);
                var sent = outcome == PromptSender.Outcome.Sent;
                await ledger.MarkAsync(prompt, sent ? LedgerStatus.Sent : LedgerStatus.Failed, messageId, clock.GetCurrentInstant(), CancellationToken.None,
                    error: sent ? null : "DMs closed");
                return sent ? Result.Sent : Result.Failed;
            }
            catch (Exception e) when (e is DiscordUnavailableException or DiscordRateLimitedException or InvalidRequestLimitException or HttpRequestException)
            {
                // The request did not reach Discord (or no answer came): retried next pass with the same nonce.
                logger.LogWarning("Prompt for user {UserId} not sent yet ({Error}); will retry", prompt.UserId, e.GetType().Name);
                await ledger.MarkAsync(prompt, LedgerStatus.Retry, null, clock.GetCurrentInstant(), CancellationToken.None, error: e.GetType().Name);
                return Result.Retry;
            }
            catch (DiscordApiException e)
            {
                logger.LogError("Prompt for user {UserId} refused by Discord: {Code} {Message}", prompt.UserId, e.RawCode, e.DiscordMessage);
                await ledger.MarkAsync(prompt, LedgerStatus.Failed, null, clock.GetCurrentInstant(), CancellationToken.None, error: $"{(int)e.Status} {e.RawCode}");
                return Result.Failed;
            }
            finally
            {
                _inFlight.TryRemove(prompt.Key, out _);
                slots.Release();
            }
        }));
    }
}
