using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Help;

public static class HelpServiceCollectionExtensions
{
    public static IServiceCollection AddHelp(this IServiceCollection services) =>
        services.AddScoped<ISlashCommand, HelpCommand>()
            .AddSingleton<IGatewayEventHandler, DirectMessageHelp>();
}
