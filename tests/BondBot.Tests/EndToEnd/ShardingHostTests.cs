using BondBot.Discord.Gateway;
using BondBot.FakeDiscord;
using BondBot.Hosting;
using BondBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Tests.EndToEnd;

/// <summary>The host on a sharded gateway: every shard's interactions reach the one router, DMs come on shard 0, and
/// only the process running shard 0 registers commands.</summary>
public sealed class ShardingHostTests
{
    private static FakeDiscordOptions TwoShards => new() { RecommendedShards = 2, RequiredShards = 2, MessageCreateLimit = 50, MessageEditLimit = 50 };

    private static (FakeGuild Guild, FakeChannel Channel) GuildOn(FakeDiscordServer fake, int shard, params FakeUser[] members)
    {
        var guild = fake.AddGuildOnShard($"on shard {shard}", shard, 2);
        var channel = guild.AddTextChannel("general");
        foreach (var member in members)
            guild.AddMember(member);
        return (guild, channel);
    }

    private static async Task<FakeMessage> HelpReplyAsync(FakeDiscordServer fake, FakeUser user, FakeGuild? guild, FakeChannel? channel)
    {
        var interaction = await fake.InvokeCommandAsync(user, "help", guild, channel);
        await interaction.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        await fake.WaitUntilAsync(() => interaction.OriginalResponse is { } m && (m.Content is not null || m.Embeds.Count > 0), TimeSpan.FromSeconds(10));
        return interaction.OriginalResponse!;
    }

    [Fact]
    public async Task One_host_with_shards_0_and_1_answers_commands_from_guilds_on_both_shards_and_in_dms()
    {
        await using var fake = await FakeDiscordServer.StartAsync(TwoShards);
        var sam = fake.AddUser("sam");
        var (zero, zeroChannel) = GuildOn(fake, 0, sam);
        var (one, oneChannel) = GuildOn(fake, 1, sam);
        await using var bot = await BotHarness.StartAsync(fake, settings: "--Discord:ShardIds=0-1");
        var gateway = bot.Services.GetRequiredService<ShardedGateway>();
        await fake.WaitUntilAsync(() => gateway.Shards.Count == 2 && gateway.IsConnected);

        Assert.NotNull(await HelpReplyAsync(fake, sam, zero, zeroChannel));
        Assert.NotNull(await HelpReplyAsync(fake, sam, one, oneChannel));
        Assert.NotNull(await HelpReplyAsync(fake, sam, null, null));
        Assert.Equal([(0, 2), (1, 2)], fake.Gateway.ShardIdentifies.Select(i => (i.ShardId, i.ShardCount)).Order());
        Assert.Equal(0, fake.Gateway.ShardingRequiredCloses);
    }

    [Fact]
    public async Task A_host_with_only_shard_1_does_not_register_commands_and_the_host_with_shard_0_does()
    {
        await using var fake = await FakeDiscordServer.StartAsync(TwoShards);
        var sam = fake.AddUser("sam");
        var (one, oneChannel) = GuildOn(fake, 1, sam);

        await using var second = await BotHarness.StartAsync(fake, waitForCommands: false, settings: ["--Discord:ShardCount=2", "--Discord:ShardIds=1"]);
        var gateway = second.Services.GetRequiredService<ShardedGateway>();
        await fake.WaitUntilAsync(() => gateway.Primary.ShardId == 1 && gateway.IsConnected);
        // Serving an interaction proves shard 1's events are handled, its READY long before.
        Assert.NotNull(await HelpReplyAsync(fake, sam, one, oneChannel));
        Assert.DoesNotContain(fake.Requests, r => r.Method != "GET" && r.Path.EndsWith("/commands", StringComparison.Ordinal));
        Assert.Empty(fake.GlobalCommands);

        await using var first = await BotHarness.StartAsync(fake, settings: ["--Discord:ShardCount=2", "--Discord:ShardIds=0"]);

        Assert.NotEmpty(fake.GlobalCommands);
        Assert.Equal(1, fake.CommandOverwriteCount);
        Assert.Equal([(0, 2), (1, 2)], fake.Gateway.ShardIdentifies.Select(i => (i.ShardId, i.ShardCount)).Order());

        // A process with shard 1 that starts once the commands exist reads their ids (no write): what it sends carries
        // the same clickable command mentions as the process with shard 0.
        await using var third = await BotHarness.StartAsync(fake, settings: ["--Discord:ShardCount=2", "--Discord:ShardIds=1"]);
        Assert.StartsWith("</help:", third.AsSent("`/help`"));
        Assert.Equal(1, fake.CommandOverwriteCount);
    }

    [Theory]
    [InlineData("--Discord:ShardIds=0-x", "Discord:ShardIds \"0-x\" is not a list of shard ids")]
    [InlineData("--Discord:ShardIds=3", "Discord:ShardIds names shard 3, but Discord:ShardCount is 2")]
    [InlineData("--Discord:ProcessCount=0", "Discord:ProcessCount must be")]
    public async Task Wrong_sharding_settings_stop_the_host_with_code_2_naming_the_setting(string setting, string expected)
    {
        using var db = new TempDatabase();
        var error = new StringWriter();

        var code = await BondBotLauncher.RunAsync(["--Discord:Token=abc.def.ghi", "--Discord:ShardCount=2", setting, $"--Database:DataDirectory={db.Folder}"], error);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains(expected, error.ToString());
    }
}
