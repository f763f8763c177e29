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
        var diff = Diff(current, commands);
        // Said before the overwrite, so a deploy that changes more than intended is visible in the log even if the
        // overwrite itself fails.
        logger.LogInformation("Commands {Scope} differ from what Discord has: added [{Added}], changed [{Changed}], removed [{Removed}]; overwriting",
            Scope(guildId), string.Join(", ", diff.Added), string.Join(", ", diff.Changed), string.Join(", ", diff.Removed));
        var registered = await rest.OverwriteCommandsAsync(applicationId, guildId, commands, cancellationToken);
        logger.LogInformation("Registered {Count} commands {Scope}", commands.Count, Scope(guildId));
        return registered;
    }

    /// <summary>Command names only in <paramref name="wanted"/>, in both but defined differently, and only in
    /// <paramref name="current"/> (what an overwrite would add, change and remove).</summary>
    public static CommandDiff Diff(IReadOnlyList<ApplicationCommand> current, IReadOnlyList<ApplicationCommand> wanted)
    {
        var before = current.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var after = wanted.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return new CommandDiff(
            after.Keys.Where(n => !before.ContainsKey(n)).Order(StringComparer.Ordinal).ToList(),
            after.Keys.Where(n => before.TryGetValue(n, out var old) && Canonical([old]) != Canonical([after[n]])).Order(StringComparer.Ordinal).ToList(),
            before.Keys.Where(n => !after.ContainsKey(n)).Order(StringComparer.Ordinal).ToList());
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

/// <summary>What a command overwrite changes, by command name.</summary>
public sealed record CommandDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed)
{
    /// <summary>True when the overwrite would change nothing.</summary>
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
}
