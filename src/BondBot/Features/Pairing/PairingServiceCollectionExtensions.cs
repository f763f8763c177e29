using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Pairing;

public static class PairingServiceCollectionExtensions
{
    public static IServiceCollection AddPairing(this IServiceCollection services)
    {
        services.AddSingleton<PairingRepository>();
        services.AddSingleton<InviteLimitsRepository>();
        services.AddSingleton<PairingService>();
        services.AddScoped<ISlashCommand, PairCommand>();
        services.AddScoped<ISlashCommand, UnpairCommand>();
        services.AddScoped<IComponentHandler, InviteResponseHandler.Accept>();
        services.AddScoped<IComponentHandler, InviteResponseHandler.Decline>();
        services.AddScoped<IComponentHandler, InviteResponseHandler.Block>();
        services.AddScoped<IComponentHandler, UnpairConfirmHandler>();
        services.AddScoped<IComponentHandler, UnpairConfirmHandler.Keep>();
        services.AddSingleton<Storage.IPersonalData, PairingPersonalData>();
        return services;
    }
}
