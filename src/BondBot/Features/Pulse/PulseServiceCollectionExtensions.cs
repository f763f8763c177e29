using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Pulse;

public static class PulseServiceCollectionExtensions
{
    public static IServiceCollection AddPulse(this IServiceCollection services)
    {
        services.AddSingleton<PulseRepository>();
        services.AddSingleton<PulseService>();
        services.AddScoped<ISlashCommand, PulseCommand>();
        services.AddScoped<IComponentHandler, PulseStartHandler>();
        services.AddScoped<IComponentHandler, PulseRateHandler>();
        services.AddSingleton<Storage.IPersonalData, PulsePersonalData>();
        services.AddSingleton<Scheduling.IPromptPart, PulsePromptPart>();
        return services;
    }
}
