using System.Net.WebSockets;
using System.Text;

namespace BondBot.FakeDiscord;

/// <summary>One bot session: its sequence, every event sent in it (for replay on resume) and its live connection.</summary>
internal sealed class GatewaySession(string id)
{
    public string Id { get; } = id;
    public int Sequence { get; set; }
    public List<(int Sequence, string Json, Action? Sent)> Buffer { get; } = [];
    public GatewayConnection? Live { get; set; }
    public bool Resumable { get; set; } = true;
    public DateTimeOffset? DisconnectedAt { get; set; }
    /// <summary>Dispatches and replays take turns, so a replay is never interleaved with a new event.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);
}

/// <summary>One WebSocket connection; sends are serialized because a WebSocket allows one at a time.</summary>
internal sealed class GatewayConnection(WebSocket socket)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    public WebSocket Socket { get; } = socket;
    public bool Authenticated { get; set; }
    public DateTimeOffset LastHeartbeat { get; set; }
    public Queue<DateTimeOffset> Received { get; } = new();

    public async Task SendAsync(string json)
    {
        await _send.WaitAsync();
        try
        {
            if (Socket.State == WebSocketState.Open)
                await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (WebSocketException) { }
        finally { _send.Release(); }
    }

    public async Task CloseAsync(int code)
    {
        await _send.WaitAsync();
        try
        {
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await Socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the fake", CancellationToken.None);
        }
        catch (WebSocketException) { }
        finally { _send.Release(); }
    }
}
