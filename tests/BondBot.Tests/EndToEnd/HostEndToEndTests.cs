using BondBot.Discord;
using BondBot.FakeDiscord;
using BondBot.Hosting;
using BondBot.Interactions;
using BondBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Tests.EndToEnd;

/// <summary>The whole host against the fake Discord: registration, routing, auto-defer, failures, fatal closes.</summary>
public sealed class HostEndToEndTests
{
    [Fact]
    public async Task Commands_are_registered_once_and_not_again_when_unchanged()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        var db = new TempDatabase();
        await using (var first = await BotHarness.StartAsync(fake, db))
        {
            var help = fake.GlobalCommands.Single(c => c["name"]!.GetValue<string>() == "help");
            var deck = fake.GlobalCommands.Single(c => c["name"]!.GetValue<string>() == "deck");
            Assert.Equal("[0,1]", help["contexts"]!.ToJsonString());   // guilds and the bot's DMs
            Assert.Equal("[0]", deck["contexts"]!.ToJsonString());     // a server's own deck: guilds only
            Assert.Equal("32", deck["default_member_permissions"]!.GetValue<string>());
        }
        await using (var second = await BotHarness.StartAsync(fake, db))
        {
            await fake.WaitUntilAsync(() => fake.Gateway.Identifies >= 2);
            // The second process compares with what Discord has (a GET) and, finding nothing changed, writes nothing.
            await fake.WaitUntilAsync(() => fake.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/commands", StringComparison.Ordinal)) >= 2);
        }
        Assert.Equal(1, fake.CommandOverwriteCount);
        db.Dispose();
    }

    [Fact]
    public async Task A_slow_handler_is_deferred_automatically_and_its_answer_still_arrives()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s.AddScoped<ISlashCommand, SlowCommand>());
        var world = new World(bot.Fake);

        var interaction = await world.CommandAsync(world.Alice, "slow");
        var first = await interaction.FirstResponse.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(5, first["type"]!.GetValue<int>());
        Assert.Equal(64, first["data"]!["flags"]!.GetValue<int>());
        await bot.Fake.WaitUntilAsync(() => interaction.OriginalResponse?.Content == "done slowly", TimeSpan.FromSeconds(10));
        Assert.False(interaction.Expired);
    }

    [Fact]
    public async Task A_handler_that_throws_gets_a_friendly_private_error()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s.AddScoped<ISlashCommand, BrokenCommand>());
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "broken"), failureExpected: true);

        Assert.True(reply.Ephemeral);
        Assert.Equal(InteractionRouter.FailureMessage, reply.Content);
        Assert.DoesNotContain("secret detail", World.Text(reply));
    }

    [Fact]
    public async Task Autocomplete_returns_choices_for_what_was_typed()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s.AddScoped<ISlashCommand, FruitCommand>());
        var world = new World(bot.Fake);

        var interaction = await bot.Fake.AutocompleteAsync(world.Alice, "fruit", world.Guild, world.General,
            new FakeOption("name", 3, "ap", Focused: true));
        await interaction.FirstResponse.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["apple", "apricot"], interaction.AutocompleteChoices.Select(c => c["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_fatal_gateway_close_stops_the_host_with_exit_code_3_and_a_plain_message()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.Fake.CloseGatewayAsync(4004);
        var code = await bot.Exit.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCodes.DiscordRefused, code);
        Assert.Contains("4004", bot.Errors.ToString());
        Assert.Contains("Discord:Token", bot.Errors.ToString());
        Assert.DoesNotContain(bot.Fake.Token, bot.Errors.ToString());
    }

    [Fact]
    public async Task The_router_answers_an_interaction_delivered_twice_once()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var interaction = await world.CommandAsync(world.Alice, "help");
        await world.ReplyAsync(interaction);

        // Answered once. (On a loaded machine the client may send its callback twice, when the first try's answer is
        // lost; the repeat gets "already acknowledged", which the client takes as success. So count what succeeded.)
        var first = AboutThis(bot, interaction);
        Assert.True(first.Count(r => r.Path.StartsWith($"interactions/{interaction.Id}/", StringComparison.Ordinal) && r.Status < 300) == 1,
            $"one successful callback expected:\n{Describe(first)}");

        // The same event handed to the router again (Discord may deliver an event more than once), awaited to the end:
        // nothing more is sent for it.
        var router = bot.Services.GetRequiredService<BondBot.Interactions.InteractionRouter>();
        var again = new BondBot.Discord.Gateway.GatewayDispatch("INTERACTION_CREATE", 99,
            System.Text.Json.JsonDocument.Parse(interaction.Payload.ToJsonString()).RootElement.Clone(), DateTimeOffset.UtcNow);
        await router.HandleAsync(again, CancellationToken.None);

        Assert.Equal(Describe(first), Describe(AboutThis(bot, interaction)));
    }

    private static List<FakeRequest> AboutThis(BotHarness bot, FakeInteraction interaction) =>
        bot.Fake.Requests.Where(r => r.Path.Contains(interaction.Id.ToString(), StringComparison.Ordinal)
                                     || r.Path.Contains(interaction.Token, StringComparison.Ordinal)).ToList();

    private static string Describe(IEnumerable<FakeRequest> requests) =>
        string.Join("\n", requests.Select(r => $"{r.Method} {r.Path} → {r.Status} {r.ErrorCode}"));

    private sealed class SlowCommand : ISlashCommand
    {
        public ApplicationCommand Definition { get; } = new() { Name = "slow", Description = "Takes its time" };

        public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(3.5), cancellationToken);
            await context.ReplyPrivatelyAsync("done slowly", cancellationToken);
        }
    }

    private sealed class BrokenCommand : ISlashCommand
    {
        public ApplicationCommand Definition { get; } = new() { Name = "broken", Description = "Always fails" };

        public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret detail");
    }

    private sealed class FruitCommand : ISlashCommand
    {
        private static readonly string[] Fruit = ["apple", "apricot", "banana"];

        public ApplicationCommand Definition { get; } = new()
        {
            Name = "fruit",
            Description = "Pick a fruit",
            Options = [new CommandOption { Type = CommandOptionType.String, Name = "name", Description = "Fruit", Autocomplete = true }],
        };

        public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken) => context.ReplyPrivatelyAsync("ok", cancellationToken);

        public Task AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken)
        {
            var typed = context.Data.Options?.FirstOrDefault(o => o.Focused == true)?.Value?.GetString() ?? "";
            return context.Responder.AutocompleteAsync(Fruit.Where(f => f.StartsWith(typed, StringComparison.Ordinal)).Select(f => CommandChoice.Of(f, f)).ToList(), cancellationToken);
        }
    }
}
