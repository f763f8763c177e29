namespace BondBot.Storage;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Folder that holds the SQLite file when no connection string is given; created if missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>A full Microsoft.Data.Sqlite connection string; empty means <c>{DataDirectory}/bondbot.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a writer waits for another writer's lock before SQLite reports busy.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;

    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataDirectory, "bondbot.db")}"
            : ConnectionString;
}
