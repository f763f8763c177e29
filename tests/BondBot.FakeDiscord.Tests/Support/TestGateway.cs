using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord.Tests.Support;

/// <summary>A scripted gateway client on a raw ClientWebSocket: the test decides every frame it sends.</summary>
internal sealed class TestGateway : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly MemoryStream _compressed = new();
    private readonly bool _zlib;
    private long _inflatedUpTo;

    private TestGateway(bool zlib) => _zlib = zlib;

    public int? LastSequence { get; private set; }
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;
    public WebSocketState State => _socket.State;

    public static async Task<TestGateway> ConnectAsync(string url, string query = "?v=10&encoding=json")
    {
        var gateway = new TestGateway(query.Contains("compress=zlib-stream", StringComparison.Ordinal));
        await gateway._socket.ConnectAsync(new Uri(url + query), CancellationToken.None);
        return gateway;
    }

    /// <summary>Connects, reads Hello, identifies and waits for READY; the typical start of a test.</summary>
    public static async Task<(TestGateway Gateway, JsonObject Ready)> IdentifiedAsync(FakeDiscordServer fake, int intents = 4097)
    {
        var gateway = await ConnectAsync(fake.GatewayUrl);
        await gateway.ReceiveAsync();
        await gateway.SendAsync(Identify(fake.Token, intents));
        var ready = await gateway.NextDispatchAsync("READY");
        return (gateway, ready);
    }

    public static JsonObject Identify(string token, long intents = 4097) => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = token, ["intents"] = intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "bondbot-tests", ["device"] = "bondbot-tests" },
        },
    };

    public static JsonObject Resume(string token, string sessionId, int? seq) =>
        new() { ["op"] = 6, ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = seq } };

    public Task SendAsync(JsonNode payload) => SendTextAsync(payload.ToJsonString());

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next payload, or null when the server closed the connection.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Patience);
        var buffer = new byte[16384];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        var text = _zlib ? Inflate(message.ToArray()) : Encoding.UTF8.GetString(message.ToArray());
        var payload = JsonNode.Parse(text)!.AsObject();
        if (payload["s"] is JsonValue s) LastSequence = s.GetValue<int>();
        return payload;
    }

    public async Task<JsonObject> NextDispatchAsync(string type)
    {
        while (true)
        {
            var payload = await ReceiveAsync() ?? throw new InvalidOperationException($"Closed ({CloseStatus}) while waiting for {type}.");
            if (payload["op"]!.GetValue<int>() == 0 && payload["t"]!.GetValue<string>() == type) return payload["d"]!.AsObject();
        }
    }

    /// <summary>Reads until the server closes, returning the close code.</summary>
    public async Task<int?> ClosedWithAsync()
    {
        try
        {
            while (await ReceiveAsync() is not null) { }
        }
        catch (WebSocketException) { return null; }
        return (int?)CloseStatus;
    }

    public Task CloseAsync(int code) => _socket.CloseAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);

    public void Abort() => _socket.Abort();

    // One zlib context for the whole connection: every message is appended and inflated from where the last stopped.
    private string Inflate(byte[] frame)
    {
        Assert.Equal(new byte[] { 0, 0, 0xff, 0xff }, frame[^4..]);
        _compressed.Write(frame);
        _compressed.Position = 0;
        using var zlib = new ZLibStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
        using var all = new MemoryStream();
        zlib.CopyTo(all);
        var text = Encoding.UTF8.GetString(all.ToArray(), (int)_inflatedUpTo, (int)(all.Length - _inflatedUpTo));
        _inflatedUpTo = all.Length;
        _compressed.Position = _compressed.Length;
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", new CancellationTokenSource(1000).Token); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        }
        _socket.Dispose();
    }
}
