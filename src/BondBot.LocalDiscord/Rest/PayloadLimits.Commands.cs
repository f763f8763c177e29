using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BondBot.FakeDiscord;

/// <summary>Application command definitions (Application Commands §Application Command Naming, §Structures, limits).</summary>
internal static partial class PayloadLimits
{
    private const int ChatInput = 1;

    public static void Commands(JsonArray commands, Dictionary<string, string> errors)
    {
        var byType = commands.GroupBy(c => c?["type"]?.GetValue<int>() ?? ChatInput).ToDictionary(g => g.Key, g => g.Count());
        if (byType.GetValueOrDefault(ChatInput) > 100) errors["_errors"] = "Maximum number of application commands reached (100).";
        if (byType.GetValueOrDefault(2) > 15 || byType.GetValueOrDefault(3) > 15) errors["_errors"] = "Maximum number of user or message commands reached (15).";
        var names = new HashSet<(int, string)>();
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is not JsonObject c) { errors[$"{i}"] = "Expected an object."; continue; }
            var type = c["type"]?.GetValue<int>() ?? ChatInput;
            var name = c["name"]?.GetValue<string>() ?? "";
            var description = c["description"]?.GetValue<string>() ?? "";
            if (type is < 1 or > 4) { errors[$"{i}.type"] = "Value must be one of (1, 2, 3, 4)."; continue; }
            if (type == ChatInput)
            {
                if (!IsChatInputName(name)) errors[$"{i}.name"] = "Invalid application command name (lower case, ^[-_'\\p{L}\\p{N}]{1,32}$).";
                if (description.Length is 0 or > 100) errors[$"{i}.description"] = "Must be between 1 and 100 in length.";
            }
            else
            {
                if (name.Length is 0 or > 32) errors[$"{i}.name"] = "Must be between 1 and 32 in length.";
                if (description.Length > 0) errors[$"{i}.description"] = "User and message commands cannot have a description.";
                if (c["options"] is JsonArray { Count: > 0 }) errors[$"{i}.options"] = "User and message commands cannot have options.";
            }
            if (!names.Add((type, name))) errors[$"{i}.name"] = "Application command names must be unique.";
            var total = name.Length + description.Length + Options(c["options"] as JsonArray, $"{i}.options", errors);
            if (total > 8000) errors[$"{i}._errors"] = "APPLICATION_COMMAND_TOO_LARGE: names, descriptions and choice values exceed 8000 characters.";
        }
    }

    private static int Options(JsonArray? options, string path, Dictionary<string, string> errors)
    {
        if (options is null) return 0;
        if (options.Count > 25) errors[path] = "Must be 25 or fewer in length.";
        var total = 0;
        var optionalSeen = false;
        var names = new HashSet<string>();
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i] as JsonObject;
            var p = $"{path}.{i}";
            var type = o?["type"]?.GetValue<int>() ?? 0;
            var name = o?["name"]?.GetValue<string>() ?? "";
            var description = o?["description"]?.GetValue<string>() ?? "";
            if (type is < 1 or > 11) errors[$"{p}.type"] = "Value must be between 1 and 11.";
            if (!IsChatInputName(name)) errors[$"{p}.name"] = "Invalid option name (lower case, ^[-_'\\p{L}\\p{N}]{1,32}$).";
            else if (!names.Add(name)) errors[$"{p}.name"] = "Option names must be unique.";
            if (description.Length is 0 or > 100) errors[$"{p}.description"] = "Must be between 1 and 100 in length.";
            var required = o?["required"]?.GetValue<bool>() == true;
            if (required && optionalSeen) errors[$"{p}.required"] = "Required options must be placed before non-required options.";
            optionalSeen |= !required && type is not (1 or 2);
            if (o?["choices"] is JsonArray choices)
            {
                if (o["autocomplete"]?.GetValue<bool>() == true) errors[$"{p}.autocomplete"] = "Autocomplete and choices are mutually exclusive.";
                if (type is not (3 or 4 or 10)) errors[$"{p}.choices"] = "Only string, integer and number options can have choices.";
                Choices(choices, $"{p}.choices", errors);
                total += choices.Sum(ch => (ch?["name"]?.ToString().Length ?? 0) + (ch?["value"]?.ToString().Length ?? 0));
            }
            if (o?["min_length"]?.GetValue<int>() is { } minLength && minLength is < 0 or > 6000) errors[$"{p}.min_length"] = "Must be between 0 and 6000.";
            if (o?["max_length"]?.GetValue<int>() is { } maxLength && maxLength is < 1 or > 6000) errors[$"{p}.max_length"] = "Must be between 1 and 6000.";
            if (o?["options"] is JsonArray && type is not (1 or 2)) errors[$"{p}.options"] = "Only sub-commands and groups can have options.";
            total += name.Length + description.Length + Options(o?["options"] as JsonArray, $"{p}.options", errors);
        }
        return total;
    }

    private static bool IsChatInputName(string name) => NamePattern().IsMatch(name) && name == name.ToLowerInvariant();

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();
}
