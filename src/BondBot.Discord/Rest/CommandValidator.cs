using System.Text.RegularExpressions;

namespace BondBot.Discord.Rest;

/// <summary>Checks command definitions against Application Commands §Application Command Naming and
/// §Application Command Structure before they are registered.</summary>
internal static partial class CommandValidator
{
    private const int MaxCommands = 100;
    private const int MaxOptions = 25;
    private const int MaxCommandCharacters = 8000;

    public static void Validate(IReadOnlyList<ApplicationCommand> commands)
    {
        if (commands.Count > MaxCommands)
            throw new DiscordLimitException("commands", $"at most {MaxCommands} chat-input commands");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            var path = $"commands.{command.Name}";
            Name(command.Name, path);
            if (!names.Add(command.Name))
                throw new DiscordLimitException(path, "command names must be unique");
            Description(command.Description, path);
            var total = command.Name.Length + command.Description.Length + Options(command.Options, path);
            if (total > MaxCommandCharacters)
                throw new DiscordLimitException(path, $"names, descriptions and choice values together must be at most {MaxCommandCharacters} characters, were {total}");
        }
    }

    private static int Options(IReadOnlyList<CommandOption>? options, string path)
    {
        if (options is null) return 0;
        if (options.Count > MaxOptions)
            throw new DiscordLimitException(path + ".options", $"at most {MaxOptions} options");
        var total = 0;
        var seenOptional = false;
        foreach (var option in options)
        {
            var at = $"{path}.{option.Name}";
            Name(option.Name, at);
            Description(option.Description, at);
            var required = option.Required == true;
            if (required && seenOptional)
                throw new DiscordLimitException(at, "required options must come before optional ones");
            seenOptional |= !required;
            if (option.Autocomplete == true && option.Choices is { Count: > 0 })
                throw new DiscordLimitException(at, "autocomplete cannot be combined with choices");
            if (option.Choices is { } choices)
            {
                PayloadValidator.ValidateChoices(choices, at + ".choices");
                total += choices.Sum(c => c.Name.Length + c.Value.ToString().Length);
            }
            total += option.Name.Length + option.Description.Length + Options(option.Options, at);
        }
        return total;
    }

    private static void Name(string name, string path)
    {
        if (!NamePattern().IsMatch(name) || name != name.ToLowerInvariant())
            throw new DiscordLimitException(path + ".name", "1–32 lower-case letters, digits, '-', '_' or '''");
    }

    private static void Description(string description, string path)
    {
        if (string.IsNullOrWhiteSpace(description) || description.Length > 100)
            throw new DiscordLimitException(path + ".description", "1–100 characters");
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
