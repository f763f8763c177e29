using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BondBot.Storage;

/// <summary>Turns a malformed database setting into one sentence that says how to fix it.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
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
