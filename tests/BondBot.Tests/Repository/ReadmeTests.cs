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
    public void Every_registered_command_is_in_the_readme_table()
    {
        foreach (var name in new[] { "help", "pair", "unpair", "question", "deck", "settings", "pause", "resume", "checkin", "space", "appreciate", "insights", "pulse", "privacy" })
            Assert.Contains($"| `/{name}", Readme);
    }
}
