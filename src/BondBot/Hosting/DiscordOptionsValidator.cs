using BondBot.Discord;
using Microsoft.Extensions.Options;

namespace BondBot.Hosting;

/// <summary>Checks the Discord section and says, in one sentence each, which setting is wrong and how to set it.
/// Messages never contain the token's value.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordClientOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
            failures.Add("Discord:Token is not set; put your bot token from the Discord Developer Portal in the DISCORD_TOKEN environment variable (or Discord__Token).");
        else if (options.Token.Any(char.IsWhiteSpace))
            failures.Add("Discord:Token is malformed; copy the token from the Bot page of the Developer Portal exactly, without spaces or a \"Bot \" prefix.");

        // The token travels in every request's Authorization header: plain http only to this machine (a local test server).
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || !(api.Scheme == "https" || api.Scheme == "http" && api.IsLoopback))
            failures.Add($"Discord:ApiBaseUrl must be an absolute https URL such as {DiscordClientOptions.DefaultApiBaseUrl} (plain http only for a server on this machine, e.g. http://127.0.0.1).");

        if (!string.IsNullOrWhiteSpace(options.DevGuildId) && options.DevGuild is null or 0)
            failures.Add("Discord:DevGuildId must be a guild id (a number like 123456789012345678; enable Developer Mode in Discord and use Copy Server ID), or left empty.");

        if (options.GlobalRequestsPerSecond is < 1 or > 50)
            failures.Add("Discord:GlobalRequestsPerSecond must be between 1 and 50 (Discord allows 50 per second).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
