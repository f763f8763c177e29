using System.Text.Json;
using BondBot.Tests.Support;

namespace BondBot.Tests.Repository;

/// <summary>No Docker engine runs here, so these check what can be checked without building the image.</summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "Dockerfile"));

    [Fact]
    public void Every_path_the_dockerfile_copies_from_the_repository_exists()
    {
        var sources = Lines
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var full = Path.Combine(RepositoryRoot.Path, source);
            Assert.True(File.Exists(full) || Directory.Exists(full), $"Dockerfile copies '{source}', which does not exist.");
        }
    }

    [Fact]
    public void The_image_runs_as_a_non_root_user_and_keeps_data_on_a_volume()
    {
        var lastUser = Lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.NotEqual("USER root", lastUser.Trim());
        Assert.Contains(Lines, l => l.StartsWith("VOLUME", StringComparison.Ordinal) && l.Contains("/data", StringComparison.Ordinal));
        Assert.Contains(Lines, l => l.Contains("Database__DataDirectory=/data", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines, l => l.Contains("DISCORD_TOKEN=", StringComparison.Ordinal));
    }

    [Fact]
    public void The_health_check_tests_the_heartbeat_file_the_bot_writes()
    {
        Assert.Contains(Lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        Assert.Contains(Lines, l => l.Contains("Health__HeartbeatFile=/data/healthy", StringComparison.Ordinal));
        Assert.Contains(Lines, l => l.Contains("/data/healthy", StringComparison.Ordinal) && l.Contains("stat -c %Y", StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_settings_mirror_every_default_section()
    {
        static HashSet<string> Keys(string file)
        {
            var keys = new HashSet<string>();
            void Walk(JsonElement e, string prefix)
            {
                foreach (var p in e.EnumerateObject())
                {
                    var key = prefix + p.Name;
                    keys.Add(key);
                    if (p.Value.ValueKind == JsonValueKind.Object) Walk(p.Value, key + ":");
                }
            }
            Walk(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file))).RootElement, "");
            return keys;
        }

        var example = Keys("appsettings.example.json");
        var defaults = Keys("src/BondBot/appsettings.json");
        Assert.Empty(defaults.Except(example));
        Assert.DoesNotContain("Discord:Token", defaults);
    }
}
