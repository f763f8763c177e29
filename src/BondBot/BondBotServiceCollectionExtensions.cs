using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Features.Help;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using BondBot.Features.Space;
using BondBot.Features.CheckIns;
using BondBot.Features.Appreciation;
using BondBot.Features.Insights;
using BondBot.Features.Pulse;
using BondBot.Features.Privacy;
using BondBot.Hosting;
using BondBot.Interactions;
using BondBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot;

/// <summary>The composition root: every part of BondBot is registered from here, one call per concern.</summary>
public static class BondBotServiceCollectionExtensions
{
    public static HostApplicationBuilder AddBondBot(this HostApplicationBuilder builder)
    {
        builder.Logging.AddBondBotConsole();
        var services = builder.Services;
        // Two clocks on purpose: TimeProvider drives transport timing (heartbeats, rate limits, timeouts) and stays
        // real in tests; IClock is BondBot's own notion of "now" (schedules, expiry, streaks) that tests control.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NodaTime.IClock>(NodaTime.SystemClock.Instance);
        services.AddSingleton<FatalStop>();
        // Hosted services stop in reverse order: the checkpoint, registered first, runs after everything else stopped.
        services.AddHostedService<DatabaseCheckpoint>();
        services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.SectionName));
        services.AddHostedService<HealthHeartbeat>();

        services.AddOptions<DiscordClientOptions>().Bind(builder.Configuration.GetSection(DiscordClientOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordClientOptions>, DiscordOptionsValidator>();

        services.AddDiscordClient();
        services.AddStorage(builder.Configuration);
        services.AddInteractions();
        services.AddDelivery();
        services.AddHelp();
        services.AddPairing();
        services.AddQuestions();
        services.AddSettings();
        services.AddCheckIns(builder.Configuration);
        services.AddSpaces();
        services.AddAppreciation();
        services.AddInsights();
        services.AddPulse();
        services.AddPrivacy();
        services.AddScheduling(builder.Configuration);
        services.AddHostedService<GatewayWorker>();
        return builder;
    }

    private static void AddBondBotConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        // HttpClient's own logs print request URLs, and interaction callback URLs carry interaction tokens.
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }
}
