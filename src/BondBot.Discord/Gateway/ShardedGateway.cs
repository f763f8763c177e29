using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace BondBot.Discord.Gateway;

/// <summary>
/// Runs this process's shards (Gateway §Sharding): one <see cref="DiscordGatewayClient"/> per shard, each with its own
/// session, sequence, heartbeat and resume, identifying in turn through one <see cref="IdentifyQueue"/>, their
/// dispatches merged into one stream stamped with <see cref="GatewayDispatch.ShardId"/>. The shard count is
/// <see cref="DiscordClientOptions.ShardCount"/>, or Discord's recommendation when that is 0; a 4011 close (sharding
/// required) then reshards with a fresh recommendation, while with a fixed count it stops and says what to set.
/// </summary>
public sealed class ShardedGateway
{
    private readonly Func<int, int, DiscordGatewayClient> _create;
    private readonly IdentifyQueue _identifyQueue;
    private readonly DiscordClientOptions _options;
    private readonly IReadOnlyList<int>? _selected;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<GatewayDispatch> _events = System.Threading.Channels.Channel.CreateUnbounded<GatewayDispatch>();
    private volatile IReadOnlyList<DiscordGatewayClient> _shards;

    internal ShardedGateway(Func<int, int, DiscordGatewayClient> create, IdentifyQueue identifyQueue, DiscordClientOptions options, TimeProvider time, ILogger logger)
    {
        _time = time;
        _create = create;
        _identifyQueue = identifyQueue;
        _options = options;
        _selected = ShardSelection.Parse(options.ShardIds);
        _logger = logger;
        // The first shard exists before the count is known, so its session can be read (and run alone) from the start.
        _shards = [create(_selected?[0] ?? 0, Math.Max(1, options.ShardCount))];
    }

    /// <summary>The session of this process's lowest shard.</summary>
    public DiscordGatewayClient Primary => _shards[0];

    /// <summary>This process's shard sessions, lowest id first.</summary>
    public IReadOnlyList<DiscordGatewayClient> Shards => _shards;

    /// <summary>The shard count in use (known once running).</summary>
    public int ShardCount => Primary.ShardCount;

    /// <summary>Whether this process runs shard 0, which alone receives DMs and events without a guild.</summary>
    public bool HoldsShardZero => _selected is null || _selected[0] == 0;

    /// <summary>The bot user, known after the first READY on any shard.</summary>
    public User? CurrentUser => _shards.Select(s => s.CurrentUser).FirstOrDefault(u => u is not null);

    /// <summary>The application id, known after the first READY on any shard.</summary>
    public ulong? ApplicationId => _shards.Select(s => s.ApplicationId).FirstOrDefault(id => id is not null);

    /// <summary>True while every shard of this process is connected.</summary>
    public bool IsConnected => _shards.All(s => s.IsConnected);

    /// <summary>Every shard's dispatches, each in its shard's order, stamped with its shard id.</summary>
    public IAsyncEnumerable<GatewayDispatch> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Runs every shard until <paramref name="stopping"/> fires, or until Discord refuses the bot for good
    /// (<see cref="GatewayFatalException"/>, with the setting to change when it is 4011).</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var count = _options.ShardCount;
            while (!stopping.IsCancellationRequested)
            {
                if (count == 0)
                    count = await RecommendedAsync(stopping);
                var ids = ShardSelection.Resolve(_selected, count);
                var primary = Primary;
                _shards = ids.Select(id => id == primary.ShardId && primary.IdentifyCount == 0 ? primary : _create(id, count)).ToList();
                foreach (var shard in _shards)
                    shard.ShardCount = count;
                _logger.LogInformation("Gateway running shards {Ids} of {Count}", string.Join(",", ids), count);
                var refused = await RunShardsAsync(stopping);
                if (refused is null)
                    return;
                count = await ReshardAsync(count, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    // Runs the current shards to their end; returns the 4011 close when Discord asked for more shards.
    private async Task<GatewayFatalException?> RunShardsAsync(CancellationToken stopping)
    {
        using var all = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var runs = _shards.Select(shard => RunShardAsync(shard, all)).ToList();
        await Task.WhenAll(runs.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        var failures = runs.Where(r => r.IsFaulted).Select(r => r.Exception!.GetBaseException()).ToList();
        if (failures.FirstOrDefault(e => e is not GatewayFatalException { CloseCode: 4011 }) is { } other)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(other);
        return failures.OfType<GatewayFatalException>().FirstOrDefault();
    }

    private async Task RunShardAsync(DiscordGatewayClient shard, CancellationTokenSource all)
    {
        var pump = Task.Run(async () =>
        {
            await foreach (var dispatch in shard.ReadEventsAsync(CancellationToken.None))
                _events.Writer.TryWrite(dispatch with { ShardId = shard.ShardId });
        });
        try
        {
            await shard.RunAsync(all.Token);
        }
        catch (GatewayFatalException)
        {
            // One shard refused for good ends them all: the others close with 1000 and the caller decides.
            await all.CancelAsync();
            throw;
        }
        finally
        {
            await pump;
        }
    }

    private async Task<int> ReshardAsync(int refusedCount, CancellationToken stopping)
    {
        var recommended = await _identifyQueue.RecommendedShardsAsync(stopping);
        if (_options.ShardCount > 0)
        {
            var message = $"Discord requires more shards than Discord:ShardCount = {refusedCount} (close code 4011, sharding required); "
                + $"set Discord:ShardCount to {(recommended > refusedCount ? recommended.ToString() : "a larger number")} or to 0 to use Discord's recommendation";
            _logger.LogCritical("{Message}", message);
            throw new GatewayFatalException(4011, message);
        }
        var next = Math.Max(recommended ?? 0, refusedCount + 1);
        _logger.LogWarning("Discord requires more shards than {Refused} (close code 4011); resharding to {Count} (Discord recommends {Recommended}; Discord:ShardCount is 0, automatic)",
            refusedCount, next, recommended);
        return next;
    }

    private async Task<int> RecommendedAsync(CancellationToken stopping)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            if (await _identifyQueue.RecommendedShardsAsync(stopping) is { } count)
                return count;
            await Task.Delay(delay, _time, stopping);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
        }
    }
}
