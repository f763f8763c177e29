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
}
