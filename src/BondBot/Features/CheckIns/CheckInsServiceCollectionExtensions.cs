using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.CheckIns;

public static class CheckInsServiceCollectionExtensions
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddSingleton<CheckInRepository>();
        services.AddSingleton<CheckInService>();
        services.AddScoped<ISlashCommand, CheckInCommand>();
        services.AddScoped<IComponentHandler, MoodButtonHandler>();
        services.AddScoped<IComponentHandler, CheckInNotesHandler>();
        services.AddSingleton<Storage.IPersonalData, CheckInsPersonalData>();
        services.AddSingleton<Scheduling.IPromptPart, CheckInPromptPart>();
        return services;
    }
}
