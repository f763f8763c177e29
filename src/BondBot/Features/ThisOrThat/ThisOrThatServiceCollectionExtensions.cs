using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.ThisOrThat;

public static class ThisOrThatServiceCollectionExtensions
{
    public static IServiceCollection AddThisOrThat(this IServiceCollection services)
    {
        services.AddSingleton(_ => ThisOrThatDeck.LoadEmbedded());
        services.AddSingleton<ThisOrThatRepository>();
        services.AddSingleton<ThisOrThatService>();
        services.AddScoped<ISlashCommand, ThisOrThatCommand>();
        services.AddScoped<IComponentHandler, PlayButtonHandler>();
        services.AddScoped<IComponentHandler, PickButtonHandler>();
        services.AddSingleton<Storage.IPersonalData, ThisOrThatPersonalData>();
        services.AddSingleton<Memories.IMemorySource, ThisOrThatMemories>();
        return services;
    }
}
