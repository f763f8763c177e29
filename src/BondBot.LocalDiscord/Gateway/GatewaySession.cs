namespace BondBot.FakeDiscord;

/// <summary>One bot session: its sequence, every event sent in it (for replay on resume) and its live connection.</summary>
internal sealed class GatewaySession(string id, long intents, int shardId = 0, int shardCount = 1)
{
    public int ShardId { get; } = shardId;
    public int ShardCount { get; } = shardCount;
    public string Id { get; } = id;
    public long Intents { get; } = intents;
    public int Sequence { get; set; }
    /// <summary>Every event of the session, with the clock it starts as it goes out (an interaction's deadline; see <see cref="DispatchClock"/>).</summary>
    public List<(int Sequence, string Json, DispatchClock? Clock)> Buffer { get; } = [];
    public GatewayConnection? Live { get; set; }
    public bool Resumable { get; set; } = true;
    public DateTimeOffset? DisconnectedAt { get; set; }
    /// <summary>Dispatches and replays take turns, so a replay is never interleaved with a new event.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);
}
