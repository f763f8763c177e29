using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Guess;

public static class GuessServiceCollectionExtensions
{
    public static IServiceCollection AddGuess(this IServiceCollection services)
    {
        services.AddSingleton(_ => GuessDeck.LoadEmbedded());
        services.AddSingleton<GuessRepository>();
        services.AddSingleton<GuessService>();
        services.AddScoped<ISlashCommand, GuessCommand>();
        services.AddScoped<IComponentHandler, GuessAnswerButtonHandler>();
        services.AddScoped<IComponentHandler, GuessPickHandler>();
        services.AddScoped<IComponentHandler, GuessOwnWordsHandler>();
        services.AddScoped<IComponentHandler, GuessMarkHandler>();
        services.AddScoped<IComponentHandler, GuessSubmitAnswerHandler>();
        services.AddScoped<IComponentHandler, GuessSubmitGuessHandler>();
        services.AddSingleton<Storage.IPersonalData, GuessPersonalData>();
        services.AddSingleton<Memories.IMemorySource, GuessMemories>();
        return services;
    }
}
