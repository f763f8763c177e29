using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Notes;

public static class NotesServiceCollectionExtensions
{
    public static IServiceCollection AddNotes(this IServiceCollection services)
    {
        services.AddSingleton<NoteTimes>();
        services.AddSingleton<NoteRepository>();
        services.AddScoped<ThinkingSender>();
        services.AddScoped<ISlashCommand, NoteCommand>();
        services.AddScoped<ISlashCommand, ThinkingCommand>();
        services.AddScoped<IComponentHandler, OpenNoteHandler>();
        services.AddScoped<IComponentHandler, ThinkingButtonHandler>();
        services.AddSingleton<CheckIns.ICheckInPromptExtra, ThinkingPromptExtra>();
        services.AddSingleton<Storage.IPersonalData, NotePersonalData>();
        services.AddSingleton<Story.IStorySource, NoteStory>();
        return services;
    }
}
