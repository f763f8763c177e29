using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BondBot.Storage;

/// <summary>Turns a malformed database setting into one sentence that says how to fix it.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!string.Equals(options.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
            return ValidateOptionsResult.Fail($"Database:Provider must be \"sqlite\" (the default) or \"postgres\", not \"{options.Provider}\".");
        return options.IsPostgres ? ValidatePostgres(options) : ValidateSqlite(options);
    }

    private static ValidateOptionsResult ValidatePostgres(DatabaseOptions options)
    {
        const string Example = "\"Host=db.example;Port=5432;Database=bondbot;Username=bondbot;Password=…\"";
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"Database:Provider is postgres, so Database:ConnectionString is required, in Npgsql's format, for example {Example}.");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
                return ValidateOptionsResult.Fail($"Database:ConnectionString has no Host; use a form like {Example}.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            return ValidateOptionsResult.Fail($"Database:ConnectionString is not a valid PostgreSQL connection string ({e.Message.TrimEnd('.')}); use a form like {Example}.");
        }
        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidateSqlite(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.DataDirectory))
            return ValidateOptionsResult.Fail(
                "Database:DataDirectory is empty; set it to a writable folder (for example Database__DataDirectory=/data) or set Database:ConnectionString.");
        if (options.BusyTimeoutMs is < 0 or > 600_000)
            return ValidateOptionsResult.Fail("Database:BusyTimeoutMs must be between 0 and 600000 milliseconds, for example 5000.");
        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ResolveConnectionString());
            if (string.IsNullOrWhiteSpace(builder.DataSource))
                return ValidateOptionsResult.Fail(
                    "Database:ConnectionString has no Data Source; use a form like \"Data Source=/data/bondbot.db\".");
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail(
                "Database:ConnectionString is not a valid SQLite connection string; use a form like \"Data Source=/data/bondbot.db\".");
        }
        return ValidateOptionsResult.Success;
    }
}
