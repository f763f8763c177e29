namespace BondBot.Discord.Gateway;

/// <summary>What a resume needs (Gateway §Resuming): the session id and resume URL from READY, and the last
/// sequence number seen. Cleared whenever the session can no longer be resumed.</summary>
internal sealed class GatewaySession
{
    public string? SessionId { get; private set; }
    public Uri? ResumeUrl { get; private set; }
    public int? Sequence { get; private set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    /// <summary>Records a dispatch's sequence; false when it is not newer than the last one (a replayed duplicate).</summary>
    public bool Advance(int sequence)
    {
        if (Sequence is { } last && sequence <= last)
            return false;
        Sequence = sequence;
        return true;
    }

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}

/// <summary>Why a connection ended, which decides what the next one does.</summary>
internal enum ConnectionEndReason
{
    /// <summary>The socket could not be opened, or Hello never came.</summary>
    ConnectFailed,
    /// <summary>The socket dropped without a close code.</summary>
    Dropped,
    /// <summary>Discord closed with a code.</summary>
    Closed,
    /// <summary>op 7: reconnect and resume.</summary>
    ReconnectRequested,
    /// <summary>op 9 with d = true.</summary>
    InvalidSessionResumable,
    /// <summary>op 9 with d = false: identify anew.</summary>
    InvalidSession,
    /// <summary>No heartbeat ACK between two heartbeats.</summary>
    Zombie,
    /// <summary>We are shutting down.</summary>
    Stopping,
}

internal readonly record struct ConnectionEnd(ConnectionEndReason Reason, int? CloseCode = null, bool ReachedReady = false);
