using System.Net.Http.Headers;
using BondBot.Discord.Gateway;
using BondBot.Discord.Interactions;
using BondBot.Discord.RateLimiting;
using BondBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot.Discord;

/// <summary>Registers the Discord client. Uses <c>TryAdd</c> so a host (or a test) can replace parts first.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>The User-Agent Discord requires (Reference §User Agent).</summary>
    public const string UserAgent = "DiscordBot (https://github.com/bondbot/bondbot, 1.0)";

    /// <summary>Adds <see cref="DiscordRestClient"/>, <see cref="ShardedGateway"/> (and its lowest shard's
    /// <see cref="DiscordGatewayClient"/>) and
    /// <see cref="CommandRegistrar"/>, configured from <see cref="DiscordClientOptions"/>.</summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services)
    {
        // Bound from the "Discord" section and checked before anything connects; hosts add their own validators.
        services.AddOptions<DiscordClientOptions>().BindConfiguration(DiscordClientOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordClientOptions>, ShardingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(nameof(DiscordRestClient), (provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<DiscordClientOptions>>().Value;
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                // Our executor enforces its own per-request timeout with the injected clock.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default handler logs request URLs, and interaction URLs contain tokens.
            .RemoveAllLoggers();

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DiscordClientOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            // Discord's global limit is per bot: each of ProcessCount processes takes its share.
            return new GlobalRateLimiter(time, options.ProcessRequestsPerSecond);
        });
        services.TryAddSingleton(provider => new RestRateLimiter(
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<GlobalRateLimiter>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("BondBot.Discord.RateLimit")));
        services.TryAddSingleton(provider => new InvalidRequestGuard(
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger("BondBot.Discord.InvalidRequests")));
        services.TryAddSingleton(new DiscordTiming());
        services.TryAddSingleton(provider => new DiscordRestClient(new RestExecutor(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordRestClient)),
            provider.GetRequiredService<RestRateLimiter>(),
            provider.GetRequiredService<InvalidRequestGuard>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<DiscordTiming>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("BondBot.Discord.Rest")),
            provider.GetService<IOutgoingMessageFilter>()));
        // One transport per connection; a test registers a scripted one first to talk to the client directly.
        services.TryAddTransient<IGatewayTransport, WebSocketTransport>();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DiscordClientOptions>>().Value;
            var timing = provider.GetRequiredService<DiscordTiming>();
            var time = provider.GetRequiredService<TimeProvider>();
            var loggers = provider.GetRequiredService<ILoggerFactory>();
            var identifyQueue = new IdentifyQueue(provider.GetRequiredService<DiscordRestClient>(), timing, time, loggers.CreateLogger("BondBot.Discord.Gateway"));
            var identity = new GatewayIdentity(options.Token, options.Intents);
            return new ShardedGateway(
                (shardId, shardCount) => new DiscordGatewayClient(identifyQueue, provider.GetRequiredService<IGatewayTransport>, identity, timing, time,
                    loggers.CreateLogger($"BondBot.Discord.Gateway.Shard{shardId}"), shardId, shardCount),
                identifyQueue, options, time, loggers.CreateLogger("BondBot.Discord.Gateway"));
        });
        // One shard's session, for code that needs the bot's own identity: this process's lowest shard.
        services.TryAddTransient(provider => provider.GetRequiredService<ShardedGateway>().Primary);
        services.TryAddSingleton<CommandRegistrar>();
        return services;
    }
}
