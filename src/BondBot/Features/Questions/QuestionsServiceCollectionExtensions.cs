using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Questions;

public static class QuestionsServiceCollectionExtensions
{
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddSingleton(_ => QuestionDeck.LoadEmbedded());
        services.AddSingleton(_ => RevealFollowUps.LoadEmbedded());
        services.AddSingleton<RoundRepository>();
        services.AddSingleton<SetAsideRepository>();
        services.AddSingleton<RoundCardRepository>();
        services.AddSingleton<RevealedCountsRepository>();
        services.AddSingleton<Pairing.IPairEndHook, RoundsPairEndHook>();
        services.AddSingleton<CustomQuestionRepository>();
        services.AddSingleton<QuestionService>();
        services.AddSingleton<RoundPublisher>();
        services.AddSingleton<Delivery.Outbox.IDeliveryObserver, QuestionCardDeliveries>();
        services.AddScoped<ISlashCommand, QuestionCommand>();
        services.AddScoped<ISlashCommand, DeckCommand>();
        services.AddScoped<IComponentHandler, AnswerButtonHandler>();
        services.AddScoped<IComponentHandler, NewQuestionHandler>();
        services.AddScoped<IComponentHandler, NotYetHandler>();
        services.AddScoped<IComponentHandler, SubmitAnswerHandler>();
        services.AddSingleton<Storage.IPersonalData, QuestionsPersonalData>();
        services.AddSingleton<Memories.IMemorySource, QuestionMemories>();
        services.AddSingleton<Scheduling.IPromptPart, QuestionPromptPart>();
        services.AddSingleton<Scheduling.ISchedulerStep, NudgeStep>();
        return services;
    }
}
