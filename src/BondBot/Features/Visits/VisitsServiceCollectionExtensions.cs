using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Visits;

public static class VisitsServiceCollectionExtensions
{
    public static IServiceCollection AddVisits(this IServiceCollection services)
    {
        services.AddSingleton<VisitRepository>();
        services.AddSingleton<VisitService>();
        services.AddScoped<ISlashCommand, VisitCommand>();
        services.AddSingleton<CheckIns.ICheckInPromptExtra, VisitPromptExtra>();
        services.AddSingleton<Clocks.IUsLine, VisitUsLine>();
        services.AddSingleton<Storage.IPersonalData, VisitPersonalData>();
        services.AddSingleton<Story.IStorySource, VisitStory>();
        return services;
    }
}
