using BondBot.Features.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.WeekTogether;

public static class WeekTogetherServiceCollectionExtensions
{
    /// <summary>"Your week together": the weekly picture that rides on the ritual day's prompt.</summary>
    public static IServiceCollection AddWeekTogether(this IServiceCollection services)
    {
        services.AddSingleton<WeekFactsReader>();
        services.AddSingleton<IPromptPart, WeekCardPromptPart>();
        return services;
    }
}
