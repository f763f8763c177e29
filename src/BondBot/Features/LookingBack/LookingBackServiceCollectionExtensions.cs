using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.LookingBack;

public static class LookingBackServiceCollectionExtensions
{
    /// <summary>On this day: an old question back in the daily prompt, and its "Ask it again" button. Its own folder, not
    /// Memories: it opens rounds through Questions, and Questions already points at Memories (its <c>IMemorySource</c>).</summary>
    public static IServiceCollection AddLookingBack(this IServiceCollection services)
    {
        services.AddSingleton<OnThisDayRepository>();
        services.AddSingleton<Scheduling.IPromptPart, OnThisDayPromptPart>();
        services.AddScoped<IComponentHandler, AskAgainHandler>();
        services.AddSingleton<Storage.IPersonalData, LookingBackPersonalData>();
        return services;
    }
}
