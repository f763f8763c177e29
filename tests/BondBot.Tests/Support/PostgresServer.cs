using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BondBot.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for this test run: started once, on first use, as the <c>postgres</c> user (the
/// server refuses root) in a temp folder on a free loopback port, and stopped and deleted when the test process
/// exits. Each test gets its own fresh database. When PostgreSQL is not installed the tests that need it FAIL with
/// what to install: they are never skipped (<c>.ci/run</c> installs Debian's <c>postgresql</c> when it is missing).
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private int _databases;

    private PostgresServer(string folder, string bin, bool asPostgresUser, int port)
    {
        _folder = folder;
        _bin = bin;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public static PostgresServer Instance => Shared.Value;

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40;Timeout=30;Command Timeout=60";

    /// <summary>Creates an empty database and returns its connection string (Npgsql's format).</summary>
    public string CreateDatabase()
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}";   // within 63 characters
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        create.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Drops a test's database, closing whatever connections it left open.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", "initdb")).Where(File.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (initdb is null)
            throw new InvalidOperationException(
                "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `apt-get install -y postgresql` (.ci/run does this when it is missing).");
        var bin = Path.GetDirectoryName(initdb)!;
        RemoveAbandonedClusters();
        var asPostgresUser = Environment.UserName == "root";
        // The test process's id in the name tells other test processes (the SQLite and PostgreSQL passes run side by
        // side) that this cluster is in use, even before its server has started.
        var folder = Path.Combine(Path.GetTempPath(), $"bondbot-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (asPostgresUser)
            Run("chown", ["postgres:postgres", folder], asPostgresUser: false);
        var data = Path.Combine(folder, "data");
        var port = FreePort();
        var server = new PostgresServer(folder, bin, asPostgresUser, port);
        server.RunPg("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        // A test cluster: durability off (fsync, full-page writes) trades nothing a test needs for speed on a busy CPU.
        server.RunPg("pg_ctl", ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try { RunPg("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// A test process that was killed leaves its cluster folder behind (and a stop at exit can be cut short): folders
    /// whose test process is gone and whose server no longer runs are deleted at the next start. A folder another
    /// running test process owns is left alone, even while its cluster is still being created.
    /// </summary>
    private static void RemoveAbandonedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "bondbot-pg-*"))
        {
            var pidFile = Path.Combine(folder, "data", "postmaster.pid");
            try
            {
                if (Path.GetFileName(folder).Split('-') is [_, _, var owner, _] && int.TryParse(owner, out var ownerPid) && Directory.Exists($"/proc/{ownerPid}"))
                    continue;
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && Directory.Exists($"/proc/{pid}"))
                    continue;
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private void RunPg(string tool, string[] arguments) => Run(Path.Combine(_bin, tool), arguments, _asPostgresUser);

    private static void Run(string file, string[] arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgresUser)
            foreach (var a in new[] { "-u", "postgres", "--", file })
                start.ArgumentList.Add(a);
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish in 120 s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
