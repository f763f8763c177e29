using BondBot.Hosting;
using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Space;

public static class SpaceServiceCollectionExtensions
{
    public static IServiceCollection AddSpaces(this IServiceCollection services)
    {
        services.AddSingleton<SpaceRepository>();
        services.AddSingleton<PairDelivery>();
        services.AddScoped<ISlashCommand, SpaceCommand>();
        services.AddScoped<IComponentHandler, SpaceCloseHandler>();
        services.AddSingleton<IGatewayEventHandler, SpaceDeletedHandler>();
        return services;
    }
}
