namespace BondBot.Storage;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (the default: one file, one process) or <c>postgres</c> (one server, several processes).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Folder that holds the SQLite file when no connection string is given; created if missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// SQLite: a full Microsoft.Data.Sqlite connection string; empty means <c>{DataDirectory}/bondbot.db</c>.
    /// PostgreSQL: required, in Npgsql's format (<c>Host=…;Port=5432;Database=bondbot;Username=…;Password=…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a writer waits for another writer's lock before SQLite reports busy.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataDirectory, "bondbot.db")}"
            : ConnectionString;
}
