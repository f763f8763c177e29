using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>
/// Sharding as Discord does it (Gateway §Sharding, §Session Start Limit): one session per shard, guild events on shard
/// <c>(guild_id &gt;&gt; 22) % num_shards</c>, everything without a guild (DMs) on shard 0, 4010 for an invalid shard,
/// 4011 for too few shards, identifies limited per <c>max_concurrency</c> bucket and by the day's budget.
/// </summary>
internal sealed partial class GatewayHub
{
    private readonly Dictionary<int, GatewaySession> _sessions = [];
    private readonly Dictionary<int, DateTimeOffset> _bucketIdentifiedAt = [];
    private int _startsRemaining = server.Options.SessionStartRemaining ?? server.Options.SessionStartTotal;
    private DateTimeOffset _startsResetAt = server.Time.GetUtcNow() + server.Options.SessionStartResetAfter;

    public int RecommendedShards = server.Options.RecommendedShards;
    public int RequiredShards = server.Options.RequiredShards;

    /// <summary>The live sessions, or only shard <paramref name="shard"/>'s.</summary>
    private List<GatewaySession> Sessions(int? shard = null)
    {
        lock (server.Gate) return _sessions.Values.Where(s => shard is null || s.ShardId == shard).ToList();
    }

    /// <summary>The session that receives an event: by its guild, or shard 0 for events without one.</summary>
    private GatewaySession? SessionFor(string type, JsonObject data)
    {
        var guild = (type.StartsWith("GUILD_", StringComparison.Ordinal) ? data["id"] : data["guild_id"])?.GetValue<string>();
        lock (server.Gate)
        {
            var count = _sessions.Values.FirstOrDefault()?.ShardCount ?? 1;
            var shard = guild is null ? 0 : ShardOf(ulong.Parse(guild), count);
            return _sessions.GetValueOrDefault(shard);
        }
    }

    public static int ShardOf(ulong guildId, int shardCount) => (int)((guildId >> 22) % (ulong)shardCount);

    /// <summary>The <c>session_start_limit</c> object of <c>GET /gateway/bot</c>.</summary>
    public JsonObject SessionStartLimit()
    {
        lock (server.Gate)
        {
            RefillStarts();
            return new JsonObject
            {
                ["total"] = server.Options.SessionStartTotal,
                ["remaining"] = _startsRemaining,
                ["reset_after"] = (long)(_startsResetAt - server.Time.GetUtcNow()).TotalMilliseconds,
                ["max_concurrency"] = server.Options.MaxConcurrency,
            };
        }
    }

    private void RefillStarts()
    {
        if (server.Time.GetUtcNow() < _startsResetAt) return;
        _startsRemaining = server.Options.SessionStartTotal;
        _startsResetAt = server.Time.GetUtcNow() + TimeSpan.FromDays(1);
    }

    /// <summary>Checks an identify's shard and limits; returns the shard, or a close code / -9 for op 9.</summary>
    private (int ShardId, int ShardCount, int Refusal) CheckShard(JsonObject d)
    {
        int id = 0, count = 1;
        if (d["shard"] is JsonArray { Count: 2 } shard)
        {
            id = shard[0]!.GetValue<int>();
            count = shard[1]!.GetValue<int>();
        }
        else if (d["shard"] is not null)
        {
            return (0, 0, 4010);
        }
        if (count < 1 || id < 0 || id >= count)
            return (id, count, 4010);
        if (count < RequiredShards)
        {
            lock (server.Gate) Stats.ShardingRequiredCloses++;
            return (id, count, 4011);
        }
        var now = server.Time.GetUtcNow();
        lock (server.Gate)
        {
            RefillStarts();
            if (_startsRemaining <= 0)
            {
                Stats.IdentifiesOverBudget++;
                return (id, count, 4004);   // Discord resets the token of a bot past its budget
            }
            var bucket = id % server.Options.MaxConcurrency;
            if (server.Options.IdentifyWindow is { } window && _bucketIdentifiedAt.TryGetValue(bucket, out var last) && now - last < window)
            {
                Stats.IdentifiesTooEarly++;
                return (id, count, -9);
            }
            _bucketIdentifiedAt[bucket] = now;
            _startsRemaining--;
            Stats.ShardIdentifies.Add((id, count, now));
        }
        return (id, count, 0);
    }
}
