using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Couple;

public static class CoupleServiceCollectionExtensions
{
    public static IServiceCollection AddCouple(this IServiceCollection services)
    {
        services.AddSingleton<CoupleSettingsRepository>();
        services.AddSingleton<CoupleProfiles>();
        services.AddScoped<ISlashCommand, CoupleCommand>();
        return services;
    }
}
