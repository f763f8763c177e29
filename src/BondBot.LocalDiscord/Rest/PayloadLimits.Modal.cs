using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>Modal and autocomplete answers (Receiving and Responding §Modal, §Autocomplete; Components §Label, §Text Input).</summary>
internal static partial class PayloadLimits
{
    public static void Modal(JsonObject data, Dictionary<string, string> errors)
    {
        Between(data, "custom_id", 1, 100, "data.custom_id", errors);
        Between(data, "title", 1, 45, "data.title", errors);
        var items = data["components"] as JsonArray ?? [];
        if (items.Count is 0 or > 5) errors["data.components"] = "Must be between 1 and 5 in length.";
        var ids = new HashSet<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] as JsonObject;
            var p = $"data.components.{i}";
            JsonObject? input;
            string inputPath;
            if (item?["type"]?.GetValue<int>() == 18)
            {
                Between(item, "label", 1, 45, $"{p}.label", errors);
                Max(item, "description", 100, $"{p}.description", errors);
                input = item["component"] as JsonObject;
                inputPath = $"{p}.component";
            }
            else if (item?["type"]?.GetValue<int>() == 1 && item["components"] is JsonArray { Count: 1 } row)
            {
                // The deprecated layout: the label sits on the text input itself and is required there.
                input = row[0] as JsonObject;
                inputPath = $"{p}.components.0";
                Between(input, "label", 1, 45, $"{inputPath}.label", errors);
            }
            else if (item?["type"]?.GetValue<int>() == 10)
            {
                // A text display (Components §Text Display): markdown shown in the modal, nothing to submit.
                Between(item, "content", 1, 4000, $"{p}.content", errors);
                continue;
            }
            else { errors[p] = "Expected a Label (type 18), a text display (type 10) or an action row with exactly one text input."; continue; }
            if (input?["type"]?.GetValue<int>() != 4) { errors[inputPath] = "Expected a text input (type 4)."; continue; }
            TextInput(input, inputPath, ids, errors);
        }
    }

    private static void TextInput(JsonObject input, string p, HashSet<string> ids, Dictionary<string, string> errors)
    {
        Between(input, "custom_id", 1, 100, $"{p}.custom_id", errors);
        if (input["custom_id"]?.GetValue<string>() is { } id && !ids.Add(id)) errors[$"{p}.custom_id"] = "Component custom id cannot be duplicated.";
        if (input["style"]?.GetValue<int>() is not (1 or 2)) errors[$"{p}.style"] = "Value must be one of (1, 2).";
        var max = input["max_length"]?.GetValue<int>() ?? 4000;
        if (max is < 1 or > 4000) errors[$"{p}.max_length"] = "Must be between 1 and 4000.";
        if (input["min_length"]?.GetValue<int>() is { } min && (min is < 0 or > 4000 || min > max)) errors[$"{p}.min_length"] = "Must be between 0 and 4000 and at most max_length.";
        Max(input, "value", Math.Clamp(max, 1, 4000), $"{p}.value", errors);
        Max(input, "placeholder", 100, $"{p}.placeholder", errors);
    }

    public static void Choices(JsonArray choices, string path, Dictionary<string, string> errors)
    {
        if (choices.Count > 25) errors[path] = "Must be 25 or fewer in length.";
        for (var i = 0; i < choices.Count; i++)
        {
            Between(choices[i] as JsonObject, "name", 1, 100, $"{path}.{i}.name", errors);
            if (choices[i]?["value"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 100) errors[$"{path}.{i}.value"] = "Must be 100 or fewer in length.";
            if (choices[i]?["value"] is null) errors[$"{path}.{i}.value"] = "This field is required";
        }
    }
}
