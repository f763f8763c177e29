using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>
/// Discord's documented message limits (Message §Create Message, Embed Limits; Components §Action Row, §Button,
/// §String Select); each violation becomes a 50035 field error at its JSON path.
/// </summary>
internal static partial class PayloadLimits
{
    private const int SuppressEmbeds = 1 << 2, Ephemeral = 1 << 6, SuppressNotifications = 1 << 12, VoiceMessage = 1 << 13, ComponentsV2 = 1 << 15;

    public static void Message(JsonObject body, bool interaction, Dictionary<string, string> errors)
    {
        Max(body, "content", 2000, "content", errors);
        Embeds(body["embeds"] as JsonArray ?? [], errors);
        var flags = body["flags"]?.GetValue<int>() ?? 0;
        var allowedFlags = interaction
            ? SuppressEmbeds | Ephemeral | SuppressNotifications | ComponentsV2
            : SuppressEmbeds | SuppressNotifications | VoiceMessage | ComponentsV2;
        if ((flags & ~allowedFlags) != 0) errors["flags"] = "Invalid flags for this kind of message.";
        if ((flags & ComponentsV2) != 0)
        {
            // Components V2 replaces content and embeds; its richer layout is not checked here.
            if (!string.IsNullOrEmpty(body["content"]?.GetValue<string>())) errors["content"] = "Cannot be set on an IS_COMPONENTS_V2 message.";
            if (body["embeds"] is JsonArray { Count: > 0 }) errors["embeds"] = "Cannot be set on an IS_COMPONENTS_V2 message.";
            if (body["components"] is JsonArray { Count: > 40 }) errors["components"] = "Must be 40 or fewer in length.";
        }
        else
            Components(body["components"] as JsonArray, errors);
        if (body["nonce"]?.ToString() is { Length: > 25 }) errors["nonce"] = "Must be 25 or fewer in length.";
        if (body["allowed_mentions"] is JsonObject mentions) AllowedMentions(mentions, errors);
    }

    public static bool IsEmpty(JsonObject body, int attachments) =>
        string.IsNullOrEmpty(body["content"]?.GetValue<string>()) && (body["embeds"] as JsonArray ?? []).Count == 0
        && (body["components"] as JsonArray ?? []).Count == 0 && attachments == 0 && body["poll"] is null && body["sticker_ids"] is null;

    private static void Embeds(JsonArray embeds, Dictionary<string, string> errors)
    {
        if (embeds.Count > 10) errors["embeds"] = "Must be 10 or fewer in length.";
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject e) { errors[$"embeds.{i}"] = "Expected an object."; continue; }
            var p = $"embeds.{i}";
            total += Max(e, "title", 256, $"{p}.title", errors) + Max(e, "description", 4096, $"{p}.description", errors);
            total += Max(e["footer"] as JsonObject, "text", 2048, $"{p}.footer.text", errors) + Max(e["author"] as JsonObject, "name", 256, $"{p}.author.name", errors);
            var fields = e["fields"] as JsonArray ?? [];
            if (fields.Count > 25) errors[$"{p}.fields"] = "Must be 25 or fewer in length.";
            for (var f = 0; f < fields.Count; f++)
            {
                var field = fields[f] as JsonObject;
                if (string.IsNullOrWhiteSpace(field?["name"]?.GetValue<string>())) errors[$"{p}.fields.{f}.name"] = "This field is required";
                if (string.IsNullOrWhiteSpace(field?["value"]?.GetValue<string>())) errors[$"{p}.fields.{f}.value"] = "This field is required";
                total += Max(field, "name", 256, $"{p}.fields.{f}.name", errors) + Max(field, "value", 1024, $"{p}.fields.{f}.value", errors);
            }
        }
        if (total > 6000) errors["embeds"] = "Embed size exceeds maximum size of 6000";
    }

    private static void AllowedMentions(JsonObject mentions, Dictionary<string, string> errors)
    {
        var parse = (mentions["parse"] as JsonArray ?? []).Select(x => x?.ToString()).ToList();
        if (parse.Any(p => p is not ("users" or "roles" or "everyone"))) errors["allowed_mentions.parse"] = "Value must be one of ('users', 'roles', 'everyone').";
        foreach (var kind in new[] { "users", "roles" })
        {
            if (parse.Contains(kind) && mentions[kind] is JsonArray { Count: > 0 })
                errors["allowed_mentions"] = $"parse:[\"{kind}\"] and {kind}: [ids...] are mutually exclusive.";
            if (mentions[kind] is JsonArray { Count: > 100 }) errors[$"allowed_mentions.{kind}"] = "Must be 100 or fewer in length.";
        }
    }

    // Discord measures after trimming; counts UTF-16 units, the stricter reading.
    private static int Max(JsonObject? node, string key, int max, string path, Dictionary<string, string> errors)
    {
        var text = node?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (text is not null && text.Length > max) errors[path] = $"Must be {max} or fewer in length.";
        return text?.Length ?? 0;
    }

    private static void Between(JsonObject? node, string key, int min, int max, string path, Dictionary<string, string> errors)
    {
        var length = node?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Length : 0;
        if (length < min || length > max) errors[path] = $"Must be between {min} and {max} in length.";
    }
}
