using BondBot.Storage;

namespace BondBot.Tests.Storage;

/// <summary>Database:Provider and a PostgreSQL connection string are checked before BondBot connects.</summary>
public sealed class DatabaseProviderOptionsTests
{
    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(DatabaseOptions options) =>
        new DatabaseOptionsValidator().Validate(null, options);

    [Fact]
    public void Nothing_set_means_sqlite_and_is_valid()
    {
        var options = new DatabaseOptions();
        Assert.Equal("sqlite", options.Provider);
        Assert.False(options.IsPostgres);
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_two_choices()
    {
        var result = Validate(new DatabaseOptions { Provider = "mysql" });
        Assert.True(result.Failed);
        Assert.Contains("\"sqlite\"", result.FailureMessage);
        Assert.Contains("\"postgres\"", result.FailureMessage);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("Port=5432;Database=bondbot", "no Host")]
    [InlineData("Host=db;Port=notanumber", "not a valid PostgreSQL connection string")]
    public void Postgres_needs_a_connection_string_with_a_host(string? connectionString, string expected)
    {
        var result = Validate(new DatabaseOptions { Provider = "postgres", ConnectionString = connectionString });
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void Postgres_with_an_npgsql_connection_string_is_valid_in_any_case()
    {
        var options = new DatabaseOptions { Provider = "Postgres", ConnectionString = "Host=db.example;Port=5432;Database=bondbot;Username=bondbot;Password=secret" };
        Assert.True(options.IsPostgres);
        Assert.True(Validate(options).Succeeded);
    }
}
