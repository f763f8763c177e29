using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Settings;

public static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddSingleton<UserSettingsRepository>();
        services.AddSingleton<SettingsService>();
        services.AddSingleton<ZoneDirectory>();
        services.AddSingleton<SettingsCards>();
        services.AddScoped<ISlashCommand, SettingsCommand>();
        services.AddScoped<IComponentHandler, ZoneChoiceHandler>();
        services.AddScoped<IComponentHandler, StartCheckInsHandler>();
        services.AddScoped<IComponentHandler, ChooseTimeHandler>();
        services.AddScoped<IComponentHandler, TimeFormHandler>();
        services.AddScoped<ISlashCommand, PauseCommand>();
        services.AddScoped<ISlashCommand, ResumeCommand>();
        // A person's own row (zone, schedule, pause, DM channel), erased last.
        services.AddSingleton<Storage.IPersonalData>(new Storage.TablePersonalData(30, "settings",
            "SELECT time_zone, checkin_time, checkin_days, checkin_time_chosen, paused_until, dm_unreachable_since, created_at FROM users WHERE user_id = @userId",
            "DELETE FROM users WHERE user_id = @userId"));
        return services;
    }
}
