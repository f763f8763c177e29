namespace BondBot.Discord.Rest;

/// <summary>When a call may be sent again after a network error or a 502/503/504. A 429 is always retried:
/// Discord did not process the request.</summary>
internal enum RetryMode
{
    /// <summary>Repeating could duplicate an effect (e.g. create a second channel): never retried.</summary>
    None,
    /// <summary>Same effect however often it runs (GET, PUT, PATCH, DELETE, open DM).</summary>
    Idempotent,
    /// <summary>A message create carrying a nonce with enforce_nonce: Discord returns the first message on repeats.</summary>
    Nonce,
    /// <summary>An interaction callback: retried, and "already acknowledged" on a retry means the first try landed.</summary>
    Callback,
}
