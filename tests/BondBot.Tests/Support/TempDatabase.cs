using BondBot.Storage;
using BondBot.Storage.TypeHandlers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BondBot.Tests.Support;

/// <summary>
/// A real database for one test, deleted with it: a SQLite file in a fresh temp folder (the default), or a fresh
/// database on the test run's PostgreSQL server (<see cref="PostgresServer"/>) when <c>provider</c> is <c>postgres</c>.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    /// <summary>Both providers, for <c>[MemberData(nameof(TempDatabase.Providers), MemberType = typeof(TempDatabase))]</c>.</summary>
    public static TheoryData<string> Providers => new() { DatabaseOptions.Sqlite, DatabaseOptions.Postgres };

    public TempDatabase() : this(DefaultProvider) { }

    /// <summary>The provider of a test that names none: SQLite in BondBot.Tests, PostgreSQL in BondBot.OnPostgres.Tests
    /// (the same sources compiled with <c>POSTGRES_PASS</c>).</summary>
    public const string DefaultProvider =
#if POSTGRES_PASS
        DatabaseOptions.Postgres;
#else
        DatabaseOptions.Sqlite;
#endif

    public TempDatabase(string provider)
    {
        DapperTypeHandlers.Register();
        Provider = provider;
        Folder = Path.Combine(Path.GetTempPath(), "bondbot-tests", Guid.NewGuid().ToString("N"));
        Options = new DatabaseOptions { DataDirectory = Folder, Provider = provider };
        if (IsPostgres)
        {
            Options.ConnectionString = PostgresServer.Instance.CreateDatabase();
            Directory.CreateDirectory(Folder);
            Connections = new PostgresConnections(Microsoft.Extensions.Options.Options.Create(Options));
        }
        else
        {
            Connections = new SqliteConnections(Microsoft.Extensions.Options.Options.Create(Options));
        }
    }

    public string Provider { get; }
    public bool IsPostgres => Provider == DatabaseOptions.Postgres;
    public string Folder { get; }
    public string FilePath => Path.Combine(Folder, "bondbot.db");
    public DatabaseOptions Options { get; }
    public IDbConnections Connections { get; }

    /// <summary>The command-line settings that point a BondBot host at this database.</summary>
    public string[] Settings => IsPostgres
        ? [$"--Database:Provider={DatabaseOptions.Postgres}", $"--Database:ConnectionString={Options.ConnectionString}"]
        : [$"--Database:DataDirectory={Folder}"];

    public Migrator CreateMigrator(TimeProvider? time = null) =>
        new(Connections, time ?? TimeProvider.System, NullLogger<Migrator>.Instance);

    public async Task<TempDatabase> MigratedAsync()
    {
        await CreateMigrator().MigrateAsync();
        return this;
    }

    public void Dispose()
    {
        if (Connections is PostgresConnections postgres)
        {
            postgres.Dispose();
            try { PostgresServer.Instance.DropDatabase(Options.ConnectionString!); } catch (Npgsql.NpgsqlException) { }
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
