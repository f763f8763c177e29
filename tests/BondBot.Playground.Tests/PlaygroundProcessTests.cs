using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BondBot.Playground.Tests;

/// <summary>The one command in the README: the built playground starts, prints its URL, serves the page within 20 s,
/// and stops cleanly on Ctrl+C (SIGINT).</summary>
public sealed partial class PlaygroundProcessTests
{
    [Fact]
    public async Task The_playground_process_prints_its_url_serves_the_page_within_20_seconds_and_stops_on_ctrl_c()
    {
        var data = Path.Combine(Path.GetTempPath(), $"bondbot-playground-process-{Guid.NewGuid():N}");
        var dll = Path.Combine(AppContext.BaseDirectory, "BondBot.Playground.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--port", "0", "--data", data])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        try
        {
            var started = Stopwatch.StartNew();
            var url = await ReadUrlAsync(process.StandardOutput).WaitAsync(TimeSpan.FromSeconds(20));
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
            catch (TimeoutException) { Assert.Fail($"still running {stopping.Elapsed.TotalSeconds:0.0} s after Ctrl+C"); }
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    // The URL line; anything the host logs before it is skipped. Null when the process ended without one.
    private static async Task<string?> ReadUrlAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
            if (UrlPattern().Match(line) is { Success: true } match)
                return match.Value;
        return null;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex UrlPattern();
}
