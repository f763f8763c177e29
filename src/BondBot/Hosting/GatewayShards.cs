using BondBot.Discord.Gateway;

namespace BondBot.Hosting;

/// <summary>One gateway connection of the bot: shard <see cref="Id"/> of <see cref="Count"/>.</summary>
public sealed record GatewayShard(int Id, int Count, DiscordGatewayClient Client);

/// <summary>
/// Every gateway connection the bot holds, for what reports on them (<c>/admin status</c>). Today one client is shard
/// 0 of 1; a sharded host registers its own list (one client per shard) before this default.
/// </summary>
public interface IGatewayShards
{
    IReadOnlyList<GatewayShard> Shards { get; }
}

/// <summary>The unsharded bot: its one gateway client is shard 0 of 1.</summary>
public sealed class SingleGatewayShard(DiscordGatewayClient gateway) : IGatewayShards
{
    public IReadOnlyList<GatewayShard> Shards { get; } = [new GatewayShard(0, 1, gateway)];
}
