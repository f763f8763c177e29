using BondBot.Storage.TypeHandlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BondBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        DapperTypeHandlers.Register();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        // The one place the provider is chosen; everything else asks IDbConnections and its SqlDialect.
        services.AddSingleton<IDbConnections>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>();
            return options.Value.IsPostgres ? new PostgresConnections(options) : new SqliteConnections(options);
        });
        services.AddSingleton(provider => provider.GetRequiredService<IDbConnections>().Dialect);
        services.AddSingleton<Migrator>();
        return services;
    }
}
