using BondBot.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace BondBot.Discord.Tests.EndToEnd;

public sealed class CommandRegistrationDiffTests
{
    private static ApplicationCommand Command(string name, string description = "Does a thing") => new() { Name = name, Description = description };

    [Fact]
    public async Task Registration_logs_added_changed_and_removed_before_it_overwrites_and_does_nothing_without_a_difference()
    {
        await using var client = await ClientHarness.StartAsync();
        var log = new ListLogger();
        var registrar = new CommandRegistrar(client.Rest, log);
        var app = client.Fake.ApplicationId;
        await registrar.EnsureAsync(app, null, [Command("alpha"), Command("beta"), Command("gamma")], CancellationToken.None);
        Assert.Contains("added [alpha, beta, gamma], changed [], removed []", log.Lines[0]);

        var puts = client.Fake.Requests.Count(r => r.Method == "PUT");
        log.Lines.Clear();
        await registrar.EnsureAsync(app, null, [Command("gamma"), Command("alpha"), Command("beta")], CancellationToken.None);
        Assert.Equal(puts, client.Fake.Requests.Count(r => r.Method == "PUT"));
        Assert.Contains("nothing to change", Assert.Single(log.Lines));

        // The overwrite is refused (an upper-case name is invalid), yet the difference was logged first.
        log.Lines.Clear();
        await Assert.ThrowsAnyAsync<Exception>(() =>
            registrar.EnsureAsync(app, null, [Command("alpha"), Command("beta", "Does another thing"), Command("Delta")], CancellationToken.None));
        Assert.Contains("added [Delta], changed [beta], removed [gamma]; overwriting", Assert.Single(log.Lines));
        Assert.Equal(puts, client.Fake.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public void Diff_compares_definitions_not_ids_or_order()
    {
        var registered = new[] { Command("alpha") with { Id = 1 }, Command("beta") with { Id = 2 } };
        Assert.True(CommandRegistrar.Diff(registered, [Command("beta"), Command("alpha")]).IsEmpty);
        var diff = CommandRegistrar.Diff(registered, [Command("alpha", "Other"), Command("gamma")]);
        Assert.Equal(["gamma"], diff.Added);
        Assert.Equal(["alpha"], diff.Changed);
        Assert.Equal(["beta"], diff.Removed);
    }

    private sealed class ListLogger : ILogger<CommandRegistrar>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
