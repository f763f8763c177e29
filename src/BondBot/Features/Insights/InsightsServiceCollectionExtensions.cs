using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Insights;

public static class InsightsServiceCollectionExtensions
{
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddScoped<ISlashCommand, InsightsCommand>();
        services.AddSingleton<InsightsPicture>();
        return services;
    }
}
