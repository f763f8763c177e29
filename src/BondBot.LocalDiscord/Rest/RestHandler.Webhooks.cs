using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>Interaction webhooks: the original response and follow-ups, for 15 minutes after an acknowledgement
/// (Receiving and Responding §Followup Messages, §Edit Original Interaction Response).</summary>
internal sealed partial class RestHandler
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private async Task WebhookMessageAsync(string method, string app, string token, string which)
    {
        JsonObject? body = null;
        var files = new List<FakeAttachment>();
        if (method == "PATCH")
        {
            (body, files) = await ReadMessageBodyAsync();
            if (body is null) return;
            server.RecordBody(body);
        }
        if (LiveInteraction(app, token) is not { } interaction)
        {
            await ErrorAsync(404, 10015, "Unknown Webhook");
            return;
        }
        FakeMessage? message;
        lock (server.Gate)
            message = which == "@original"
                ? interaction.OriginalResponse ?? (interaction.CallbackType is 6 or 7 ? interaction.SourceMessage : null)
                : interaction.FollowUps.FirstOrDefault(m => m.Id.ToString() == which);
        if (message is null || message.Deleted) { await ErrorAsync(404, 10008, "Unknown Message"); return; }
        switch (method)
        {
            case "GET":
                await OkAsync(message.ToJson(server.Bot));
                return;
            case "DELETE":
                server.DeleteMessage(message);
                await NoContentAsync();
                return;
            case "PATCH":
                var errors = new Dictionary<string, string>();
                PayloadLimits.Message(body!, true, errors);
                if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
                ApplyEdit(message, body!);
                lock (server.Gate) message.Attachments.AddRange(files);
                await OkAsync(message.ToJson(server.Bot));
                return;
        }
        await ErrorAsync(405, 0, "405: Method Not Allowed");
    }

    private async Task FollowUpAsync(string app, string token)
    {
        var (body, files) = await ReadMessageBodyAsync();
        if (body is null) return;
        server.RecordBody(body);
        if (LiveInteraction(app, token) is not { } interaction)
        {
            await ErrorAsync(404, 10015, "Unknown Webhook");
            return;
        }
        var errors = new Dictionary<string, string>();
        PayloadLimits.Message(body, true, errors);
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
        if (PayloadLimits.IsEmpty(body, files.Count)) { await ErrorAsync(400, 50006, "Cannot send an empty message"); return; }
        var message = NewMessage(interaction.ChannelId, server.BotUserId, body, interaction.Id, body["flags"]?.GetValue<int>() ?? 0);
        message.Attachments.AddRange(files);
        lock (server.Gate) interaction.FollowUps.Add(message);
        server.AddMessage(message);
        await OkAsync(message.ToJson(server.Bot));
    }

    // The token works only once the interaction was acknowledged, and for 15 minutes (Receiving and Responding §Responding).
    private FakeInteraction? LiveInteraction(string app, string token)
    {
        var interaction = Id(app) == server.ApplicationId ? server.InteractionByToken(token) : null;
        return interaction is { Acknowledged: true } && server.Time.GetUtcNow() - interaction.SentAt <= TokenLifetime ? interaction : null;
    }
}
