using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.CheckIns;

public static class CheckInsServiceCollectionExtensions
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<Care.CareOptions>().Bind(configuration.GetSection(Care.CareOptions.SectionName));
        services.AddSingleton<Care.CareService>();
        services.AddSingleton<CheckInRepository>();
        services.AddSingleton<CheckInService>();
        services.AddScoped<ISlashCommand, CheckInCommand>();
        services.AddScoped<IComponentHandler, MoodButtonHandler>();
        services.AddScoped<IComponentHandler, CheckInNotesHandler>();
        services.AddSingleton<Storage.IPersonalData, CheckInsPersonalData>();
        return services;
    }
}
