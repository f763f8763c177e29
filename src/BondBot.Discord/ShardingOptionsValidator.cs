using BondBot.Discord.Gateway;
using Microsoft.Extensions.Options;

namespace BondBot.Discord;

/// <summary>Checks the sharding settings before anything connects, one sentence per problem naming the setting.</summary>
internal sealed class ShardingOptionsValidator : IValidateOptions<DiscordClientOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordClientOptions options)
    {
        var failures = new List<string>();
        if (options.ShardCount < 0)
            failures.Add("Discord:ShardCount must be 0 (use the count Discord recommends) or the number of shards, e.g. 2.");
        IReadOnlyList<int>? ids = null;
        try
        {
            ids = ShardSelection.Parse(options.ShardIds);
        }
        catch (FormatException e)
        {
            failures.Add(e.Message);
        }
        if (ids is not null && options.ShardCount > 0 && ids[^1] >= options.ShardCount)
            failures.Add($"Discord:ShardIds names shard {ids[^1]}, but Discord:ShardCount is {options.ShardCount} (ids 0-{options.ShardCount - 1}).");
        if (options.ProcessCount < 1)
            failures.Add("Discord:ProcessCount must be the number of BondBot processes sharing this bot token (1 or more).");
        else if (options.ProcessCount > options.GlobalRequestsPerSecond)
            failures.Add($"Discord:ProcessCount ({options.ProcessCount}) is larger than Discord:GlobalRequestsPerSecond ({options.GlobalRequestsPerSecond}); each process needs at least one request per second.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
