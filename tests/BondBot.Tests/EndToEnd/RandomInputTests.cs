using BondBot.FakeDiscord;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using BondBot.Interactions;
using BondBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Tests.EndToEnd;

/// <summary>
/// Property-style: random strings and ids fed through every slash command and every component/modal handler must
/// never end in an unhandled exception (the router's apology) and must never change another pair's data.
/// </summary>
public sealed class RandomInputTests
{
    private static readonly string[] Nasty =
    [
        "", " ", "@everyone", "<@&123>", "<@!1>", "'; DROP TABLE pairs; --", "**bold** __x__ `code` ```block```", "‮right-to-left‬",
        "zero​width‍joiner", "😀👩‍❤️‍👨🏳️‍🌈", new string('x', 1500), new string('é', 4000), "18446744073709551615", "-1", "NaN", "25:99", "Mars/Olympus",
        "\u0000", "%s%n", "..\\..\\etc\\passwd",
    ];

    [Fact]
    public async Task Random_input_never_throws_unhandled_and_never_touches_another_pairs_data()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var dave = bot.Fake.AddUser("dave");
        var erin = bot.Fake.AddUser("erin");
        world.Guild.AddMember(dave);
        world.Guild.AddMember(erin);
        await PairingFlowTests.PairAsync(world, dave, erin);                       // the pair that must stay untouched
        var pairs = bot.Services.GetRequiredService<PairingService>();
        var other = (await pairs.GetActivePairAsync(dave.Id))!;
        var round = (await bot.Services.GetRequiredService<QuestionService>().OpenAsync(other, null, new(null, null))).Round!;
        await bot.Services.GetRequiredService<QuestionService>().SubmitAsync(round.RoundId, dave.Id, "dave-private");
        var before = await SnapshotAsync(bot, other.PairId);

        var random = new Random(20261124);
        var commands = bot.Fake.GlobalCommands.Select(c => c["name"]!.GetValue<string>()).ToList();
        using var scope = bot.Services.CreateScope();
        var prefixes = scope.ServiceProvider.GetServices<IComponentHandler>().Select(h => h.Prefix).ToList();
        var interactions = new List<FakeInteraction>();
        string Pick() => Nasty[random.Next(Nasty.Length)];
        string Id() => random.Next(3) switch { 0 => round.RoundId.ToString(), 1 => other.PairId.ToString(), _ => Pick() };

        for (var i = 0; i < 60; i++)
        {
            var user = random.Next(2) == 0 ? world.Alice : world.Carol;   // strangers and unpaired people
            var name = commands[random.Next(commands.Count)];
            var options = new[]
            {
                new FakeOption("partner", 6, (random.Next(2) == 0 ? dave.Id : 42UL).ToString()),
                new FakeOption("text", 3, Pick()), new FakeOption("note", 3, Pick()), new FakeOption("timezone", 3, Pick()),
                new FakeOption("time", 3, Pick()), new FakeOption("category", 3, Pick()), new FakeOption("depth", 4, random.Next(-3, 9)),
            }.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToArray();
            interactions.Add(random.Next(2) == 0
                ? await world.CommandAsync(user, name, options)
                : await world.DmCommandAsync(user, name, options));

            // A component interaction carrying a tampered custom_id, on a message the bot really sent.
            var message = bot.Fake.AllMessages.LastOrDefault(m => m.Components.Count > 0 && !m.Ephemeral);
            if (message is not null)
            {
                var customId = $"{prefixes[random.Next(prefixes.Count)]}:{Id()}:{Id()}:{Id()}";
                message.Components.Add(System.Text.Json.Nodes.JsonNode.Parse($$"""{"type":1,"components":[{"type":2,"style":2,"label":"x","custom_id":{{System.Text.Json.JsonSerializer.Serialize(customId[..Math.Min(customId.Length, 100)])}}}]}""")!);
                interactions.Add(await bot.Fake.ClickButtonAsync(user, message, customId[..Math.Min(customId.Length, 100)]));
                message.Components.RemoveAt(message.Components.Count - 1);
            }
        }

        Assert.True(interactions.Count >= 60);
        await Task.WhenAll(interactions.Select(i => i.FirstResponse.ContinueWith(_ => { })));
        await bot.DeliverAsync();
        var apologies = bot.Fake.AllMessages.Where(m => m.Content == InteractionRouter.FailureMessage).ToList();
        Assert.True(apologies.Count == 0, $"{apologies.Count} apologies; the host logged:\n"
            + string.Join("\n", interactions.SelectMany(i => HostErrorLog.Mentioning(i.Id.ToString()))));
        Assert.All(interactions, i => Assert.False(i.Expired, $"interaction {i.Id} was never answered"));
        Assert.Equal(before, await SnapshotAsync(bot, other.PairId));
        Assert.DoesNotContain("dave-private", World.Everything(bot.Fake));
    }

    private static async Task<string> SnapshotAsync(BotHarness bot, long pairId)
    {
        await using var connection = await bot.Database.Connections.OpenAsync();
        var rows = await connection.QueryAsync<string>("""
            SELECT 'pair:' || pair_id || ':' || COALESCE(CAST(ended_at AS TEXT), '') FROM pairs WHERE pair_id = @pairId
            UNION ALL SELECT 'round:' || round_id || ':' || status || ':' || question_key FROM rounds WHERE pair_id = @pairId
            UNION ALL SELECT 'answer:' || a.round_id || ':' || a.user_id || ':' || a.text FROM answers a JOIN rounds r ON r.round_id = a.round_id WHERE r.pair_id = @pairId
            UNION ALL SELECT 'member:' || user_id || ':' || active FROM pair_members WHERE pair_id = @pairId
            ORDER BY 1
            """, new { pairId });
        return string.Join("\n", rows);
    }
}
