using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Appreciation;

public static class AppreciationServiceCollectionExtensions
{
    public static IServiceCollection AddAppreciation(this IServiceCollection services)
    {
        services.AddSingleton<AppreciationRepository>();
        services.AddScoped<ISlashCommand, AppreciateCommand>();
        services.AddScoped<IComponentHandler, ThankYouHandler>();
        services.AddSingleton<Storage.IPersonalData, AppreciationPersonalData>();
        services.AddSingleton<Story.IStorySource, AppreciationStory>();
        return services;
    }
}
