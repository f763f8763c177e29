using BondBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace BondBot.Discord.Gateway;

/// <summary>
/// Gives each shard its turn to identify, shared by all shards of a process (Gateway §Session Start Limit,
/// §Max Concurrency): shards whose <c>shard_id % max_concurrency</c> is equal form a bucket that identifies once per
/// <see cref="DiscordTiming.IdentifySpacing"/>, while different buckets go together; and no identify is made when
/// the day's <c>remaining</c> budget is spent (Discord resets the token of a bot that exceeds it) — the queue waits
/// out <c>reset_after</c> instead. The answer also carries the gateway URL to connect to.
/// </summary>
internal sealed class IdentifyQueue(DiscordRestClient rest, DiscordTiming timing, TimeProvider time, ILogger logger)
{
    // GET /gateway/bot changes with the bot's guild count; re-read it at most this long after the last read.
    private static readonly TimeSpan InfoMaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _budget = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<int, DateTimeOffset> _bucketFreeAt = [];
    private GatewayBotInfo? _info;
    private DateTimeOffset _readAt;
    private DateTimeOffset _resetAt;
    private int _remaining;

    /// <summary>Waits for <paramref name="shardId"/>'s turn and takes one identify from the budget; returns the gateway
    /// URL, or null when Discord could not be asked (the caller backs off and asks again).</summary>
    public async Task<Uri?> AcquireAsync(int shardId, CancellationToken cancellationToken)
    {
        int concurrency;
        Uri url;
        await _budget.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                if ((_info is null || time.GetUtcNow() - _readAt > InfoMaxAge) && !await ReadAsync(cancellationToken))
                    return null;
                if (_remaining > 0)
                    break;
                var wait = _resetAt - time.GetUtcNow();
                logger.LogError("Identify budget used up (session_start_limit.remaining is 0); waiting {Minutes:0.#} minutes for it to reset", wait.TotalMinutes);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, time, cancellationToken);
                _info = null;
            }
            _remaining--;
            concurrency = Math.Max(1, _info!.SessionStartLimit?.MaxConcurrency ?? 1);
            url = new Uri(_info.Url);
        }
        finally { _budget.Release(); }

        DateTimeOffset turn;
        lock (_gate)
        {
            var bucket = shardId % concurrency;
            var now = time.GetUtcNow();
            turn = _bucketFreeAt.TryGetValue(bucket, out var free) && free > now ? free : now;
            _bucketFreeAt[bucket] = turn + timing.IdentifySpacing;
        }
        var delay = turn - time.GetUtcNow();
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, time, cancellationToken);
        return url;
    }

    /// <summary>The shard count Discord recommends now, or null when it could not be asked.</summary>
    public async Task<int?> RecommendedShardsAsync(CancellationToken cancellationToken)
    {
        await _budget.WaitAsync(cancellationToken);
        try
        {
            return await ReadAsync(cancellationToken) ? Math.Max(1, _info!.Shards) : null;
        }
        finally { _budget.Release(); }
    }

    private async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = await rest.GetGatewayBotAsync(cancellationToken);
            _info = info;
            _readAt = time.GetUtcNow();
            _remaining = info.SessionStartLimit?.Remaining ?? int.MaxValue;
            _resetAt = _readAt + TimeSpan.FromMilliseconds(info.SessionStartLimit?.ResetAfter ?? 0);
            return true;
        }
        catch (DiscordUnauthorizedException e)
        {
            throw new GatewayFatalException(4004, e.Message);
        }
        catch (DiscordApiException e) when (e.Status == System.Net.HttpStatusCode.Unauthorized)
        {
            throw new GatewayFatalException(4004, GatewayCloseCodes.Describe(4004));
        }
        catch (Exception e) when (e is not OperationCanceledException and not GatewayFatalException)
        {
            // Discord unreachable, rate limited, the invalid-request guard refusing for a while, a malformed answer:
            // back off and ask again.
            logger.LogWarning("Could not get the gateway URL: {Error}", e.Message);
            return false;
        }
    }
}
