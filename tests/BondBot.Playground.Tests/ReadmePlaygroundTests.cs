namespace BondBot.Playground.Tests;

/// <summary>The README leads with the playground: its first section and its first command.</summary>
public sealed class ReadmePlaygroundTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    [Fact]
    public void The_first_section_after_the_intro_is_try_it_in_one_minute_and_its_first_command_runs_the_playground()
    {
        var firstHeading = Readme.Split('\n').First(l => l.StartsWith("## ", StringComparison.Ordinal));
        Assert.Equal("## Try it in one minute", firstHeading.TrimEnd());
        var firstBlock = Readme[(Readme.IndexOf("```bash\n", StringComparison.Ordinal) + 8)..];
        Assert.StartsWith("dotnet run --project src/BondBot.Playground\n", firstBlock);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BondBot.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("BondBot.sln not found above the test output.");
    }
}
