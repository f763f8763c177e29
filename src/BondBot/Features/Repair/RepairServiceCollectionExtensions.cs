using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Repair;

public static class RepairServiceCollectionExtensions
{
    public static IServiceCollection AddRepair(this IServiceCollection services)
    {
        services.AddSingleton(_ => RepairDeck.LoadEmbedded());
        services.AddSingleton<RepairRepository>();
        services.AddScoped<ISlashCommand, RepairCommand>();
        services.AddScoped<IComponentHandler, StartUpHandler>();
        services.AddScoped<IComponentHandler, StartUpEditHandler>();
        services.AddScoped<IComponentHandler, StartUpFormHandler>();
        services.AddScoped<IComponentHandler, PauseHandler>();
        services.AddScoped<IComponentHandler, PauseForHandler>();
        services.AddScoped<IComponentHandler, AttemptHandler>();
        services.AddScoped<IComponentHandler, AttemptCardHandler>();
        services.AddScoped<IComponentHandler, OwnWordsHandler>();
        services.AddScoped<IComponentHandler, AttemptFormHandler>();
        services.AddScoped<IComponentHandler, SendHandler>();
        services.AddScoped<IComponentHandler, KeepHandler>();
        services.AddScoped<IComponentHandler, RepairThanksHandler>();
        services.AddSingleton<Storage.IPersonalData, RepairPersonalData>();
        services.AddSingleton<Story.IStorySource, RepairStory>();
        return services;
    }
}
