using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace BondBot.Discord.Gateway;

/// <summary>
/// Keeps one gateway session alive (Gateway §Connection Lifecycle, §Resuming): resumes at <c>resume_gateway_url</c>
/// after any resumable drop, identifies anew when the session is gone, backs off with jitter after failed
/// connections, and stops for good on the close codes the docs mark fatal. Dispatches are pulled with
/// <see cref="ReadEventsAsync"/>. It is one shard's session; <see cref="ShardedGateway"/> runs one per shard.
/// </summary>
public sealed class DiscordGatewayClient
{
    private readonly Func<IGatewayTransport> _transports;
    private readonly GatewayIdentity _identity;
    private readonly DiscordTiming _timing;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GatewaySession _session = new();
    private readonly Channel<GatewayDispatch> _events = System.Threading.Channels.Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly IdentifyQueue _identifyQueue;

    internal DiscordGatewayClient(IdentifyQueue identifyQueue, Func<IGatewayTransport> transports, GatewayIdentity identity,
        DiscordTiming timing, TimeProvider time, ILogger logger, int shardId = 0, int shardCount = 1)
    {
        _identifyQueue = identifyQueue;
        ShardId = shardId;
        ShardCount = shardCount;
        _transports = transports;
        _identity = identity;
        _timing = timing;
        _time = time;
        _logger = logger;
    }

    /// <summary>This session's shard id, sent in Identify as <c>shard: [id, count]</c> (Gateway §Sharding).</summary>
    public int ShardId { get; internal set; }

    /// <summary>The total shard count sent in Identify.</summary>
    public int ShardCount { get; internal set; }

    /// <summary>The bot user, known after the first READY.</summary>
    public User? CurrentUser { get; private set; }

    /// <summary>The application id, known after the first READY.</summary>
    public ulong? ApplicationId { get; private set; }

    /// <summary>True between READY/RESUMED and the end of that connection.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>Number of Identify calls made (each starts a new session).</summary>
    public int IdentifyCount { get; private set; }

    /// <summary>Where the connection stands now (read by status pages; never needed to use the client).</summary>
    public GatewayState State { get; private set; } = GatewayState.NotStarted;

    /// <summary>The last heartbeat's round trip (sent to ACK received), or null before the first ACK.</summary>
    public TimeSpan? HeartbeatLatency => _current?.HeartbeatRoundTrip ?? _lastLatency;

    /// <summary>Connections opened after the first one (resumes and new sessions alike).</summary>
    public int ReconnectCount { get; private set; }

    /// <summary>Sessions resumed (Gateway §Resuming: RESUMED received).</summary>
    public int ResumeCount { get; private set; }

    /// <summary>When the session was last resumed, or null if it never was.</summary>
    public DateTimeOffset? LastResumedAt { get; private set; }

    private GatewayConnection? _current;
    private TimeSpan? _lastLatency;

    /// <summary>Every dispatch in the order received, each exactly once, across reconnects and resumes.</summary>
    public IAsyncEnumerable<GatewayDispatch> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Runs until <paramref name="stopping"/> fires (then closes with 1000) or Discord refuses the bot
    /// (<see cref="GatewayFatalException"/>).</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var backoff = _timing.InitialBackoff;
        var sendLimiter = new GatewaySendLimiter(_time);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var resume = _session.CanResume;
                // The identify turn (budget, bucket spacing) is waited out before connecting, never inside the read
                // loop, so heartbeat ACKs are always read on time.
                var url = resume ? _session.ResumeUrl : await _identifyQueue.AcquireAsync(ShardId, stopping);
                if (url is null)
                {
                    backoff = await BackoffAsync(backoff, stopping);
                    continue;
                }
                if (!resume)
                    IdentifyCount++;
                ConnectionEnd end;
                if (State != GatewayState.NotStarted)
                {
                    ReconnectCount++;
                    Diagnostics.DiscordMetrics.GatewayReconnects.Add(1);
                }
                State = State == GatewayState.NotStarted ? GatewayState.Connecting : GatewayState.Reconnecting;
                try
                {
                    await using var transport = _transports();
                    var connection = new GatewayConnection(transport, _session, _identity with { Shard = [ShardId, ShardCount] }, _events.Writer, sendLimiter, OnReady, OnConnected, _time, _logger);
                    _current = connection;
                    _logger.LogInformation("Gateway connecting ({Mode})", resume ? "resume" : "identify");
                    end = await connection.RunAsync(WithQuery(url), resume, _timing.ConnectTimeout, stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException and not GatewayFatalException)
                {
                    // Whatever went wrong with one connection (a payload we could not send, a transport fault), the
                    // client backs off and connects again: it never ends silently.
                    _logger.LogError(e, "Gateway connection failed unexpectedly; reconnecting");
                    end = new ConnectionEnd(ConnectionEndReason.ConnectFailed);
                }
                IsConnected = false;
                _lastLatency = _current?.HeartbeatRoundTrip ?? _lastLatency;
                _current = null;
                State = GatewayState.Reconnecting;
                if (end.ReachedReady)
                    backoff = _timing.InitialBackoff;
                backoff = await DecideAsync(end, resume, backoff, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            State = GatewayState.Stopped;
            _events.Writer.TryComplete();
        }
    }

