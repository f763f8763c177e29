using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>Application command registration: read and bulk-overwrite, global and per guild (Application Commands §Endpoints).</summary>
internal sealed partial class RestHandler
{
    private async Task CommandsAsync(string method, string app, string? guild)
    {
        if (Id(app) != server.ApplicationId) { await ErrorAsync(403, 20012, "You are not authorized to perform this action on this application"); return; }
        ulong? guildId = guild is null ? null : Id(guild);
        if (guild is not null && (guildId is null || server.Guild(guildId.Value) is null)) { await ErrorAsync(404, 10004, "Unknown Guild"); return; }
        if (method == "GET")
        {
            JsonArray list;
            lock (server.Gate) list = new JsonArray(server.CommandsFor(guildId).Select(c => (JsonNode)c.DeepClone()).ToArray());
            await OkAsync(list);
            return;
        }
        var body = await ReadJsonAsync();
        if (body?["__array"] is not JsonArray commands) { if (body is not null) await InvalidFormAsync(new() { ["_errors"] = "Expected an array of commands." }); return; }
        var errors = new Dictionary<string, string>();
        PayloadLimits.Commands(commands, errors);
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
        var stored = commands.Select(c =>
        {
            var command = (JsonObject)c!.DeepClone();
            command["id"] = server.Ids.Next().ToString();
            command["application_id"] = server.ApplicationId.ToString();
            command["version"] = server.Ids.Next().ToString();
            command["type"] ??= 1;
            if (guildId is { } g) command["guild_id"] = g.ToString();
            return command;
        }).ToList();
        lock (server.Gate)
        {
            var target = server.CommandsFor(guildId);
            target.Clear();
            target.AddRange(stored);
            server.CommandOverwriteCount++;
        }
        await OkAsync(new JsonArray(stored.Select(c => (JsonNode)c.DeepClone()).ToArray()));
    }
}
