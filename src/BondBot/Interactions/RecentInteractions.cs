namespace BondBot.Interactions;

/// <summary>
/// Interaction ids seen recently, so an event delivered twice (REF §Consistency: events may arrive more than once)
/// is answered once. Interaction tokens live 15 minutes; ids are kept a little longer than that.
/// </summary>
public sealed class RecentInteractions(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(20);
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, DateTimeOffset> _seen = [];
    private readonly Queue<(ulong Id, DateTimeOffset At)> _order = new();

    public bool TryClaim(ulong interactionId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_order.Count > 0 && now - _order.Peek().At > Keep)
                _seen.Remove(_order.Dequeue().Id);
            if (!_seen.TryAdd(interactionId, now))
                return false;
            _order.Enqueue((interactionId, now));
            return true;
        }
    }
}
