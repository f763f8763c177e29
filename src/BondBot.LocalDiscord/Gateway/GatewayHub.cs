using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BondBot.FakeDiscord;

/// <summary>
/// The fake gateway (Gateway §Connection Lifecycle): Hello, heartbeats and ACKs, Identify with token and intent
/// checks, READY and GUILD_CREATE, dispatches with sequence numbers, Resume with replay and RESUMED, op 7 and op 9,
/// and the documented close codes.
/// </summary>
internal sealed partial class GatewayHub(FakeDiscordServer server)
{

    public FakeGatewayStats Stats { get; } = new();
    public volatile bool AckHeartbeats = true;

    public async Task AcceptAsync(HttpContext context, bool viaResumeUrl)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new GatewayConnection(socket) { LastHeartbeat = server.Time.GetUtcNow() };
        lock (server.Gate) Stats.Connections++;
        if (context.Request.Query["v"] != "10")
        {
            await connection.CloseAsync(4012);
            return;
        }
        if (context.Request.Query["encoding"] != "json")
        {
            await connection.CloseAsync(4002);
            return;
        }
        var compress = context.Request.Query["compress"].ToString();
        if (compress.Length > 0 && !connection.TryUseCompression(compress))
        {
            await connection.CloseAsync(4002);
            return;
        }
        var helloWithoutData = server.NextHelloWithoutData;
        server.NextHelloWithoutData = false;
        await connection.SendAsync(helloWithoutData ? Json(10, null) : Json(10, new JsonObject { ["heartbeat_interval"] = server.Options.HeartbeatIntervalMs }));
        using var watchdog = new CancellationTokenSource();
        var watching = WatchHeartbeatsAsync(connection, watchdog.Token);
        try
        {
            await ReceiveLoopAsync(connection, viaResumeUrl);
        }
        finally
        {
            await watchdog.CancelAsync();
            await Disconnected(connection);
        }
    }

    private async Task ReceiveLoopAsync(GatewayConnection connection, bool viaResumeUrl)
    {
        var buffer = new byte[8192];
        while (connection.Socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await connection.Socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await connection.EchoCloseAsync();
                        return;
                    }
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && message.Length <= 4096);
            }
            catch (WebSocketException)
            {
                return;
            }
            if (message.Length > 4096)
            {
                await connection.CloseAsync(4002);
                return;
            }
            if (!await HandleAsync(connection, Encoding.UTF8.GetString(message.ToArray()), viaResumeUrl))
                return;
        }
    }

    /// <summary>Handles one client payload; false when the connection was closed because of it.</summary>
    private async Task<bool> HandleAsync(GatewayConnection connection, string text, bool viaResumeUrl)
    {
        JsonObject payload;
        try
        {
            payload = JsonNode.Parse(text)?.AsObject() ?? throw new JsonException();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            await connection.CloseAsync(4002);
            return false;
        }
        var now = server.Time.GetUtcNow();
        connection.Received.Enqueue(now);
        while (connection.Received.Count > 0 && now - connection.Received.Peek() > TimeSpan.FromSeconds(60))
            connection.Received.Dequeue();
        if (connection.Received.Count > 120)
        {
            await connection.CloseAsync(4008);
            return false;
        }
        if (payload["op"] is not JsonValue opValue || !opValue.TryGetValue<int>(out var op))
        {
            await connection.CloseAsync(4002);
            return false;
        }
        try
        {
            return await HandleOpAsync(connection, op, payload["d"], now, viaResumeUrl);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A field of the wrong JSON type: "an invalid payload for an opcode" (Opcodes §Gateway Close Event Codes).
            await connection.CloseAsync(4001);
            return false;
        }
    }

    private async Task<bool> HandleOpAsync(GatewayConnection connection, int op, JsonNode? d, DateTimeOffset now, bool viaResumeUrl)
    {
        switch (op)
        {
            case 1:
                connection.LastHeartbeat = now;
                lock (server.Gate) Stats.HeartbeatsReceived++;
                if (AckHeartbeats)
                    await connection.SendAsync("""{"op":11}""");
                return true;
            case 2:
                return await IdentifyAsync(connection, d as JsonObject);
            case 6:
                return await ResumeAsync(connection, d as JsonObject, viaResumeUrl);
            case 3 or 4 or 8 or 31 or 43:
                if (connection.Authenticated) return true;
                await connection.CloseAsync(4003);
                return false;
            default:
                await connection.CloseAsync(4001);
                return false;
        }
    }

    private async Task WatchHeartbeatsAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(server.Options.HeartbeatIntervalMs);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(interval / 4, server.Time, cancellationToken);
                // Discord allows for latency; half an interval plus a fixed grace keeps slow test machines fair.
                if (server.Time.GetUtcNow() - connection.LastHeartbeat > interval * 1.5 + TimeSpan.FromMilliseconds(250))
                {
                    lock (server.Gate) if (connection.Session is { } s && s.Live == connection) s.Resumable = false;
                    await connection.CloseAsync(4009);
                    return;
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task Disconnected(GatewayConnection connection)
    {
        if (connection.Socket.CloseStatus is { } status && !connection.ClosedByServer)
            lock (server.Gate) Stats.ClientCloseCodes.Add((int)status);
        var session = connection.Session;
        if (session is null) return;
        await session.Turn.WaitAsync();
        try
        {
            if (session.Live != connection) return;
            session.Live = null;
            session.DisconnectedAt = server.Time.GetUtcNow();
            if (!connection.ClosedByServer && connection.Socket.CloseStatus is WebSocketCloseStatus.NormalClosure or WebSocketCloseStatus.EndpointUnavailable)
                session.Resumable = false;   // a client close with 1000/1001 ends the session (Gateway §Disconnecting)
        }
        finally { session.Turn.Release(); }
    }

    private static string Json(int op, JsonNode? d, int? s = null, string? t = null) =>
        new JsonObject { ["op"] = op, ["d"] = d, ["s"] = s, ["t"] = t }.ToJsonString();
}
