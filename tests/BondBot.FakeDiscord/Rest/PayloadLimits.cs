using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BondBot.FakeDiscord;

/// <summary>Discord's documented payload limits; each violation becomes a 50035 field error at its JSON path.</summary>
internal static partial class PayloadLimits
{
    public static void Message(JsonObject body, bool interaction, Dictionary<string, string> errors, bool requireBody = true)
    {
        Max(body, "content", 2000, "content", errors);
        var embeds = body["embeds"] as JsonArray ?? [];
        if (embeds.Count > 10) errors["embeds"] = "Must be 10 or fewer in length.";
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject e) continue;
            var p = $"embeds.{i}";
            total += Max(e, "title", 256, $"{p}.title", errors) + Max(e, "description", 4096, $"{p}.description", errors);
            total += Max(e["footer"] as JsonObject, "text", 2048, $"{p}.footer.text", errors) + Max(e["author"] as JsonObject, "name", 256, $"{p}.author.name", errors);
            var fields = e["fields"] as JsonArray ?? [];
            if (fields.Count > 25) errors[$"{p}.fields"] = "Must be 25 or fewer in length.";
            for (var f = 0; f < fields.Count; f++)
                total += Max(fields[f] as JsonObject, "name", 256, $"{p}.fields.{f}.name", errors) + Max(fields[f] as JsonObject, "value", 1024, $"{p}.fields.{f}.value", errors);
        }
        if (total > 6000) errors["embeds"] = "Embed size exceeds maximum size of 6000";
        Components(body["components"] as JsonArray, errors);
        if (body["nonce"]?.ToString() is { } nonce && nonce.Length > 25) errors["nonce"] = "Must be 25 or fewer in length.";
        var flags = body["flags"]?.GetValue<int>() ?? 0;
        var allowedFlags = interaction ? 4 | 64 | 4096 | 32768 : 4 | 4096 | 8192 | 32768;
        if ((flags & ~allowedFlags) != 0) errors["flags"] = "Invalid flags.";
        if (body["allowed_mentions"] is JsonObject mentions)
        {
            var parse = (mentions["parse"] as JsonArray ?? []).Select(x => x?.GetValue<string>()).ToList();
            if (parse.Any(p => p is not ("users" or "roles" or "everyone"))) errors["allowed_mentions.parse"] = "Invalid value.";
            if (parse.Contains("users") && mentions["users"] is JsonArray { Count: > 0 }) errors["allowed_mentions"] = "parse:[\"users\"] and users: [ids...] are mutually exclusive.";
            if (parse.Contains("roles") && mentions["roles"] is JsonArray { Count: > 0 }) errors["allowed_mentions"] = "parse:[\"roles\"] and roles: [ids...] are mutually exclusive.";
        }
    }

    public static bool IsEmpty(JsonObject body, int attachments) =>
        string.IsNullOrEmpty(body["content"]?.GetValue<string>()) && (body["embeds"] as JsonArray ?? []).Count == 0
        && (body["components"] as JsonArray ?? []).Count == 0 && attachments == 0;

    private static void Components(JsonArray? rows, Dictionary<string, string> errors)
    {
        if (rows is null) return;
        if (rows.Count > 5) errors["components"] = "Must be 5 or fewer in length.";
        var ids = new HashSet<string>();
        for (var r = 0; r < rows.Count; r++)
        {
            var children = rows[r]?["components"] as JsonArray ?? [];
            if (rows[r]?["type"]?.GetValue<int>() != 1 || children.Count == 0) { errors[$"components.{r}"] = "Expected a non-empty action row."; continue; }
            if (children.Count > 5) errors[$"components.{r}.components"] = "Must be 5 or fewer in length.";
            if (children.Any(c => c?["type"]?.GetValue<int>() == 3) && children.Count > 1) errors[$"components.{r}.components"] = "A select must be alone in its row.";
            for (var i = 0; i < children.Count; i++)
            {
                if (children[i] is not JsonObject c) continue;
                var p = $"components.{r}.components.{i}";
                var style = c["style"]?.GetValue<int>();
                if (c["type"]?.GetValue<int>() == 2 && style == 5)
                {
                    if (c["url"] is null) errors[$"{p}.url"] = "A link button needs a url.";
                }
                else
                {
                    var id = c["custom_id"]?.GetValue<string>();
                    if (string.IsNullOrEmpty(id) || id.Length > 100) errors[$"{p}.custom_id"] = "Must be between 1 and 100 in length.";
                    else if (!ids.Add(id)) errors[$"{p}.custom_id"] = "Component custom id cannot be duplicated.";
                }
                Max(c, "label", 80, $"{p}.label", errors);
                if (c["type"]?.GetValue<int>() == 3)
                {
                    var options = c["options"] as JsonArray ?? [];
                    if (options.Count is 0 or > 25) errors[$"{p}.options"] = "Must be between 1 and 25 in length.";
                    Max(c, "placeholder", 150, $"{p}.placeholder", errors);
                }
            }
        }
    }

    public static void Modal(JsonObject data, Dictionary<string, string> errors)
    {
        var id = data["custom_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(id) || id.Length > 100) errors["data.custom_id"] = "Must be between 1 and 100 in length.";
        var title = data["title"]?.GetValue<string>();
        if (string.IsNullOrEmpty(title) || title.Length > 45) errors["data.title"] = "Must be between 1 and 45 in length.";
        var items = data["components"] as JsonArray ?? [];
        if (items.Count is 0 or > 5) errors["data.components"] = "Must be between 1 and 5 in length.";
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] as JsonObject;
            var p = $"data.components.{i}";
            JsonObject? input;
            if (item?["type"]?.GetValue<int>() == 18)
            {
                var label = item["label"]?.GetValue<string>();
                if (string.IsNullOrEmpty(label) || label.Length > 45) errors[$"{p}.label"] = "Must be between 1 and 45 in length.";
                Max(item, "description", 100, $"{p}.description", errors);
                input = item["component"] as JsonObject;
            }
            else if (item?["type"]?.GetValue<int>() == 1 && item["components"] is JsonArray { Count: 1 } row)
            {
                input = row[0] as JsonObject;
                Max(input, "label", 45, $"{p}.components.0.label", errors);
            }
            else { errors[p] = "Expected a Label or an action row with one text input."; continue; }
            if (input?["type"]?.GetValue<int>() != 4) { errors[p] = "Expected a text input."; continue; }
            var inputId = input["custom_id"]?.GetValue<string>();
            if (string.IsNullOrEmpty(inputId) || inputId.Length > 100) errors[$"{p}.custom_id"] = "Must be between 1 and 100 in length.";
            var max = input["max_length"]?.GetValue<int>() ?? 4000;
            if (max is < 1 or > 4000) errors[$"{p}.max_length"] = "Must be between 1 and 4000.";
            if (input["min_length"]?.GetValue<int>() is { } min && (min is < 0 or > 4000 || min > max)) errors[$"{p}.min_length"] = "Must be between 0 and 4000.";
            Max(input, "value", Math.Min(max, 4000), $"{p}.value", errors);
            Max(input, "placeholder", 100, $"{p}.placeholder", errors);
        }
    }

    public static void Choices(JsonArray choices, string path, Dictionary<string, string> errors)
    {
        if (choices.Count > 25) errors[path] = "Must be 25 or fewer in length.";
        for (var i = 0; i < choices.Count; i++)
        {
            var name = choices[i]?["name"]?.GetValue<string>();
            if (string.IsNullOrEmpty(name) || name.Length > 100) errors[$"{path}.{i}.name"] = "Must be between 1 and 100 in length.";
            if (choices[i]?["value"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 100) errors[$"{path}.{i}.value"] = "Must be 100 or fewer in length.";
        }
    }

    public static void Commands(JsonArray commands, Dictionary<string, string> errors)
    {
        if (commands.Count > 100) errors["_errors"] = "Maximum number of application commands reached (100).";
        var names = new HashSet<string>();
        for (var i = 0; i < commands.Count; i++)
        {
            var c = commands[i] as JsonObject;
            var name = c?["name"]?.GetValue<string>() ?? "";
            if (!NamePattern().IsMatch(name) || name != name.ToLowerInvariant()) errors[$"{i}.name"] = "Invalid command name.";
            if (!names.Add(name)) errors[$"{i}.name"] = "Application command names must be unique.";
            var description = c?["description"]?.GetValue<string>() ?? "";
            if (description.Length is 0 or > 100) errors[$"{i}.description"] = "Must be between 1 and 100 in length.";
            var total = name.Length + description.Length + Options(c?["options"] as JsonArray, $"{i}.options", errors);
            if (total > 8000) errors[$"{i}"] = "Command exceeds maximum size (8000).";
        }
    }

    private static int Options(JsonArray? options, string path, Dictionary<string, string> errors)
    {
        if (options is null) return 0;
        if (options.Count > 25) errors[path] = "Must be 25 or fewer in length.";
        var total = 0;
        var optionalSeen = false;
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i] as JsonObject;
            var name = o?["name"]?.GetValue<string>() ?? "";
            var description = o?["description"]?.GetValue<string>() ?? "";
            if (!NamePattern().IsMatch(name) || name != name.ToLowerInvariant()) errors[$"{path}.{i}.name"] = "Invalid option name.";
            if (description.Length is 0 or > 100) errors[$"{path}.{i}.description"] = "Must be between 1 and 100 in length.";
            var required = o?["required"]?.GetValue<bool>() == true;
            if (required && optionalSeen) errors[$"{path}.{i}.required"] = "Required options must be placed before non-required options.";
            optionalSeen |= !required;
            if (o?["choices"] is JsonArray choices)
            {
                if (o["autocomplete"]?.GetValue<bool>() == true) errors[$"{path}.{i}.autocomplete"] = "Autocomplete and choices are mutually exclusive.";
                Choices(choices, $"{path}.{i}.choices", errors);
                total += choices.Sum(ch => (ch?["name"]?.GetValue<string>().Length ?? 0) + (ch?["value"]?.ToString().Length ?? 0));
            }
            total += name.Length + description.Length + Options(o?["options"] as JsonArray, $"{path}.{i}.options", errors);
        }
        return total;
    }

    // Discord measures after trimming; counts UTF-16 units, the stricter reading.
    private static int Max(JsonObject? node, string key, int max, string path, Dictionary<string, string> errors)
    {
        var text = node?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (text is not null && text.Length > max) errors[path] = $"Must be {max} or fewer in length.";
        return text?.Length ?? 0;
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
