using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace BondBot.Hosting;

/// <summary>
/// Lets the token come from <c>DISCORD_TOKEN</c>, the name most bot hosts use. It sits just before the
/// general environment variables, so <c>Discord__Token</c> and the command line still win, in the usual
/// .NET order.
/// </summary>
public static class TokenEnvironmentAlias
{
    public const string VariableName = "DISCORD_TOKEN";

    public static void AddDiscordTokenAlias(this IConfigurationManager configuration, Func<string, string?>? readVariable = null)
    {
        var token = (readVariable ?? Environment.GetEnvironmentVariable)(VariableName);
        if (string.IsNullOrEmpty(token))
            return;
        var alias = new MemoryConfigurationSource { InitialData = [new("Discord:Token", token)] };
        var sources = configuration.Sources;
        var environmentIndex = -1;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                environmentIndex = i;
                break;
            }
        }
        if (environmentIndex < 0)
            sources.Add(alias);
        else
            sources.Insert(environmentIndex, alias);
    }
}
