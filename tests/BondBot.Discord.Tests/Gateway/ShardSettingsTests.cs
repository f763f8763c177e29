using BondBot.Discord.Gateway;
using BondBot.Discord.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BondBot.Discord.Tests.Gateway;

/// <summary>The sharding settings: <c>Discord:ShardIds</c> syntax, validation messages and each process's share of
/// the global limit.</summary>
public sealed class ShardSettingsTests
{
    [Theory]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("0,2", new[] { 0, 2 })]
    [InlineData(" 4 , 1-2,2 ", new[] { 1, 2, 4 })]
    [InlineData("7", new[] { 7 })]
    public void Shard_ids_parse_ids_and_ranges_sorted_and_distinct(string text, int[] expected) =>
        Assert.Equal(expected, ShardSelection.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_shard_ids_mean_every_shard(string? text)
    {
        Assert.Null(ShardSelection.Parse(text));
        Assert.Equal([0, 1, 2], ShardSelection.Resolve(null, 3));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("3-1")]
    [InlineData("-1")]
    [InlineData("0,,1")]
    [InlineData("1-")]
    public void Malformed_shard_ids_are_refused_with_a_message_naming_the_setting(string text)
    {
        var error = Assert.Throws<FormatException>(() => ShardSelection.Parse(text));
        Assert.StartsWith("Discord:ShardIds", error.Message);
    }

    [Fact]
    public void A_shard_id_beyond_the_recommended_count_is_refused_when_the_count_is_known() =>
        Assert.Contains("only 2 shards", Assert.Throws<ArgumentException>(() => ShardSelection.Resolve([1, 2], 2)).Message);

    [Theory]
    [InlineData(2, "2", 1, "Discord:ShardIds names shard 2, but Discord:ShardCount is 2")]
    [InlineData(-1, null, 1, "Discord:ShardCount must be 0")]
    [InlineData(0, "x", 1, "Discord:ShardIds \"x\" is not a list")]
    [InlineData(0, null, 0, "Discord:ProcessCount must be")]
    [InlineData(0, null, 51, "Discord:ProcessCount (51) is larger")]
    public void Wrong_sharding_settings_fail_validation_with_one_sentence_each(int count, string? ids, int processes, string expected)
    {
        var result = new ShardingOptionsValidator().Validate(null, new DiscordClientOptions { ShardCount = count, ShardIds = ids, ProcessCount = processes });
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void Default_sharding_settings_pass_validation() =>
        Assert.True(new ShardingOptionsValidator().Validate(null, new DiscordClientOptions()).Succeeded);

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 25)]
    [InlineData(3, 16)]
    public void Each_process_takes_its_share_of_the_global_limit(int processes, int perSecond)
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Options.Create(new DiscordClientOptions { Token = "t", ProcessCount = processes }))
            .AddDiscordClient()
            .BuildServiceProvider();
        Assert.Equal(perSecond, services.GetRequiredService<GlobalRateLimiter>().RequestsPerSecond);
    }
}
