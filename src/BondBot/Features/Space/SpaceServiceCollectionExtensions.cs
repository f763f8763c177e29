using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Space;

public static class SpaceServiceCollectionExtensions
{
    public static IServiceCollection AddSpaces(this IServiceCollection services)
    {
        services.AddSingleton<SpaceRepository>();
        services.AddSingleton<IPairSpaces, SpaceGuard>();
        services.AddSingleton<IPairEndHook, SpacePairEndHook>();
        services.AddScoped<ISlashCommand, SpaceCommand>();
        services.AddScoped<IComponentHandler, SpaceCloseHandler>();
        services.AddScoped<IComponentHandler, SpaceRequestHandler.Agree>();
        services.AddScoped<IComponentHandler, SpaceRequestHandler.NotNow>();
        services.AddSingleton<IGatewayEventHandler, SpaceDeletedHandler>();
        services.AddSingleton<Storage.IPersonalData, SpacePersonalData>();
        return services;
    }
}
