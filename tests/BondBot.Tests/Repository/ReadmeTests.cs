using BondBot.Hosting;
using BondBot.Tests.Support;

namespace BondBot.Tests.Repository;

public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

    [Fact]
    public void The_invite_permissions_integer_matches_what_the_bot_needs()
    {
        Assert.Contains($"permissions={(ulong)BotPermissions.Required}", Readme);
    }

    [Fact]
    public void Ci_runs_exactly_the_readme_test_command()
    {
        var ci = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".ci", "run"));
        Assert.Contains("dotnet test BondBot.sln", Readme);
        Assert.Contains("dotnet test BondBot.sln 2>&1", ci);
    }

    [Fact]
    public async Task Every_command_the_bot_registers_has_a_row_in_the_readme_table()
    {
        // What the real host registers with Discord, not a hand-kept list: a new command without a README row fails.
        await using var bot = await EndToEnd.BotHarness.StartAsync();
        var registered = bot.Fake.GlobalCommands.Select(c => c["name"]!.GetValue<string>()).ToList();

        Assert.NotEmpty(registered);
        Assert.All(registered, name => Assert.Contains($"| `/{name}", Readme));
    }

    [Fact]
    public void The_readme_states_the_decks_true_sizes()
    {
        var questions = BondBot.Features.Questions.QuestionDeck.LoadEmbedded().Questions.Count;
        var rituals = BondBot.Features.Rituals.RitualDeck.LoadEmbedded().Rituals.Count;
        Assert.Contains($"{questions.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} questions", Readme);
        Assert.Contains($"{rituals} weekly rituals", Readme);
    }
}
