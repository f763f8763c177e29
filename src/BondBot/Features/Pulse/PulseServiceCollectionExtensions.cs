using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Pulse;

public static class PulseServiceCollectionExtensions
{
    public static IServiceCollection AddPulse(this IServiceCollection services)
    {
        services.AddSingleton<PulseRepository>();
        services.AddSingleton<PulseService>();
        services.AddSingleton(provider => new PulseIdeas(PulseIdeas.LoadEmbedded(), provider.GetRequiredService<Questions.QuestionDeck>()));
        services.AddScoped<ISlashCommand, PulseCommand>();
        services.AddScoped<IComponentHandler, PulseStartHandler>();
        services.AddScoped<IComponentHandler, PulseRateHandler>();
        // A person's monthly pulse ratings.
        services.AddSingleton<Storage.IPersonalData>(new Storage.TablePersonalData(10, "pulse",
            "SELECT month, trust, knowledge, mutuality, commitment, caring, interdependence FROM pulses WHERE user_id = @userId ORDER BY month",
            "DELETE FROM pulses WHERE user_id = @userId"));
        services.AddSingleton<Scheduling.IPromptPart, PulsePromptPart>();
        return services;
    }
}
