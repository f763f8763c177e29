using BondBot.Features.Delivery.Outbox;
using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSingleton<DmChannelRepository>();
        services.AddSingleton<DirectMessenger>();
        services.AddSingleton<ChannelMessenger>();
        services.AddSingleton<GuildChannels>();
        services.AddSingleton<PromptLedger>();
        services.AddSingleton<Storage.IPersonalData, LedgerPersonalData>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker>());
        services.AddScoped<Reachability>();
        services.AddScoped<IInteractionObserver>(provider => provider.GetRequiredService<Reachability>());
        services.AddScoped<ICommandEpilogue>(provider => provider.GetRequiredService<Reachability>());
        services.AddSingleton<Storage.IPersonalData, DeliveryPersonalData>();
        return services;
    }
}
