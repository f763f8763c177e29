using BondBot.Discord.Gateway;

namespace BondBot.Hosting;

/// <summary>One gateway connection of the bot: shard <see cref="Id"/> of <see cref="Count"/>.</summary>
public sealed record GatewayShard(int Id, int Count, DiscordGatewayClient Client);

/// <summary>Every gateway connection this process holds, for what reports on them (<c>/admin status</c>).</summary>
public interface IGatewayShards
{
    IReadOnlyList<GatewayShard> Shards { get; }
}

/// <summary>The shards of the <see cref="ShardedGateway"/>, read each time: an automatic reshard replaces them.</summary>
public sealed class ShardedGatewayShards(ShardedGateway gateway) : IGatewayShards
{
    public IReadOnlyList<GatewayShard> Shards => gateway.Shards.Select(c => new GatewayShard(c.ShardId, c.ShardCount, c)).ToList();
}
