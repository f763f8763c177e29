using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Story;

public static class StoryServiceCollectionExtensions
{
    /// <summary>The readable story; the revealed rounds come from every <c>/memories</c> source, and the features with
    /// notes or visits register their own <see cref="IStorySource"/>.</summary>
    public static IServiceCollection AddStory(this IServiceCollection services)
    {
        services.AddSingleton<StoryNames>();
        services.AddSingleton<OurStory>();
        services.AddSingleton<IStorySource, RoundsStory>();
        return services;
    }
}
