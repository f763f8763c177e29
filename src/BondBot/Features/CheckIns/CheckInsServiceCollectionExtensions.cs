using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.CheckIns;

public static class CheckInsServiceCollectionExtensions
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddSingleton<CheckInRepository>();
        services.AddSingleton<CheckInService>();
        services.AddSingleton<DailyCheckInMessage>();
        services.AddSingleton(_ => CheckInPrompts.LoadEmbedded());
        services.AddSingleton<CheckInAudiences>();
        services.AddScoped<ISlashCommand, CheckInCommand>();
        services.AddScoped<IComponentHandler, MoodButtonHandler>();
        services.AddScoped<IComponentHandler, CheckInNotesHandler>();
        services.AddScoped<IComponentHandler, ChangeCheckInHandler>();
        services.AddScoped<IComponentHandler, ImHereHandler>();
        // A person's check-ins: moods and what they wrote.
        services.AddSingleton<Storage.IPersonalData>(new Storage.TablePersonalData(10, "checkins",
            "SELECT local_date, mood, good_thing, stress, need, updated_at, partner_here_at FROM checkins WHERE user_id = @userId ORDER BY local_date",
            "DELETE FROM checkins WHERE user_id = @userId"));
        services.AddSingleton<Scheduling.IPromptPart, CheckInPromptPart>();
        return services;
    }
}
