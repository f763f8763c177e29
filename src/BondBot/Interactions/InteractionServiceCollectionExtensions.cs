using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BondBot.Interactions;

public static class InteractionServiceCollectionExtensions
{
    public static IServiceCollection AddInteractions(this IServiceCollection services)
    {
        services.AddOptions<InteractionOptions>().BindConfiguration(InteractionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InteractionOptions>, InteractionOptionsValidator>();
        services.AddSingleton<RecentInteractions>();
        services.AddSingleton<UserRateLimits>();
        services.AddSingleton<InteractionRouter>();
        return services;
    }
}
