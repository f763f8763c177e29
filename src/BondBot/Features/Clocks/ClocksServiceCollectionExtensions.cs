using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Clocks;

public static class ClocksServiceCollectionExtensions
{
    /// <summary><c>/us</c> and the clock-change heads-up. Other features add lines to <c>/us</c> by registering an
    /// <see cref="IUsLine"/>.</summary>
    public static IServiceCollection AddClocks(this IServiceCollection services)
    {
        services.AddSingleton<ClockPairsRepository>();
        services.AddScoped<ISlashCommand, UsCommand>();
        services.AddSingleton<Scheduling.ISchedulerStep, ClockChangeStep>();
        return services;
    }
}
