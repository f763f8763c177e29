namespace BondBot.Playground;

/// <summary>The few things a visitor may choose: the page's port (0 picks a free one) and where data lives.</summary>
public sealed record PlaygroundOptions(int Port = 5080, string DataDirectory = "./data/playground")
{
    /// <summary>Settings passed to BondBot as command-line configuration, like any other deployment's.</summary>
    public IReadOnlyList<string> BotSettings { get; init; } = [];

    /// <summary>Reads <c>--port N</c> and <c>--data PATH</c>; anything else is an error message.</summary>
    public static (PlaygroundOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new PlaygroundOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535:
                    options = options with { Port = port };
                    i++;
                    break;
                case "--data" when !string.IsNullOrWhiteSpace(value):
                    options = options with { DataDirectory = value };
                    i++;
                    break;
                default:
                    return (null, $"Unknown or incomplete option '{args[i]}'. Usage: dotnet run --project src/BondBot.Playground [--port 5080] [--data ./data/playground]");
            }
        }
        return (options, null);
    }
}
