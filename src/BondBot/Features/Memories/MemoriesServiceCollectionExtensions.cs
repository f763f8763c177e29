using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Memories;

public static class MemoriesServiceCollectionExtensions
{
    /// <summary>The book of memories; the features whose rounds belong in it register their <see cref="IMemorySource"/>.</summary>
    public static IServiceCollection AddMemories(this IServiceCollection services)
    {
        services.AddSingleton<MemoryBook>();
        services.AddScoped<ISlashCommand, MemoriesCommand>();
        services.AddScoped<IComponentHandler, MemoryPageHandler>();
        return services;
    }
}
