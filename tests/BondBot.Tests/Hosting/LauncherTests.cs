using System.Diagnostics;
using BondBot.Hosting;
using BondBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Configuration;

namespace BondBot.Tests.Hosting;

public sealed class LauncherTests : IDisposable
{
    private readonly TempDatabase _db = new();
    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Without_a_token_the_host_prints_one_sentence_and_exits_with_code_2()
    {
        var error = new StringWriter();
        var code = await BondBotLauncher.RunAsync(["--Discord:Token=", .. _db.Settings], error);

        Assert.Equal(ExitCodes.Configuration, code);
        var output = error.ToString().Trim();
        Assert.StartsWith("Discord:Token is not set", output);
        Assert.DoesNotContain("\n", output);
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_is_named_in_the_refusal()
    {
        var error = new StringWriter();
        var code = await BondBotLauncher.RunAsync(
            ["--Discord:Token=abc.def.ghi", "--Database:BusyTimeoutMs=soon", .. _db.Settings], error);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("Database:BusyTimeoutMs", error.ToString());
        Assert.DoesNotContain("abc.def.ghi", error.ToString());
    }

    [Fact]
    public async Task A_database_from_the_future_stops_start_up_with_code_2()
    {
        await _db.MigratedAsync();
        await using (var connection = await _db.Connections.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (500, 'future', 'x')");

        var error = new StringWriter();
        var code = await BondBotLauncher.RunAsync(["--Discord:Token=abc.def.ghi", .. _db.Settings], error);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("schema version 500", error.ToString());
    }

    [Fact]
    public void The_DISCORD_TOKEN_variable_fills_the_token_but_Discord__Token_and_the_command_line_win()
    {
        var fromAlias = Build(_ => "alias-token", []);
        Assert.Equal("alias-token", fromAlias["Discord:Token"]);

        var fromCommandLine = Build(_ => "alias-token", ["--Discord:Token=cli-token"]);
        Assert.Equal("cli-token", fromCommandLine["Discord:Token"]);

        static IConfiguration Build(Func<string, string?> variables, string[] args)
        {
            var configuration = new ConfigurationManager();
            configuration.AddJsonFile("does-not-exist.json", optional: true);
            configuration.AddEnvironmentVariables();
            configuration.AddCommandLine(args);
            configuration.AddDiscordTokenAlias(variables);
            return configuration;
        }
    }

    [Fact]
    public async Task The_real_process_without_a_token_exits_2_with_no_stack_trace()
    {
        var entry = typeof(BondBotLauncher).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [entry])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _db.Folder,
        };
        Directory.CreateDirectory(_db.Folder);
        start.Environment.Remove("DISCORD_TOKEN");
        start.Environment.Remove("Discord__Token");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(ExitCodes.Configuration, process.ExitCode);
        Assert.StartsWith("Discord:Token is not set", stderr.Trim());
        Assert.DoesNotContain("   at ", stderr);
    }
}
