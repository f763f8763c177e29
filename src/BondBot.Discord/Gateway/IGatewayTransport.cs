namespace BondBot.Discord.Gateway;

/// <summary>
/// The socket under the gateway client: one connection's worth of text frames. The seam lets tests script a
/// conversation frame by frame; production uses <see cref="WebSocketTransport"/>.
/// </summary>
internal interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>The next whole text message, or a <see cref="GatewayFrame.Closed"/> frame when the connection ended.</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>Closes with a code; 1000/1001 end the session, any other code keeps it resumable.</summary>
    Task CloseAsync(int code, CancellationToken cancellationToken);
}

/// <summary>One received frame: text, or the end of the connection with its close code (null when dropped).</summary>
internal readonly record struct GatewayFrame(string? Text, bool IsClosed, int? CloseCode)
{
    public static GatewayFrame Message(string text) => new(text, false, null);
    public static GatewayFrame Closed(int? code) => new(null, true, code);
}
