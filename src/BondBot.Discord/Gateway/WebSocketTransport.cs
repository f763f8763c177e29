using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace BondBot.Discord.Gateway;

/// <summary><see cref="IGatewayTransport"/> over <see cref="ClientWebSocket"/>. Sends are serialized because a
/// WebSocket allows one send at a time, and the heartbeat timer sends concurrently with the reader.</summary>
internal sealed class WebSocketTransport : IGatewayTransport
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendTurn = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.Clear();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.GetMemory(8 * 1024), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                    return GatewayFrame.Closed((int?)_socket.CloseStatus);
                _buffer.Advance(result.Count);
                if (result.EndOfMessage)
                    return GatewayFrame.Message(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            }
        }
        catch (WebSocketException)
        {
            return GatewayFrame.Closed(null);
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        await _sendTurn.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendTurn.Release();
        }
    }

    public async Task CloseAsync(int code, CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, null, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        _sendTurn.Dispose();
        return ValueTask.CompletedTask;
    }
}
