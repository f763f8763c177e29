using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BondBot.Playground.Tests;

/// <summary>The one command in the README: the built playground starts, prints its URL, serves the page within 20 s,
/// and stops cleanly on Ctrl+C (SIGINT), reading no settings of a real deployment on the same machine.</summary>
public sealed partial class PlaygroundProcessTests
{
    [Fact]
    public async Task The_playground_process_prints_its_url_serves_the_page_within_20_seconds_and_stops_on_ctrl_c()
    {
        var data = Path.Combine(Path.GetTempPath(), $"bondbot-playground-process-{Guid.NewGuid():N}");
        var dll = Path.Combine(AppContext.BaseDirectory, "BondBot.Playground.dll");
        // Started where a real deployment's settings are in reach, in its folder and its environment: the playground's
        // bot must read none of them (this PostgreSQL does not exist, so a bot that read it would not start).
        var deployment = Directory.CreateDirectory(data + "-deployment").FullName;
        const string production = "Host=127.0.0.1;Port=1;Timeout=2";
        File.WriteAllText(Path.Combine(deployment, "appsettings.json"),
            $$"""{ "Database": { "Provider": "postgres", "ConnectionString": "{{production}}" } }""");
        var start = new ProcessStartInfo("dotnet", [dll, "--port", "0", "--data", data])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = deployment,
        };
        start.Environment["Database__Provider"] = "postgres";
        start.Environment["Database__ConnectionString"] = production;
        start.Environment["DISCORD_TOKEN"] = "the-real-bot-token";
        using var process = Process.Start(start)!;
        // Both pipes are read to the end: a process whose output nobody reads blocks on its next write once the pipe's
        // buffer is full, and then cannot stop either.
        var errors = new Output();
        var errorsRead = errors.ReadAsync(process.StandardError);
        try
        {
            var started = Stopwatch.StartNew();
            var output = new Output();
            var url = await output.ReadUntilAsync(process.StandardOutput, UrlPattern()).WaitAsync(TimeSpan.FromSeconds(20));
            var outputRead = output.ReadAsync(process.StandardOutput);
            Assert.True(url is not null, $"ended without a URL:\n{output.Tail()}\n{errors.Tail()}");
            Assert.StartsWith("http://127.0.0.1:", url);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var html = await http.GetStringAsync(url);
            Assert.Contains("BondBot playground", html);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"served after {started.Elapsed.TotalSeconds:0.0} s");
            Assert.True(File.Exists(Path.Combine(data, "bondbot.db")), "the playground database is under --data");

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString()])) await interrupt.WaitForExitAsync();
            // About 2 s on a quiet machine; CI runs this beside both bot test passes and Chromium on two cores.
            var stopping = Stopwatch.StartNew();
            try { await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)); }
            catch (TimeoutException)
            {
                Assert.Fail($"still running {stopping.Elapsed.TotalSeconds:0.0} s after Ctrl+C. Last output:\n{output.Tail()}\nLast errors:\n{errors.Tail()}");
            }
            await Task.WhenAll(outputRead, errorsRead).WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {errors.Tail()}");
            Assert.Contains("Stopping the playground…", output.Tail());
            Assert.EndsWith("Stopped.", output.Tail());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            foreach (var folder in new[] { data, deployment })
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>What a process wrote on one pipe, line by line, keeping the last lines for a failure message.</summary>
    private sealed class Output
    {
        private readonly Queue<string> _last = new();

        // The first match of the pattern (the URL; anything logged before it is skipped); null if the pipe ended first.
        public async Task<string?> ReadUntilAsync(StreamReader pipe, Regex pattern)
        {
            while (await pipe.ReadLineAsync() is { } line)
            {
                Keep(line);
                if (pattern.Match(line) is { Success: true } match)
                    return match.Value;
            }
            return null;
        }

        public async Task ReadAsync(StreamReader pipe)
        {
            while (await pipe.ReadLineAsync() is { } line)
                Keep(line);
        }

        public string Tail() { lock (_last) return string.Join("\n", _last); }

        private void Keep(string line)
        {
            lock (_last)
            {
                _last.Enqueue(line);
                if (_last.Count > 40) _last.Dequeue();
            }
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex UrlPattern();
}
