using BondBot.Storage;
using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BondBot.Hosting;

/// <summary>
/// Builds and runs the host, turning every start-up refusal into one plain sentence on stderr and an exit code
/// (see <see cref="ExitCodes"/>). Tests call it in-process with a <paramref name="configure"/> hook to swap the
/// clock or point the bot at the fake Discord.
/// </summary>
public static class BondBotLauncher
{
    public static Task<int> RunAsync(string[] args, TextWriter error,
        Action<HostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddDiscordTokenAlias();
        return RunAsync(builder, error, configure, cancellationToken);
    }

    /// <summary>
    /// Runs a host configured by <paramref name="args"/> alone: no appsettings.json from the current folder, no
    /// environment variables (so no <c>DISCORD_TOKEN</c>, no <c>Database__ConnectionString</c>). For a bot that
    /// must not pick up the settings of a real deployment on the same machine, like the playground's.
    /// </summary>
    public static Task<int> RunIsolatedAsync(string[] args, TextWriter error,
        Action<HostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationManager();
        configuration.AddCommandLine(args);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Configuration = configuration,
            ContentRootPath = AppContext.BaseDirectory,
        });
        return RunAsync(builder, error, configure, cancellationToken);
    }

    private static async Task<int> RunAsync(HostApplicationBuilder builder, TextWriter error,
        Action<HostApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        builder.AddBondBot();
        configure?.Invoke(builder);
        IHost host;
        try
        {
            host = builder.Build();
        }
        catch (AggregateException e)
        {
            // ValidateOnBuild: a service that cannot be created. A bug in this build of BondBot, said plainly.
            await error.WriteLineAsync($"BondBot could not start: {e.InnerExceptions.FirstOrDefault()?.Message ?? e.Message}");
            return ExitCodes.Unexpected;
        }
        using var disposeHost = host;

        var refusal = await PrepareAsync(host.Services, cancellationToken);
        if (refusal is not null)
        {
            await error.WriteLineAsync(refusal);
            return ExitCodes.Configuration;
        }

        // RunAsync disposes the container, so take what we read afterwards first.
        var fatal = host.Services.GetRequiredService<FatalStop>();
        await host.RunAsync(cancellationToken);

        if (fatal.Reason is null)
            return ExitCodes.Ok;
        await error.WriteLineAsync(fatal.Reason);
        return fatal.ExitCode;
    }

    /// <summary>Validates every options section and migrates the database; returns why not to start, or null.</summary>
    public static async Task<string?> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            return string.Join(Environment.NewLine, e.Failures);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder's own message names the setting and the expected type.
            return $"{e.Message} Fix or remove that setting.";
        }

        try
        {
            await services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        }
        catch (DatabaseTooNewException e)
        {
            return e.Message;
        }
        catch (Exception e) when (services.GetRequiredService<IDbConnections>().Dialect.IsUnavailable(e))
        {
            var connections = services.GetRequiredService<IDbConnections>();
            return $"The database '{connections.Describe}' could not be opened ({e.Message.TrimEnd('.')}); {connections.Dialect.UnavailableHint}.";
        }
        return null;
    }
}
