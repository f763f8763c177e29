namespace BondBot.Discord.RateLimiting;

/// <summary>
/// One rate-limit bucket (a bucket hash and major parameter). Requests through it run one at a time, so the
/// headers of each response are known before the next request decides whether to wait.
/// </summary>
internal sealed class Bucket
{
    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>Null until Discord has told us the limit.</summary>
    public int? Limit { get; set; }

    public int Remaining { get; set; } = 1;

    public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;

    public DateTimeOffset LastUsed { get; set; }

    /// <summary>How long to wait before the next request may go, refilling the budget once the window has passed.</summary>
    public TimeSpan WaitBeforeNext(DateTimeOffset now)
    {
        if (Remaining > 0)
            return TimeSpan.Zero;
        if (now >= ResetAt)
        {
            Remaining = Limit ?? 1;
            return TimeSpan.Zero;
        }
        return ResetAt - now;
    }
}
