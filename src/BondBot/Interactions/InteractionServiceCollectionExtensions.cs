using BondBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Interactions;

public static class InteractionServiceCollectionExtensions
{
    public static IServiceCollection AddInteractions(this IServiceCollection services)
    {
        services.AddSingleton<RecentInteractions>();
        services.AddSingleton<InteractionRouter>();
        services.AddSingleton<CommandCatalog>();
        return services;
    }
}
