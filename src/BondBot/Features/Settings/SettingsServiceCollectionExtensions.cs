using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Settings;

public static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddSingleton<UserSettingsRepository>();
        services.AddSingleton<SettingsService>();
        services.AddScoped<ISlashCommand, SettingsCommand>();
        services.AddScoped<ISlashCommand, PauseCommand>();
        services.AddScoped<ISlashCommand, ResumeCommand>();
        services.AddSingleton<Storage.IPersonalData, SettingsPersonalData>();
        return services;
    }
}
