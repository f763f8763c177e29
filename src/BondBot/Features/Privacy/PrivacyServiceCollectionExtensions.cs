using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<PrivacyExport>();
        services.AddSingleton<PrivacyEraser>();
        services.AddScoped<ISlashCommand, PrivacyCommand>();
        services.AddScoped<IComponentHandler, PrivacyDeleteHandler>();
        return services;
    }
}