    // Called on RESUMED.
    private void OnConnected()
    {
        IsConnected = true;
        State = GatewayState.Ready;
        ResumeCount++;
        LastResumedAt = _time.GetUtcNow();
        Diagnostics.DiscordMetrics.GatewayResumes.Add(1);
    }

    private void OnReady(ReadyData ready)
    {
        IsConnected = true;
        State = GatewayState.Ready;
        CurrentUser = ready.User;
        ApplicationId = ready.Application.Id;
    }

    private async Task<TimeSpan> DecideAsync(ConnectionEnd end, bool resumed, TimeSpan backoff, CancellationToken stopping)
    {
        switch (end.Reason)
        {
            case ConnectionEndReason.Stopping:
                return backoff;
            case ConnectionEndReason.Closed when GatewayCloseCodes.IsFatal(end.CloseCode!.Value):
                // 4011 may be answered by resharding (ShardedGateway decides and logs), so it is not critical here.
                _logger.Log(end.CloseCode == 4011 ? LogLevel.Warning : LogLevel.Critical, "Gateway closed for good: {Reason}", GatewayCloseCodes.Describe(end.CloseCode.Value));
                throw new GatewayFatalException(end.CloseCode.Value, GatewayCloseCodes.Describe(end.CloseCode.Value));
            case ConnectionEndReason.Closed when GatewayCloseCodes.EndsSession(end.CloseCode!.Value):
                _logger.LogInformation("Gateway closed with {Code}; starting a new session", end.CloseCode);
                _session.Clear();
                break;
            case ConnectionEndReason.InvalidSession:
                _session.Clear();
                // A short random wait keeps a fleet of clients from re-identifying in step.
                var spread = _timing.InvalidSessionDelayMax - _timing.InvalidSessionDelayMin;
                await Task.Delay(_timing.InvalidSessionDelayMin + spread * Random.Shared.NextDouble(), _time, stopping);
                return backoff;
            case ConnectionEndReason.ConnectFailed when resumed:
                // A resume URL that cannot be reached is not tried again (the stale-resume-URL loop).
                _session.Clear();
                break;
        }
        if (end.ReachedReady || end.Reason is ConnectionEndReason.ReconnectRequested)
            return backoff;
        _logger.LogInformation("Gateway {Reason}; reconnecting in about {DelayMs} ms", end.Reason, (int)backoff.TotalMilliseconds);
        return await BackoffAsync(backoff, stopping);
    }

    private async Task<TimeSpan> BackoffAsync(TimeSpan backoff, CancellationToken stopping)
    {
        var jittered = backoff * (0.75 + Random.Shared.NextDouble() / 2);
        await Task.Delay(jittered, _time, stopping);
        var next = backoff * 2;
        return next > _timing.MaxBackoff ? _timing.MaxBackoff : next;
    }

    private static Uri WithQuery(Uri url)
    {
        var text = url.ToString();
        var separator = text.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new Uri($"{text}{separator}v=10&encoding=json");
    }
}

/// <summary>Where a gateway client stands (for status pages).</summary>
public enum GatewayState
{
    /// <summary><see cref="DiscordGatewayClient.RunAsync"/> has not started.</summary>
    NotStarted,
    /// <summary>Opening the first connection.</summary>
    Connecting,
    /// <summary>READY or RESUMED received: events flow.</summary>
    Ready,
    /// <summary>A connection ended; resuming or starting a new session.</summary>
    Reconnecting,
    /// <summary>Stopped for good (shutdown or a fatal close).</summary>
    Stopped,
}
