using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>The initial interaction response (Receiving and Responding §Create Interaction Response).</summary>
internal sealed partial class RestHandler
{
    private async Task CallbackAsync(string id, string token)
    {
        var interaction = Id(id) is { } iid ? server.Interaction(iid) : null;
        var (body, files) = await ReadMessageBodyAsync();
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
        if (type is 4 && (data is null || PayloadLimits.IsEmpty(data, files.Count)))
        {
            await ErrorAsync(400, 50006, "Cannot send an empty message");
            return;
        }
        var errors = CallbackErrors(interaction, type, data);
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
        if (!interaction.TryBeginAcknowledge())
        {
            await ErrorAsync(400, 40060, "Interaction has already been acknowledged.");
            return;
        }
        interaction.CallbackType = type;
        FakeMessage? resource = null;
        switch (type)
        {
            case 4 or 5:
                resource = NewMessage(interaction.ChannelId, server.BotUserId, type == 4 ? data : null, interaction.Id, (data?["flags"]?.GetValue<int>() ?? 0) & 64);
                resource.Attachments.AddRange(files);
                interaction.OriginalResponse = resource;
                server.AddMessage(resource);
                break;
            case 7 when interaction.SourceMessage is { } source:
                ApplyEdit(source, data ?? []);
                resource = source;
                break;
            case 8:
                lock (server.Gate) interaction.AutocompleteChoices.AddRange((data?["choices"] as JsonArray ?? []).Select(c => (JsonObject)c!.DeepClone()));
                break;
            case 9:
                interaction.Modal = (JsonObject)data!.DeepClone();
                break;
        }
        interaction.CompleteAcknowledge((JsonObject)body.DeepClone());
        if (_context.Request.Query["with_response"] == "true")
            await OkAsync(CallbackResponse(interaction, type, resource));
        else
            await NoContentAsync();
    }

    private static Dictionary<string, string> CallbackErrors(FakeInteraction interaction, int type, JsonObject? data)
    {
        var errors = new Dictionary<string, string>();
        // 6 and 7 edit the message a component sits on; a modal opened from a slash command has none (Discord rejects 6 there too).
        var onMessage = interaction.Type == 3 || interaction.Type == 5 && interaction.SourceMessage is not null;
        if (interaction.Type == 4 && type != 8)
            errors["type"] = "An autocomplete interaction can only be answered with APPLICATION_COMMAND_AUTOCOMPLETE_RESULT.";
        switch (type)
        {
            case 4:
                PayloadLimits.Message(data!, true, errors);
                break;
            case 5:
                if (((data?["flags"]?.GetValue<int>() ?? 0) & ~64) != 0) errors["data.flags"] = "Only EPHEMERAL is allowed on a deferred response.";
                break;
            case 6:
                if (!onMessage) errors["type"] = "DEFERRED_UPDATE_MESSAGE is only valid for component interactions.";
                break;
            case 7:
                if (!onMessage) errors["type"] = "UPDATE_MESSAGE is only valid for component interactions.";
                PayloadLimits.Message(data ?? [], true, errors);
                break;
            case 8:
                if (interaction.Type != 4) errors["type"] = "Autocomplete results answer autocomplete interactions only.";
                PayloadLimits.Choices(data?["choices"] as JsonArray ?? [], "data.choices", errors);
                break;
            case 9:
                if (interaction.Type is 4 or 5) errors["type"] = "A modal cannot answer this interaction.";
                PayloadLimits.Modal(data ?? [], errors);
                break;
            default:
                errors["type"] = "Invalid interaction callback type.";
                break;
        }
        return errors;
    }

    // The body of `?with_response=true` (Receiving and Responding §Interaction Callback Response Object).
    private JsonObject CallbackResponse(FakeInteraction interaction, int type, FakeMessage? message)
    {
        var resource = new JsonObject { ["type"] = type };
        if (message is not null) resource["message"] = message.ToJson(server.Bot);
        return new JsonObject
        {
            ["interaction"] = new JsonObject
            {
                ["id"] = interaction.Id.ToString(), ["type"] = interaction.Type,
                ["response_message_loading"] = type == 5, ["response_message_ephemeral"] = message?.Ephemeral ?? false,
            },
            ["resource"] = resource,
        };
    }
}
