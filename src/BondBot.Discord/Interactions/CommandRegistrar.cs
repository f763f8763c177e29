using System.Text.Json;
using BondBot.Discord.Json;
using BondBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace BondBot.Discord.Interactions;

/// <summary>
/// Registers the bot's commands with one bulk overwrite (Application Commands §Bulk Overwrite), and only when they
/// differ from what Discord already has: overwrites of new names count toward the 200-creates-a-day limit.
/// </summary>
public sealed class CommandRegistrar(DiscordRestClient rest, ILogger<CommandRegistrar> logger)
{
    /// <summary>Makes Discord's command set equal <paramref name="commands"/> and returns it as Discord has it, with
    /// the ids command mentions (<c>&lt;/name:id&gt;</c>) need.</summary>
    public async Task<IReadOnlyList<ApplicationCommand>> EnsureAsync(ulong applicationId, ulong? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var current = await rest.GetCommandsAsync(applicationId, guildId, cancellationToken);
        if (Canonical(current) == Canonical(commands))
        {
            logger.LogInformation("{Count} commands already registered {Scope}; nothing to change", commands.Count, Scope(guildId));
            return current;
        }
        var registered = await rest.OverwriteCommandsAsync(applicationId, guildId, commands, cancellationToken);
        logger.LogInformation("Registered {Count} commands {Scope}", commands.Count, Scope(guildId));
        return registered;
    }

    private static string Scope(ulong? guildId) => guildId is null ? "globally" : $"in guild {guildId}";

    // The same definition in a comparable form: sorted, ids dropped, defaults (false, empty) treated as absent.
    internal static string Canonical(IEnumerable<ApplicationCommand> commands)
    {
        var normalized = commands
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c with
            {
                Id = null,
                Options = Normalize(c.Options),
                Contexts = c.Contexts is { Count: > 0 } ? c.Contexts.Order().ToList() : null,
                IntegrationTypes = c.IntegrationTypes is { Count: > 0 } ? c.IntegrationTypes.Order().ToList() : null,
            })
            .ToList();
        return JsonSerializer.Serialize(normalized, DiscordJson.Default.ListApplicationCommand);
    }

    private static List<CommandOption>? Normalize(IReadOnlyList<CommandOption>? options) =>
        options is not { Count: > 0 } ? null : options.Select(o => o with
        {
            Required = o.Required == true ? true : null,
            Autocomplete = o.Autocomplete == true ? true : null,
            Choices = o.Choices is { Count: > 0 } ? o.Choices : null,
            Options = Normalize(o.Options),
        }).ToList();
}
