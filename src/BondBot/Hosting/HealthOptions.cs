namespace BondBot.Hosting;

/// <summary>The <c>Health</c> section: a heartbeat file for container health checks.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>File touched while the bot is connected to Discord; empty turns it off.</summary>
    public string? HeartbeatFile { get; set; }

    /// <summary>How often the file is touched.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}
