using BondBot.Discord;
using BondBot.Hosting;
using BondBot.Storage;

namespace BondBot.Tests.Hosting;

public sealed class OptionsValidationTests
{
    private static DiscordClientOptions Valid() => new() { Token = "MTA.secret-token.value" };

    [Fact]
    public void Valid_discord_settings_pass()
    {
        Assert.True(new DiscordOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Missing_token_names_the_setting_and_the_environment_variable()
    {
        var options = Valid();
        options.Token = " ";
        var result = new DiscordOptionsValidator().Validate(null, options);

        var message = Assert.Single(result.Failures!);
        Assert.StartsWith("Discord:Token is not set", message);
        Assert.Contains("DISCORD_TOKEN", message);
    }

    [Theory]
    [InlineData("http://discord.example/api/v10", false)]
    [InlineData("http://127.0.0.1:5000/api/v10", true)]
    [InlineData("http://localhost:5000/api/v10", true)]
    [InlineData("https://discord.com/api/v10", true)]
    public void The_token_only_travels_over_https_or_to_this_machine(string url, bool accepted)
    {
        var options = Valid();
        options.ApiBaseUrl = url;
        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted) Assert.Contains("https", Assert.Single(result.Failures!));
    }

    [Fact]
    public void A_malformed_token_is_refused_without_echoing_it()
    {
        var options = Valid();
        options.Token = "Bot abc.def";
        var message = Assert.Single(new DiscordOptionsValidator().Validate(null, options).Failures!);

        Assert.Contains("Discord:Token is malformed", message);
        Assert.DoesNotContain("abc.def", message);
    }

    [Theory]
    [InlineData("not a url", "Discord:ApiBaseUrl")]
    [InlineData("ftp://discord.com/api/v10", "Discord:ApiBaseUrl")]
    public void Malformed_api_base_url_is_refused(string url, string setting)
    {
        var options = Valid();
        options.ApiBaseUrl = url;
        Assert.StartsWith(setting, Assert.Single(new DiscordOptionsValidator().Validate(null, options).Failures!));
    }

    [Theory]
    [InlineData("my-server")]
    [InlineData("0")]
    [InlineData("-5")]
    public void Malformed_dev_guild_id_is_refused(string value)
    {
        var options = Valid();
        options.DevGuildId = value;
        Assert.StartsWith("Discord:DevGuildId", Assert.Single(new DiscordOptionsValidator().Validate(null, options).Failures!));
    }

    [Fact]
    public void Dev_guild_id_above_two_to_the_63_is_accepted()
    {
        var options = Valid();
        options.DevGuildId = "18446744073709551000";
        Assert.True(new DiscordOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(18446744073709551000UL, options.DevGuild);
    }

    [Fact]
    public void Database_defaults_to_a_file_in_the_data_folder()
    {
        var options = new DatabaseOptions();
        Assert.True(new DatabaseOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal($"Data Source={Path.Combine("./data", "bondbot.db")}", options.ResolveConnectionString());
    }

    [Theory]
    [InlineData("Mode=ReadOnly", "no Data Source")]
    [InlineData("Data Source=x.db;Bogus Key=1", "not a valid SQLite connection string")]
    public void Malformed_connection_strings_are_refused(string connectionString, string expected)
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { ConnectionString = connectionString });
        Assert.Contains(expected, Assert.Single(result.Failures!));
    }
}
