using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>Command registration, interaction callbacks (Receiving and Responding) and interaction webhooks.</summary>
internal sealed partial class RestHandler
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

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

    private async Task CallbackAsync(string id, string token)
    {
        var interaction = Id(id) is { } iid ? server.Interaction(iid) : null;
        var body = await ReadJsonAsync();
        if (body is null) return;
        server.RecordBody(body);
        if (interaction is null || interaction.Token != token || interaction.Expired || interaction.SentAt is null
            || server.Time.GetUtcNow() - interaction.SentAt > server.Options.InteractionAckDeadline)
        {
            await ErrorAsync(404, 10062, "Unknown interaction");
            return;
        }
        var type = body["type"]?.GetValue<int>() ?? 0;
        var data = body["data"] as JsonObject;
        var errors = new Dictionary<string, string>();
        var fromComponent = interaction.Type == 3 || interaction.Type == 5 && interaction.SourceMessage is not null;
        switch (type)
        {
            case 4: PayloadLimits.Message(data ?? [], true, errors); if (data is null || PayloadLimits.IsEmpty(data, 0)) errors["data"] = "Cannot send an empty message"; break;
            case 5: if (((data?["flags"]?.GetValue<int>() ?? 0) & ~64) != 0) errors["data.flags"] = "Only EPHEMERAL is allowed on a deferred response."; break;
            case 6: if (!fromComponent) errors["type"] = "DEFERRED_UPDATE_MESSAGE is only valid for component interactions."; break;
            case 7: if (!fromComponent) errors["type"] = "UPDATE_MESSAGE is only valid for component interactions."; PayloadLimits.Message(data ?? [], true, errors); break;
            case 8: if (interaction.Type != 4) errors["type"] = "Autocomplete results answer autocomplete interactions only."; PayloadLimits.Choices(data?["choices"] as JsonArray ?? [], "data.choices", errors); break;
            case 9: if (interaction.Type is 4 or 5) errors["type"] = "A modal cannot answer this interaction."; PayloadLimits.Modal(data ?? [], errors); break;
            default: errors["type"] = "Invalid interaction callback type."; break;
        }
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
        if (!interaction.TryBeginAcknowledge())
        {
            await ErrorAsync(400, 40060, "Interaction has already been acknowledged.");
            return;
        }
        interaction.CallbackType = type;
        switch (type)
        {
            case 4 or 5:
                var original = NewMessage(interaction.ChannelId, server.BotUserId, type == 4 ? data : null, interaction.Id, (data?["flags"]?.GetValue<int>() ?? 0) & 64);
                interaction.OriginalResponse = original;
                server.AddMessage(original);
                break;
            case 7 when interaction.SourceMessage is { } source:
                ApplyEdit(source, data!);
                break;
            case 8:
                interaction.AutocompleteChoices.AddRange((data?["choices"] as JsonArray ?? []).Select(c => (JsonObject)c!.DeepClone()));
                break;
            case 9:
                interaction.Modal = (JsonObject)data!.DeepClone();
                break;
        }
        interaction.CompleteAcknowledge((JsonObject)body.DeepClone());
        await NoContentAsync();
    }

    private async Task WebhookMessageAsync(string method, string app, string token, string which)
    {
        var interaction = Id(app) == server.ApplicationId ? server.InteractionByToken(token) : null;
        if (interaction is null || !interaction.Acknowledged || server.Time.GetUtcNow() - interaction.SentAt > TokenLifetime)
        {
            await ErrorAsync(404, 10015, "Unknown Webhook");
            return;
        }
        var message = which == "@original"
            ? interaction.OriginalResponse ?? (interaction.CallbackType is 6 or 7 ? interaction.SourceMessage : null)
            : interaction.FollowUps.FirstOrDefault(m => m.Id.ToString() == which);
        if (message is null) { await ErrorAsync(404, 10008, "Unknown Message"); return; }
        switch (method)
        {
            case "GET":
                await OkAsync(message.ToJson(server.Bot));
                return;
            case "DELETE":
                lock (server.Gate) server.AllMessagesInternal.Remove(message);
                await NoContentAsync();
                return;
            case "PATCH":
                var body = await ReadJsonAsync();
                if (body is null) return;
                server.RecordBody(body);
                var errors = new Dictionary<string, string>();
                PayloadLimits.Message(body, true, errors, requireBody: false);
                if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
                ApplyEdit(message, body);
                await OkAsync(message.ToJson(server.Bot));
                return;
        }
        await ErrorAsync(405, 0, "405: Method Not Allowed");
    }

    private async Task FollowUpAsync(string app, string token)
    {
        var interaction = Id(app) == server.ApplicationId ? server.InteractionByToken(token) : null;
        if (interaction is null || !interaction.Acknowledged || server.Time.GetUtcNow() - interaction.SentAt > TokenLifetime)
        {
            await ErrorAsync(404, 10015, "Unknown Webhook");
            return;
        }
        var body = await ReadJsonAsync();
        if (body is null) return;
        server.RecordBody(body);
        var errors = new Dictionary<string, string>();
        PayloadLimits.Message(body, true, errors);
        if (PayloadLimits.IsEmpty(body, 0)) { await ErrorAsync(400, 50006, "Cannot send an empty message"); return; }
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
        var message = NewMessage(interaction.ChannelId, server.BotUserId, body, interaction.Id, (body["flags"]?.GetValue<int>() ?? 0) & 64);
        interaction.FollowUps.Add(message);
        server.AddMessage(message);
        await OkAsync(message.ToJson(server.Bot));
    }
}
