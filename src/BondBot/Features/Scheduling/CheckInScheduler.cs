using System.Collections.Concurrent;
using BondBot.Discord;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Scheduling;

/// <summary>
/// Once a tick, claims everyone whose check-in is due and sends their prompts concurrently (the Discord client's
/// rate limiter paces them at the global limit). Prompts a previous run claimed but never finished are resent
/// with their original nonce while Discord still de-duplicates it, and recorded as failed after that.
/// </summary>
public sealed class CheckInScheduler(
    PromptLedger ledger,
    PromptSender sender,
    NudgeSender nudges,
    IClock clock,
    TimeProvider time,
    IOptions<SchedulerOptions> options,
    ILogger<CheckInScheduler> logger) : BackgroundService
{
    /// <summary>How long after a send Discord still recognises its nonce (Message §Create Message: "a few minutes").</summary>
    public static readonly Duration NonceWindow = Duration.FromMinutes(4);

    private readonly ConcurrentDictionary<string, byte> _inFlight = new();

    public sealed record PassSummary(int Due, int Sent, int Failed, int Skipped, int Resent);

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

    public async Task<PassSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var window = Duration.FromTimeSpan(options.Value.CatchUpWindow);
        var (resent, resendFailed) = await ResumeUnfinishedAsync(now, cancellationToken);
        int due = 0, sent = resent, failed = resendFailed, skipped = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ledger.ClaimDueAsync(now, window, options.Value.BatchSize, cancellationToken);
            if (batch.ToSend.Count == 0 && batch.Skipped == 0)
                break;
            due += batch.ToSend.Count + batch.Skipped;
            skipped += batch.Skipped;
            var results = await SendAllAsync(batch.ToSend, cancellationToken);
            sent += results.Count(r => r);
            failed += results.Count(r => !r);
        }
        if (due > 0 || sent > 0 || failed > 0)
            logger.LogInformation("Prompt batch: {Due} due, {Sent} sent, {Failed} failed, {Skipped} skipped", due, sent, failed, skipped);
        var nudged = await nudges.RunAsync(now, cancellationToken);
        if (nudged > 0)
            logger.LogInformation("Nudges sent: {Nudged}", nudged);
        return new PassSummary(due, sent, failed, skipped, resent);
    }

    private async Task<(int Resent, int Failed)> ResumeUnfinishedAsync(Instant now, CancellationToken cancellationToken)
    {
        var unfinished = (await ledger.UnfinishedAsync(cancellationToken)).Where(u => !_inFlight.ContainsKey(u.Prompt.Key)).ToList();
        var expired = unfinished.Where(u => now - u.ClaimedAt > NonceWindow).ToList();
        foreach (var old in expired)
        {
            // Discord no longer de-duplicates this nonce: resending could post twice, so it is recorded, not repeated.
            logger.LogWarning("Prompt for user {UserId} on {Date} was claimed but its delivery is unknown; recorded as failed", old.Prompt.UserId, old.Prompt.LocalDate);
            await ledger.MarkAsync(old.Prompt, "failed", null, now, cancellationToken);
        }
        var retry = unfinished.Except(expired).Select(u => u.Prompt).ToList();
        var results = await SendAllAsync(retry, cancellationToken);
        return (results.Count(r => r), expired.Count + results.Count(r => !r));
    }

    private async Task<bool[]> SendAllAsync(IReadOnlyList<PromptLedger.Claimed> prompts, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentSends);
        return await Task.WhenAll(prompts.Select(async prompt =>
        {
            await slots.WaitAsync(cancellationToken);
            _inFlight[prompt.Key] = 0;
            try
            {
                var (outcome, messageId) = await sender.SendAsync(prompt, cancellationToken);
                await ledger.MarkAsync(prompt, outcome == PromptSender.Outcome.Sent ? "sent" : "failed", messageId, clock.GetCurrentInstant(), CancellationToken.None);
                return outcome == PromptSender.Outcome.Sent;
            }
            catch (Exception e) when (e is DiscordApiException or DiscordUnavailableException or DiscordRateLimitedException or InvalidRequestLimitException)
            {
                // Left claimed: the next pass resends it with the same nonce.
                logger.LogWarning("Prompt for user {UserId} not sent yet ({Error}); will retry", prompt.UserId, e.GetType().Name);
                return false;
            }
            finally
            {
                _inFlight.TryRemove(prompt.Key, out _);
                slots.Release();
            }
        }));
    }
}
