using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Features.Switches;

public static class SwitchesServiceCollectionExtensions
{
    /// <summary>Per-server feature switches: a low folder, so every feature can consult them and <c>Admin</c> (at the
    /// top) can change them without a cycle.</summary>
    public static IServiceCollection AddSwitches(this IServiceCollection services)
    {
        services.AddSingleton<ServerFeatureRepository>();
        services.AddSingleton<IServerFeatures>(provider => provider.GetRequiredService<ServerFeatureRepository>());
        return services;
    }
}
