using BondBot.Storage;
using BondBot.Storage.TypeHandlers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BondBot.Tests.Support;

/// <summary>A real SQLite file in a fresh temp folder, deleted with the test.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        DapperTypeHandlers.Register();
        Folder = Path.Combine(Path.GetTempPath(), "bondbot-tests", Guid.NewGuid().ToString("N"));
        Options = new DatabaseOptions { DataDirectory = Folder };
        Connections = new SqliteConnectionFactory(Microsoft.Extensions.Options.Options.Create(Options));
    }

    public string Folder { get; }
    public string FilePath => Path.Combine(Folder, "bondbot.db");
    public DatabaseOptions Options { get; }
    public SqliteConnectionFactory Connections { get; }

    public Migrator CreateMigrator(TimeProvider? time = null) =>
        new(Connections, time ?? TimeProvider.System, NullLogger<Migrator>.Instance);

    public async Task<TempDatabase> MigratedAsync()
    {
        await CreateMigrator().MigrateAsync();
        return this;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
