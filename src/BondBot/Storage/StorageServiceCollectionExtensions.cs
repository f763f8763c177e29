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
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<Migrator>();
        return services;
    }
}
