namespace BondBot.Tests.Support;

/// <summary>Finds the checkout's top folder (the one holding BondBot.sln) from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BondBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("BondBot.sln not found above " + AppContext.BaseDirectory);
    }
}
