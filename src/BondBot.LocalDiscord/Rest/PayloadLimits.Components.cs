using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>Legacy message components: up to 5 action rows, each with up to 5 buttons or one select (Components §Action Row).</summary>
internal static partial class PayloadLimits
{
    private static readonly int[] RowChildTypes = [2, 3, 5, 6, 7, 8];

    private static void Components(JsonArray? rows, Dictionary<string, string> errors)
    {
        if (rows is null) return;
        if (rows.Count > 5) errors["components"] = "Must be 5 or fewer in length.";
        var ids = new HashSet<string>();
        for (var r = 0; r < rows.Count; r++)
        {
            var children = rows[r]?["components"] as JsonArray ?? [];
            if (rows[r]?["type"]?.GetValue<int>() != 1 || children.Count == 0) { errors[$"components.{r}"] = "Expected a non-empty action row (type 1)."; continue; }
            if (children.Count > 5) errors[$"components.{r}.components"] = "Must be 5 or fewer in length.";
            if (children.Any(c => c?["type"]?.GetValue<int>() is not 2) && children.Count > 1) errors[$"components.{r}.components"] = "A select must be alone in its row.";
            for (var i = 0; i < children.Count; i++)
            {
                if (children[i] is not JsonObject c) continue;
                var p = $"components.{r}.components.{i}";
                var type = c["type"]?.GetValue<int>() ?? 0;
                if (!RowChildTypes.Contains(type)) { errors[$"{p}.type"] = "This component type is not allowed in a message action row."; continue; }
                if (type == 2) Button(c, p, ids, errors);
                else Select(c, type, p, ids, errors);
            }
        }
    }

    private static void Button(JsonObject c, string p, HashSet<string> ids, Dictionary<string, string> errors)
    {
        var style = c["style"]?.GetValue<int>() ?? 0;
        Max(c, "label", 80, $"{p}.label", errors);
        switch (style)
        {
            case 5:
                if (c["url"] is null) errors[$"{p}.url"] = "A link button needs a url.";
                if (c["custom_id"] is not null) errors[$"{p}.custom_id"] = "A link button cannot have a custom_id.";
                Max(c, "url", 512, $"{p}.url", errors);
                break;
            case 6:
                if (c["sku_id"] is null) errors[$"{p}.sku_id"] = "A premium button needs a sku_id.";
                break;
            case >= 1 and <= 4:
                if (c["url"] is not null) errors[$"{p}.url"] = "Only link buttons have a url.";
                CustomId(c, p, ids, errors);
                break;
            default:
                errors[$"{p}.style"] = "Value must be one of (1, 2, 3, 4, 5, 6).";
                break;
        }
    }

    private static void Select(JsonObject c, int type, string p, HashSet<string> ids, Dictionary<string, string> errors)
    {
        CustomId(c, p, ids, errors);
        Max(c, "placeholder", 150, $"{p}.placeholder", errors);
        var min = c["min_values"]?.GetValue<int>() ?? 1;
        var max = c["max_values"]?.GetValue<int>() ?? 1;
        if (min is < 0 or > 25) errors[$"{p}.min_values"] = "Must be between 0 and 25.";
        if (max is < 1 or > 25 || max < min) errors[$"{p}.max_values"] = "Must be between 1 and 25 and at least min_values.";
        if (type != 3) return;
        var options = c["options"] as JsonArray ?? [];
        if (options.Count is 0 or > 25) errors[$"{p}.options"] = "Must be between 1 and 25 in length.";
        var values = new HashSet<string>();
        for (var o = 0; o < options.Count; o++)
        {
            var option = options[o] as JsonObject;
            Between(option, "label", 1, 100, $"{p}.options.{o}.label", errors);
            Between(option, "value", 1, 100, $"{p}.options.{o}.value", errors);
            Max(option, "description", 100, $"{p}.options.{o}.description", errors);
            if (option?["value"]?.ToString() is { } value && !values.Add(value)) errors[$"{p}.options.{o}.value"] = "Option values must be unique.";
        }
        if (max > Math.Max(options.Count, 1)) errors[$"{p}.max_values"] = "Cannot exceed the number of options.";
    }

    private static void CustomId(JsonObject c, string p, HashSet<string> ids, Dictionary<string, string> errors)
    {
        var id = c["custom_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(id) || id.Length > 100) errors[$"{p}.custom_id"] = "Must be between 1 and 100 in length.";
        else if (!ids.Add(id)) errors[$"{p}.custom_id"] = "Component custom id cannot be duplicated.";
    }
}
