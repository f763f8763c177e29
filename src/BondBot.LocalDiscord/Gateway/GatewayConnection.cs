using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;

namespace BondBot.FakeDiscord;

/// <summary>
/// One WebSocket connection. Sends are serialized because a WebSocket allows one at a time. With
/// <c>compress=zlib-stream</c> every payload goes through one zlib context for the whole connection and ends with a
/// sync flush (<c>00 00 ff ff</c>), sent as a binary message (Gateway §Transport Compression).
/// </summary>
internal sealed class GatewayConnection(WebSocket socket)
{
    // A peer that never answers our close frame is cut off after this, as a real server would.
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _send = new(1, 1);
    private MemoryStream? _compressed;
    private ZLibStream? _zlib;

    public WebSocket Socket { get; } = socket;
    public bool Authenticated { get; set; }
    /// <summary>The session this connection identified or resumed, if any.</summary>
    public GatewaySession? Session { get; set; }
    public DateTimeOffset LastHeartbeat { get; set; }
    public Queue<DateTimeOffset> Received { get; } = new();
    /// <summary>True when the fake started the closing handshake, so the close code is ours, not the bot's.</summary>
    public bool ClosedByServer { get; private set; }

    public bool TryUseCompression(string mode)
    {
        if (mode != "zlib-stream") return false;
        _compressed = new MemoryStream();
        _zlib = new ZLibStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);
        return true;
    }

    /// <summary>Sends one payload; false when the connection is gone and nothing went out.</summary>
    public async Task<bool> SendAsync(string json)
    {
        await _send.WaitAsync();
        try
        {
            if (Socket.State != WebSocketState.Open) return false;
            var bytes = Encoding.UTF8.GetBytes(json);
            if (_zlib is null)
            {
                await Socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
                return true;
            }
            _compressed!.SetLength(0);
            _zlib.Write(bytes);
            _zlib.Flush();   // a sync flush: the frame ends with 00 00 ff ff and the context lives on
            await Socket.SendAsync(_compressed.ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException)
        {
            return false;
        }
        finally { _send.Release(); }
    }

    public async Task CloseAsync(int code)
    {
        await _send.WaitAsync();
        try
        {
            if (Socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
            ClosedByServer |= Socket.State == WebSocketState.Open;
            await Socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the fake", CancellationToken.None);
            _ = AbortIfUnansweredAsync();
        }
        catch (WebSocketException) { }
        catch (ObjectDisposedException) { }
        finally { _send.Release(); }
    }

    /// <summary>Completes the closing handshake the bot started, echoing its code.</summary>
    public async Task EchoCloseAsync()
    {
        await _send.WaitAsync();
        try
        {
            if (Socket.State == WebSocketState.CloseReceived)
                await Socket.CloseOutputAsync(Socket.CloseStatus ?? WebSocketCloseStatus.Empty, null, CancellationToken.None);
        }
        catch (WebSocketException) { }
        catch (ObjectDisposedException) { }
        finally { _send.Release(); }
    }

    private async Task AbortIfUnansweredAsync()
    {
        await Task.Delay(CloseHandshakeTimeout);
        if (Socket.State == WebSocketState.CloseSent) Socket.Abort();
    }
}
