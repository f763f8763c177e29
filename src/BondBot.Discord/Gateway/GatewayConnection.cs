using System.Text.Json;
using System.Threading.Channels;
using BondBot.Discord.Json;
using Microsoft.Extensions.Logging;

namespace BondBot.Discord.Gateway;

/// <summary>
/// One gateway connection from open to close (Gateway §Connection Lifecycle): Hello, heartbeats with the first one
/// jittered and ACK-based zombie detection, Identify or Resume, and dispatches handed to a channel without waiting
/// for anyone — the reader never blocks on event handling, so heartbeats are never late.
/// </summary>
internal sealed class GatewayConnection(
    IGatewayTransport transport,
    GatewaySession session,
    GatewayIdentity identity,
    ChannelWriter<GatewayDispatch> events,
    GatewaySendLimiter sendLimiter,
    Action<ReadyData> onReady,
    Action onResumed,
    TimeProvider time,
    ILogger logger)
{
    private readonly CancellationTokenSource _lifetime = new();
    private volatile bool _acknowledged = true;
    private volatile bool _shuttingDown;
    private bool _reachedReady;
    private long _heartbeatSentAt;
    private long _roundTripTicks = -1;

    /// <summary>The last heartbeat's round trip (sent to ACK), or null before the first ACK on this connection.</summary>
    public TimeSpan? HeartbeatRoundTrip => Interlocked.Read(ref _roundTripTicks) is >= 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;

    public async Task<ConnectionEnd> RunAsync(Uri url, bool resume, TimeSpan connectTimeout, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _lifetime.Token);
        try
        {
            using var connectCts = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
            connectCts.CancelAfter(connectTimeout);
            await transport.ConnectAsync(url, connectCts.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            logger.LogWarning("Gateway connection to {Host} failed: {Error}", url.Host, e.Message);
            return new ConnectionEnd(ConnectionEndReason.ConnectFailed);
        }

        Task heartbeat = Task.CompletedTask;
        // Cancelling a pending WebSocket receive aborts the socket, so shutdown must not cancel the read: it sends
        // the 1000 close frame and lets the read end on Discord's echo (or after two seconds).
        using var onStop = stopping.Register(() => _ = ShutdownAsync());
        try
        {
            while (true)
            {
                GatewayFrame frame;
                try
                {
                    frame = await transport.ReceiveAsync(_lifetime.Token);
                }
                catch (OperationCanceledException)
                {
                    return _shuttingDown ? new ConnectionEnd(ConnectionEndReason.Stopping, null, _reachedReady) : await EndAsync(ConnectionEndReason.Zombie);
                }
                if (_shuttingDown)
                    return new ConnectionEnd(ConnectionEndReason.Stopping, frame.CloseCode, _reachedReady);
                if (frame.IsClosed)
                    return new ConnectionEnd(frame.CloseCode is null ? ConnectionEndReason.Dropped : ConnectionEndReason.Closed, frame.CloseCode, _reachedReady);

                GatewayPayload? payload;
                try { payload = JsonSerializer.Deserialize(frame.Text!, DiscordJson.Default.GatewayPayload); }
                catch (JsonException) { logger.LogWarning("Ignored a gateway message that is not valid JSON"); continue; }
                if (payload is null) continue;

                switch ((GatewayOpcode)payload.Op)
                {
                    case GatewayOpcode.Hello:
                        if (Read(payload.D, DiscordJson.Default.HelloData) is not { HeartbeatInterval: > 0 } hello)
                        {
                            logger.LogWarning("Gateway Hello carried no heartbeat interval; reconnecting");
                            return await EndAsync(ConnectionEndReason.Dropped);
                        }
                        heartbeat = HeartbeatLoopAsync(TimeSpan.FromMilliseconds(hello.HeartbeatInterval), linked.Token);
                        if (resume)
                            await SendAsync(new OutgoingPayload<ResumeData>((int)GatewayOpcode.Resume, new ResumeData(identity.Token, session.SessionId!, session.Sequence)), DiscordJson.Default.OutgoingPayloadResumeData, false, linked.Token);
                        else
                            await SendAsync(new OutgoingPayload<IdentifyData>((int)GatewayOpcode.Identify, identity.ToIdentify()), DiscordJson.Default.OutgoingPayloadIdentifyData, false, linked.Token);
                        break;
                    case GatewayOpcode.HeartbeatAck:
                        _acknowledged = true;
                        if (Interlocked.Read(ref _heartbeatSentAt) is > 0 and var sentAt)
                            Interlocked.Exchange(ref _roundTripTicks, time.GetElapsedTime(sentAt).Ticks);
                        break;
                    case GatewayOpcode.Heartbeat:
                        await SendHeartbeatAsync(linked.Token);
                        break;
                    case GatewayOpcode.Reconnect:
                        logger.LogInformation("Gateway asked us to reconnect (op 7)");
                        return await EndAsync(ConnectionEndReason.ReconnectRequested);
                    case GatewayOpcode.InvalidSession:
                        var resumable = payload.D is { ValueKind: JsonValueKind.True };
                        logger.LogInformation("Gateway invalidated the session (op 9, resumable: {Resumable})", resumable);
                        return await EndAsync(resumable ? ConnectionEndReason.InvalidSessionResumable : ConnectionEndReason.InvalidSession);
                    case GatewayOpcode.Dispatch:
                        if (!Dispatch(payload))
                            return await EndAsync(ConnectionEndReason.InvalidSession);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return await EndAsync(ConnectionEndReason.Zombie);
        }
        catch (OperationCanceledException)
        {
            return await EndAsync(ConnectionEndReason.Stopping);
        }
        finally
        {
            await _lifetime.CancelAsync();
            try { await heartbeat; } catch (OperationCanceledException) { }
        }
    }

    /// <summary>Hands a dispatch on; false when a READY is malformed (no session, resume URL or application), after
    /// which the connection starts over with a new session rather than run half-configured.</summary>
    private bool Dispatch(GatewayPayload payload)
    {
        if (payload.S is not { } sequence || payload.T is not { } type)
            return true;
        if (!session.Advance(sequence))
            return true; // already handled before the reconnect: at most once
        var data = payload.D ?? default;
        if (type == GatewayEvents.Ready)
        {
            if (Read(payload.D, DiscordJson.Default.ReadyData) is not { IsComplete: true } ready)
            {
                logger.LogWarning("Gateway READY was incomplete (no session id, resume URL or application); starting a new session");
                return false;
            }
            session.Start(ready.SessionId, new Uri(ready.ResumeGatewayUrl));
            _reachedReady = true;
            onReady(ready); // before the event is handed on, so readers of READY see the application id
            logger.LogInformation("Gateway ready as {User} (session started)", ready.User.Username);
        }
        else if (type == GatewayEvents.Resumed)
        {
            _reachedReady = true;
            onResumed();
            logger.LogInformation("Gateway session resumed at sequence {Sequence}", sequence);
        }
        events.TryWrite(new GatewayDispatch(type, sequence, data.Clone(), time.GetUtcNow()));
        return true;
    }

    /// <summary>Reads an event's data, or null when it is missing or not the expected shape (logged by the caller).</summary>
    private static T? Read<T>(JsonElement? data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        if (data is not { ValueKind: JsonValueKind.Object } element)
            return null;
        try { return element.Deserialize(type); }
        catch (JsonException) { return null; }
    }

    private async Task ShutdownAsync()
    {
        _shuttingDown = true;
        await transport.CloseAsync(GatewayCloseCodes.Normal, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2), time);
        await _lifetime.CancelAsync();
    }

    // Closes with a non-1000 code whenever the session should survive (Gateway §Disconnecting), and 1000 on shutdown.
    private async Task<ConnectionEnd> EndAsync(ConnectionEndReason reason)
    {
        var code = reason switch
        {
            ConnectionEndReason.Stopping or ConnectionEndReason.InvalidSession => GatewayCloseCodes.Normal,
            _ => GatewayCloseCodes.ReconnectKeepSession,
        };
        if (reason == ConnectionEndReason.Zombie)
            logger.LogWarning("Gateway connection is a zombie (no heartbeat ACK); reconnecting");
        await transport.CloseAsync(code, CancellationToken.None);
        return new ConnectionEnd(reason, null, _reachedReady);
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        // The first beat waits interval × jitter in [0, 1) (Gateway §Sending Heartbeats) to spread reconnect storms.
        await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_acknowledged)
            {
                await _lifetime.CancelAsync();
                return;
            }
            _acknowledged = false;
            await SendHeartbeatAsync(cancellationToken);
            await Task.Delay(interval, time, cancellationToken);
        }
    }

    private Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _heartbeatSentAt, time.GetTimestamp());
        return SendAsync(new OutgoingPayload<int?>((int)GatewayOpcode.Heartbeat, session.Sequence), DiscordJson.Default.OutgoingPayloadNullableInt32, true, cancellationToken);
    }

    private async Task SendAsync<T>(T payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, bool heartbeat, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, type);
        if (bytes.Length > Discord.DiscordLimits.GatewayPayloadBytes)
            throw new DiscordLimitException("gateway payload", $"at most {Discord.DiscordLimits.GatewayPayloadBytes} bytes, was {bytes.Length}");
        await sendLimiter.AcquireAsync(heartbeat, cancellationToken);
        await transport.SendAsync(bytes, cancellationToken);
    }

}

/// <summary>Who we are when identifying (Gateway Events §Identify).</summary>
internal sealed record GatewayIdentity(string Token, int Intents)
{
    /// <summary><c>[shard_id, num_shards]</c> (Gateway §Sharding); null identifies without sharding.</summary>
    public int[]? Shard { get; init; }

    public IdentifyData ToIdentify() => new(Token, Intents, new IdentifyProperties("linux", "bondbot", "bondbot")) { Shard = Shard };

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"GatewayIdentity {{ Token = [redacted], Intents = {Intents} }}";
}
