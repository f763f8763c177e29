using System.Text.Json;
using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>
/// Message bodies as JSON or multipart/form-data: <c>payload_json</c> plus <c>files[n]</c> parts, each described by
/// <c>attachments[{id: n, filename, description}]</c> in the payload (Reference §Uploading Files).
/// </summary>
internal sealed partial class RestHandler
{
    private const long MaxFileBytes = 10 * 1024 * 1024;

    private async Task<(JsonObject? Body, List<FakeAttachment> Files)> ReadMessageBodyAsync()
    {
        var files = new List<FakeAttachment>();
        if (!(_context.Request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (await ReadJsonAsync(), files);
        var form = await _context.Request.ReadFormAsync();
        _bodyText = form["payload_json"].ToString();
        JsonObject? body = null;
        try { body = JsonNode.Parse(_bodyText) as JsonObject; }
        catch (JsonException) { }
        if (body is null)
        {
            await InvalidFormAsync(new() { ["payload_json"] = "Expected a JSON object." });
            return (null, files);
        }
        var described = (body["attachments"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(a => a["id"]?.ToString() ?? "", a => a);
        foreach (var file in form.Files.Where(f => f.Name.StartsWith("files[", StringComparison.Ordinal) && f.Name.EndsWith(']')))
        {
            if (file.Length > MaxFileBytes)
            {
                await ErrorAsync(413, 40005, "Request entity too large");
                return (null, files);
            }
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream);
            var index = file.Name["files[".Length..^1];
            var meta = described.GetValueOrDefault(index);
            var name = meta?["filename"]?.GetValue<string>() ?? file.FileName;
            files.Add(new FakeAttachment(name, stream.ToArray(), file.ContentType, meta?["description"]?.GetValue<string>()));
        }
        // An attachment entry must point at an uploaded part, or Discord cannot resolve it.
        var uploaded = form.Files.Select(f => f.Name).ToHashSet();
        var errors = new Dictionary<string, string>();
        var entries = body["attachments"] as JsonArray ?? [];
        for (var i = 0; i < entries.Count; i++)
            if (!uploaded.Contains($"files[{entries[i]?["id"]}]"))
                errors[$"attachments.{i}.id"] = "Unknown attachment: no files[n] part with this id.";
        if (errors.Count > 0)
        {
            await InvalidFormAsync(errors);
            return (null, files);
        }
        return (body, files);
    }
}
