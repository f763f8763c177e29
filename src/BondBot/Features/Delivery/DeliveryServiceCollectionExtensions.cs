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
        // The ledger of prompts, nudges, rituals and care messages sent to a person (kinds and days only).
        services.AddSingleton<Storage.IPersonalData>(new Storage.TablePersonalData(10, "prompts_sent_to_you",
            "SELECT local_date, kind, status, due_at, updated_at FROM prompt_ledger WHERE user_id = @userId ORDER BY local_date, kind",
            "DELETE FROM prompt_ledger WHERE user_id = @userId"));
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
