using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using BondBot.Discord.Gateway;

namespace BondBot.Discord.Tests.Gateway;

/// <summary>
/// A gateway connection a test speaks for Discord: it pushes frames (<see cref="SendHello"/>, <see cref="Dispatch"/>,
/// <see cref="Close"/>) and reads what the client sent (<see cref="NextSentAsync"/>). No socket, no server.
/// </summary>
internal sealed class ScriptedTransport : IGatewayTransport
{
    private readonly Channel<GatewayFrame> _incoming = System.Threading.Channels.Channel.CreateUnbounded<GatewayFrame>();
    private readonly Channel<JsonObject> _sent = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();
    private int _sequence;

    public Uri? ConnectedTo { get; private set; }
    public int? ClosedWith { get; private set; }
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        ConnectedTo = uri;
        return Task.CompletedTask;
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken) => await _incoming.Reader.ReadAsync(cancellationToken);

    public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        _sent.Writer.TryWrite(JsonNode.Parse(Encoding.UTF8.GetString(utf8Json.Span))!.AsObject());
        return Task.CompletedTask;
    }

    public Task CloseAsync(int code, CancellationToken cancellationToken)
    {
        ClosedWith ??= code;
        Closed.TrySetResult();
        _incoming.Writer.TryWrite(GatewayFrame.Closed(code));   // the echo of our own close ends the read
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void SendHello(int intervalMs = 41250) => Push(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = intervalMs } });

    public void Ready(string sessionId, string resumeUrl = "wss://resume.example/") => Dispatch("READY", new JsonObject
    {
        ["v"] = 10, ["user"] = new JsonObject { ["id"] = "1", ["username"] = "bondbot" }, ["session_id"] = sessionId,
        ["resume_gateway_url"] = resumeUrl, ["application"] = new JsonObject { ["id"] = "2" },
    });

    public void Dispatch(string type, JsonObject data) => Push(new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = ++_sequence, ["d"] = data });

    public void Op(int op, JsonNode? d = null) => Push(new JsonObject { ["op"] = op, ["d"] = d });

    public void Close(int? code) => _incoming.Writer.TryWrite(GatewayFrame.Closed(code));

    private void Push(JsonObject payload) => _incoming.Writer.TryWrite(GatewayFrame.Message(payload.ToJsonString()));

    /// <summary>The next payload the client sent with <paramref name="op"/>, skipping heartbeats unless asked for.</summary>
    public async Task<JsonObject> NextSentAsync(int op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var payload = await _sent.Reader.ReadAsync(cts.Token);
            if (payload["op"]!.GetValue<int>() == op)
                return payload;
        }
    }
}
