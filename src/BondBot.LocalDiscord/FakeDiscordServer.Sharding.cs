namespace BondBot.FakeDiscord;

/// <summary>Sharding settings a test may change while the bot runs (Discord's recommendation grows with guilds).</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>The <c>shards</c> that <c>GET /gateway/bot</c> recommends.</summary>
    public int RecommendedShards { get => _gateway.RecommendedShards; set => _gateway.RecommendedShards = value; }

    /// <summary>Identifies with fewer shards are closed with 4011.</summary>
    public int RequiredShards { get => _gateway.RequiredShards; set => _gateway.RequiredShards = value; }

    /// <summary>The shard that receives events of <paramref name="guild"/> with <paramref name="shardCount"/> shards.</summary>
    public static int ShardOf(FakeGuild guild, int shardCount) => GatewayHub.ShardOf(guild.Id, shardCount);

    /// <summary>A guild whose id puts it on <paramref name="shard"/> of <paramref name="shardCount"/> (its id reads as
    /// created a few milliseconds ago, as the shard follows from the id's timestamp).</summary>
    public FakeGuild AddGuildOnShard(string name, int shard, int shardCount, ulong? botPermissions = null)
    {
        var now = Time.GetUtcNow();
        for (var ms = 0; ; ms++)
        {
            var id = _ids.At(now.AddMilliseconds(-ms));
            if (GatewayHub.ShardOf(id, shardCount) == shard)
                return AddGuild(name, id, botPermissions);
        }
    }
}
