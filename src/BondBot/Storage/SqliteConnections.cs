using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BondBot.Storage;

/// <summary>
/// Opens SQLite connections configured the same way every time: foreign keys on (they are per connection in
/// SQLite) and a busy timeout so a second writer waits instead of failing at once. WAL mode is persistent in
/// the file and is set by the migrator.
/// </summary>
public sealed class SqliteConnections : IDbConnections
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    public SqliteConnections(IOptions<DatabaseOptions> options)
    {
        var value = options.Value;
        var builder = new SqliteConnectionStringBuilder(value.ResolveConnectionString())
        {
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database itself for the command timeout (30 s by default); it
            // follows the busy timeout instead, so a held lock fails in the time the setting promises.
            DefaultTimeout = Math.Max(1, (value.BusyTimeoutMs + 999) / 1000),
        };
        _connectionString = builder.ToString();
        _busyTimeoutMs = value.BusyTimeoutMs;
        EnsureFolderExists(builder);
    }

    public string DataSource => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public string Describe => DataSource;

    public SqlDialect Dialect => SqlDialect.Sqlite;

    async Task<DbConnection> IDbConnections.OpenAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs};";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Creates the folder (owner only, 0700) and an empty database file (owner only, 0600) before SQLite first opens
    /// it: couples' answers live in this file, and SQLite gives its -wal and -shm files the database file's mode.
    /// </summary>
    private static void EnsureFolderExists(SqliteConnectionStringBuilder builder)
    {
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || dataSource is "" or ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
            return;
        var path = Path.GetFullPath(dataSource);
        var folder = Path.GetDirectoryName(path);
        if (OperatingSystem.IsWindows())
        {
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            return;
        }
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (!File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another connection created it first.
            }
        }
    }
}
