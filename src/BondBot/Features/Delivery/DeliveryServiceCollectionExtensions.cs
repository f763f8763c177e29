using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSingleton<DmChannelRepository>();
        services.AddSingleton<DirectMessenger>();
        services.AddScoped<Interactions.ICommandEpilogue, UnreachableNotice>();
        return services;
    }
}
