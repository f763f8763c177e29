using BondBot.Discord;

using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Interactions;

/// <summary>Every slash command's definition, as registered with Discord: usable in guilds and in the bot's DMs.</summary>
public sealed class CommandCatalog
{
    private static readonly IReadOnlyList<int> GuildInstall = [0];
    private static readonly IReadOnlyList<int> GuildAndBotDm = [0, 1];

    private readonly Lazy<IReadOnlyList<ApplicationCommand>> _definitions;

    // Commands may be scoped (they take repositories), so their definitions are read from a scope of their own,
    // lazily, because /help itself lists the catalog.
    public CommandCatalog(IServiceScopeFactory scopes) => _definitions = new(() => Read(scopes));

    public IReadOnlyList<ApplicationCommand> Definitions => _definitions.Value;

    /// <summary>Whether a command exists, so messages only point people at commands that do.</summary>
    public bool Has(string name) => Definitions.Any(c => c.Name == name);

    private static IReadOnlyList<ApplicationCommand> Read(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetServices<ISlashCommand>()
            .Select(c => c.Definition with
            {
                IntegrationTypes = c.Definition.IntegrationTypes ?? GuildInstall,
                Contexts = c.Definition.Contexts ?? GuildAndBotDm,
            })
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }
}
