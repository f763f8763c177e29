using BondBot.Features.Admin.Doctor;
using BondBot.Hosting;
using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BondBot.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>/admin (doctor, status, feature switches) and the database-backed gauges. Registered near the end: it
    /// reads what lower features own and nothing depends on it.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<IGatewayShards, ShardedGatewayShards>();
        services.AddSingleton<OperatorCounts>();
        services.AddSingleton<SpacePlaceReader>();
        services.AddSingleton<IDoctorCheck, SpacePermissionsCheck>();
        services.AddSingleton<IDoctorCheck, SpaceCategoryCheck>();
        services.AddSingleton<IDoctorCheck, CommandsCheck>();
        services.AddSingleton<IDoctorCheck, ClosedDmsCheck>();
        services.AddSingleton<IDoctorCheck, SchedulerCheck>();
        services.AddSingleton<IDoctorCheck, OutboxCheck>();
        services.AddSingleton<IDoctorCheck, DatabaseCheck>();
        services.AddSingleton<DoctorReport>();
        services.AddSingleton<StatusReport>();
        services.AddScoped<ISlashCommand, AdminCommand>();
        services.AddHostedService<OperatorGauges>();
        return services;
    }
}
