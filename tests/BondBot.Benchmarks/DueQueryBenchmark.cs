using System.Data.Common;
using System.Diagnostics;
using BondBot.Features.Settings;
using BondBot.Storage;
using BondBot.Storage.TypeHandlers;
using BondBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace BondBot.Benchmarks;

/// <summary>
/// The scheduler's due query with N people scheduled (default 1,000,000, spread one minute apart over a day), on
/// SQLite (a temp file) and on PostgreSQL (a throwaway local cluster, as the tests start one): the plain query, and the
/// claim form the scheduler runs on PostgreSQL (<c>FOR UPDATE SKIP LOCKED</c>, inside a transaction, rolled back).
/// </summary>
public static class DueQueryBenchmark
{
    private const int Runs = 200;

    public static async Task RunAsync(int people)
    {
        DapperTypeHandlers.Register();
        var folder = Path.Combine(Path.GetTempPath(), "bondbot-bench", Guid.NewGuid().ToString("N"));
        try
        {
            await MeasureAsync(new DatabaseOptions { DataDirectory = folder }, people, """
                INSERT INTO users (user_id, time_zone, checkin_time, next_checkin_at, created_at)
                WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < @people - 1)
                SELECT 10000000 + i, 'UTC', '09:00', @start + (i % 1440) * 60000, 0 FROM s
                """);
            var connectionString = PostgresServer.Instance.CreateDatabase();
            await MeasureAsync(new DatabaseOptions { Provider = DatabaseOptions.Postgres, ConnectionString = connectionString }, people, """
                INSERT INTO users (user_id, time_zone, checkin_time, next_checkin_at, created_at)
                SELECT 10000000 + i, 'UTC', '09:00', @start + (i % 1440) * 60000, 0 FROM generate_series(0, @people - 1) AS i;
                ANALYZE users;
                """);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task MeasureAsync(DatabaseOptions options, int people, string seed)
    {
        IDbConnections connections = options.IsPostgres
            ? new PostgresConnections(Microsoft.Extensions.Options.Options.Create(options))
            : new SqliteConnections(Microsoft.Extensions.Options.Options.Create(options));
        await new Migrator(connections, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync();
        var start = Instant.FromUtc(2026, 6, 2, 0, 0);
        await using var connection = await connections.OpenAsync();
        var seeding = Stopwatch.StartNew();
        await connection.ExecuteAsync(new CommandDefinition(seed, new { people, start = start.ToUnixTimeMilliseconds() }, commandTimeout: 600));
        seeding.Stop();
        var now = Instant.FromUtc(2026, 6, 2, 9, 0);
        var name = connections.Dialect.Name;
        Console.WriteLine($"due-query [{name}]: {people:N0} people scheduled in {seeding.Elapsed.TotalSeconds:0.0} s");

        var plain = await TimeAsync(connection, null, UserSettingsRepository.DueSql, now);
        Console.WriteLine($"due-query [{name}]: {plain.Ms:0.000} ms per query ({plain.Rows} rows, LIMIT 500, median of {Runs})");
        if (options.IsPostgres)
        {
            // The server's own time for the query, without the client's round trip and row mapping.
            var plan = await connection.QueryAsync<string>("EXPLAIN (ANALYZE) " + UserSettingsRepository.DueSql.Replace("@limit", "500"), new { now });
            Console.WriteLine($"due-query [{name}]: server {plan.Last(l => l.Contains("Execution Time", StringComparison.Ordinal)).Trim()}; " +
                              (plan.Any(l => l.Contains("ix_users_next_checkin_at", StringComparison.Ordinal)) ? "uses ix_users_next_checkin_at" : "NO INDEX"));
        }
        var claim = await TimeClaimAsync(connection, now);
        Console.WriteLine($"due-query [{name}]: {claim.Ms:0.000} ms per claim query in a transaction{connections.Dialect.SkipLocked} ({claim.Rows} rows)");
        if (connections is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }

    private static async Task<(double Ms, int Rows)> TimeAsync(DbConnection connection, DbTransaction? transaction, string sql, Instant now)
    {
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < Runs + 10; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = (await connection.QueryAsync<UserSettingsRepository.DueRow>(sql, new { now, limit = 500 }, transaction)).Count();
            watch.Stop();
            if (i >= 10) times.Add(watch.Elapsed.TotalMilliseconds);   // the first runs warm caches and plans
        }
        times.Sort();
        return (times[times.Count / 2], rows);
    }

    private static async Task<(double Ms, int Rows)> TimeClaimAsync(DbConnection connection, Instant now)
    {
        var times = new List<double>();
        var rows = 0;
        var sql = UserSettingsRepository.DueSql + SqlDialect.Of(connection).SkipLocked;
        for (var i = 0; i < Runs / 4 + 5; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var watch = Stopwatch.StartNew();
            rows = (await connection.QueryAsync<UserSettingsRepository.DueRow>(sql, new { now, limit = 500 }, transaction)).Count();
            watch.Stop();
            await transaction.RollbackAsync();
            if (i >= 5) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], rows);
    }
}
