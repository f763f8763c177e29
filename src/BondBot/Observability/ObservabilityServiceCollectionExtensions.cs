using BondBot.Discord.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace BondBot.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>BondBot's instruments always (they cost nothing unheard); the OpenTelemetry pipeline and the Prometheus
    /// scrape endpoint only when <c>Metrics:Port</c> is set, bound to 127.0.0.1 so it is never public by accident.</summary>
    public static HostApplicationBuilder AddObservability(this HostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<BondBotMetrics>();
        var port = builder.Configuration.GetSection(MetricsOptions.SectionName).GetValue<int?>(nameof(MetricsOptions.Port));
        if (port is > 0 and <= 65535)
            builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("bondbot")).WithMetrics(metrics => metrics
                .AddMeter(BondBotMetrics.MeterName, DiscordMetrics.MeterName)
                .AddPrometheusHttpListener(options =>
                {
                    options.Host = "127.0.0.1";
                    options.Port = port.Value;
                    // Each scrape reads the instruments now: a cached answer would hide what just happened.
                    options.ScrapeResponseCacheDurationMilliseconds = 0;
                }));
        return builder;
    }
}

/// <summary>A port outside 1–65535 stops BondBot with one sentence instead of silently serving nothing.</summary>
internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
        options.Port is { } port and (< 1 or > 65535)
            ? ValidateOptionsResult.Fail("Metrics:Port must be a TCP port between 1 and 65535, for example 9464 (or leave it unset for no metrics).")
            : ValidateOptionsResult.Success;
}
