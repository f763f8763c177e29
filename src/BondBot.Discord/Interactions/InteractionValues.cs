using System.Text.Json;

namespace BondBot.Discord.Interactions;

/// <summary>Reads what a user sent: command options (including one level of sub-command) and modal fields.</summary>
public static class InteractionValues
{
    /// <summary>The sub-command's name, or null when the command has none.</summary>
    public static string? SubCommand(this InteractionData data) =>
        data.Options?.FirstOrDefault(o => o.Type == CommandOptionType.SubCommand)?.Name;

    /// <summary>The options that carry values: the sub-command's when there is one.</summary>
    public static IReadOnlyList<CommandOptionValue> ValueOptions(this InteractionData data)
    {
        var sub = data.Options?.FirstOrDefault(o => o.Type is CommandOptionType.SubCommand or CommandOptionType.SubCommandGroup);
        return sub?.Options ?? (sub is null ? data.Options ?? [] : []);
    }

    /// <summary>A string option's value, or null.</summary>
    public static string? GetString(this InteractionData data, string name) =>
        Find(data, name)?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>An integer option's value, or null.</summary>
    public static long? GetInteger(this InteractionData data, string name) =>
        Find(data, name)?.Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;

    /// <summary>A boolean option's value, or null.</summary>
    public static bool? GetBoolean(this InteractionData data, string name) =>
        Find(data, name)?.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>A user option's id, or null.</summary>
    public static ulong? GetUserId(this InteractionData data, string name) => GetId(data, name);

    /// <summary>A user, channel or role option's id, or null.</summary>
    public static ulong? GetId(this InteractionData data, string name) =>
        Find(data, name)?.Value is { ValueKind: JsonValueKind.String } v && ulong.TryParse(v.GetString(), out var id) ? id : null;

    /// <summary>A resolved user from the interaction's <c>resolved</c> data.</summary>
    public static User? GetResolvedUser(this InteractionData data, ulong id) =>
        data.Resolved?.Users is { } users && users.TryGetValue(id.ToString(System.Globalization.CultureInfo.InvariantCulture), out var user) ? user : null;

    /// <summary>The option being typed in an autocomplete request, with its partial text.</summary>
    public static (string Name, string Text)? Focused(this InteractionData data) =>
        ValueOptions(data).FirstOrDefault(o => o.Focused == true) is { } o ? (o.Name, o.Value?.ToString() ?? "") : null;

    /// <summary>Text fields of a submitted modal by custom id, in the Label layout (type 18 wrapping the input) and
    /// the legacy action-row layout alike (Components §Label, §Action Row).</summary>
    public static IReadOnlyDictionary<string, string> ModalFields(this InteractionData data)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in data.Components ?? [])
        {
            var inputs = item.Type switch
            {
                ComponentType.Label when item.Child is { } child => [child],
                ComponentType.ActionRow => item.Components ?? [],
                ComponentType.TextInput => [item],
                _ => (IReadOnlyList<Component>)[],
            };
            foreach (var input in inputs)
            {
                if (input.CustomId is { } id)
                    fields[id] = input.Value ?? (input.Values is { Count: > 0 } values ? string.Join(",", values) : "");
            }
        }
        return fields;
    }

    private static CommandOptionValue? Find(InteractionData data, string name) =>
        ValueOptions(data).FirstOrDefault(o => o.Name == name);
}
