using BondBot.Discord;
using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BondBot.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>The host's own parts: clocks, the gateway worker and command registration, the heartbeat file, the
    /// shutdown checkpoint, and BondBot's checks of the Discord settings.</summary>
    public static IServiceCollection AddHosting(this IServiceCollection services)
    {
        // Two clocks on purpose: TimeProvider drives transport timing (heartbeats, rate limits, timeouts) and stays
        // real in tests; IClock is BondBot's own notion of "now" (schedules, expiry, streaks) that tests control.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NodaTime.IClock>(NodaTime.SystemClock.Instance);
        services.AddSingleton<FatalStop>();
        // Hosted services stop in reverse order: the checkpoint, registered first, runs after everything else stopped.
        services.AddHostedService<DatabaseCheckpoint>();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.AddHostedService<HealthHeartbeat>();
        services.AddSingleton<IValidateOptions<DiscordClientOptions>, DiscordOptionsValidator>();
        services.AddSingleton<IGatewayEventHandler, CommandRegistration>();
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton<CommandMentions>();
        services.AddSingleton<Discord.Rest.IOutgoingMessageFilter>(provider => provider.GetRequiredService<CommandMentions>());
        return services;
    }

    /// <summary>Last, so every feature's gateway event handlers are registered before the worker starts.</summary>
    public static IServiceCollection AddGatewayWorker(this IServiceCollection services) => services.AddHostedService<GatewayWorker>();
}

/// <summary>The heartbeat file is optional; when set, it is touched at a sane interval.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.Interval < TimeSpan.FromMilliseconds(100) || options.Interval > TimeSpan.FromMinutes(10)
            ? ValidateOptionsResult.Fail("Health:Interval must be between 00:00:00.1 and 00:10:00, for example 00:00:30.")
            : ValidateOptionsResult.Success;
}
