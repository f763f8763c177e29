namespace BondBot.Features.Delivery;

/// <summary>The states of a ledger row (stored as text in <c>prompt_ledger.status</c>), one definition each.</summary>
public static class LedgerStatus
{
    /// <summary>Chosen by a pass, not attempted yet: safe to send at any time within the catch-up window.</summary>
    public const string Claimed = "claimed";
    /// <summary>A send is in flight (since <c>attempted_at</c>); after a crash its outcome is unknown.</summary>
    public const string Sending = "sending";
    /// <summary>The last attempt did not reach Discord (network error, 5xx, 429): retried within the catch-up window.</summary>
    public const string Retry = "retry";
    public const string Sent = "sent";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
