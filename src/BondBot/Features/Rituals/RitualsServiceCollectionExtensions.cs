using BondBot.Features.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Rituals;

public static class RitualsServiceCollectionExtensions
{
    /// <summary>The ritual ideas and the weekly ritual part of the daily prompt.</summary>
    public static IServiceCollection AddRituals(this IServiceCollection services)
    {
        services.AddSingleton(_ => RitualDeck.LoadEmbedded());
        services.AddSingleton<IPromptPart, RitualPromptPart>();
        return services;
    }
}
