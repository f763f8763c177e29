using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>DMs and channel messages: open a DM, create (JSON or multipart), edit and read (User, Message).</summary>
internal sealed partial class RestHandler
{
    private static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    private async Task OpenDmAsync()
    {
        var body = await ReadJsonAsync();
        if (body is null) return;
        var user = body["recipient_id"]?.ToString() is { } text && Id(text) is { } id ? server.User(id) : null;
        if (user is null || user.Id == server.BotUserId) { await ErrorAsync(400, 50033, "Invalid Recipient(s)"); return; }
        var json = server.DmChannelFor(user).ToJson();
        json["recipients"] = new JsonArray(user.ToJson());
        await OkAsync(json);
    }

    private async Task CreateMessageAsync(string channelText)
    {
        var channel = Id(channelText) is { } cid ? server.Channel(cid) : null;
        var (body, files) = await ReadMessageBodyAsync();
        if (body is null) return;
        server.RecordBody(body);
        if (channel is null) { await ErrorAsync(404, 10003, "Unknown Channel"); return; }
        if (channel.Type is not (0 or 1 or 5)) { await ErrorAsync(400, 50008, "Cannot send messages in a non-text channel"); return; }
        if (channel.Type == 1)
        {
            var recipient = server.User(channel.RecipientId!.Value);
            if (recipient is null || recipient.IsBot || !recipient.DmsOpen) { await ErrorAsync(403, 50007, "Cannot send messages to this user"); return; }
        }
        else if (!CanPost(channel, body, files.Count))
        {
            await ErrorAsync(403, 50013, "Missing Permissions");
            return;
        }
        var errors = new Dictionary<string, string>();
        PayloadLimits.Message(body, false, errors);
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
        if (PayloadLimits.IsEmpty(body, files.Count)) { await ErrorAsync(400, 50006, "Cannot send an empty message"); return; }
        var nonce = body["nonce"]?.ToString();
        if (nonce is not null && body["enforce_nonce"]?.GetValue<bool>() == true
            && server.FindByNonce(channel.Id, nonce, server.Time.GetUtcNow() - NonceWindow) is { } existing)
        {
            await OkAsync(existing.ToJson(server.Bot));
            return;
        }
        var message = NewMessage(channel.Id, server.BotUserId, body, null, body["flags"]?.GetValue<int>() ?? 0, nonce);
        message.Attachments.AddRange(files);
        server.AddMessage(message);
        await OkAsync(message.ToJson(server.Bot));
    }

    private async Task EditMessageAsync(string channelText, string messageText)
    {
        var message = Id(messageText) is { } mid ? server.Message(mid) : null;
        var body = await ReadJsonAsync();
        if (body is null) return;
        server.RecordBody(body);
        if (message is null || message.Ephemeral || message.ChannelId.ToString() != channelText) { await ErrorAsync(404, 10008, "Unknown Message"); return; }
        if (message.AuthorId != server.BotUserId) { await ErrorAsync(403, 50005, "Cannot edit a message authored by another user"); return; }
        var errors = new Dictionary<string, string>();
        PayloadLimits.Message(body, false, errors);
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
        ApplyEdit(message, body);
        await OkAsync(message.ToJson(server.Bot));
    }

    private Task GetMessageAsync(string channelText, string messageText) =>
        Id(messageText) is { } mid && server.Message(mid) is { } m && m.ChannelId.ToString() == channelText && !m.Ephemeral
            ? OkAsync(m.ToJson(server.User(m.AuthorId) ?? server.Bot))
            : ErrorAsync(404, 10008, "Unknown Message");

    private async Task DeleteMessageAsync(string channelText, string messageText)
    {
        var message = Id(messageText) is { } mid ? server.Message(mid) : null;
        if (message is null || message.Ephemeral || message.ChannelId.ToString() != channelText) { await ErrorAsync(404, 10008, "Unknown Message"); return; }
        // Others' messages need MANAGE_MESSAGES, which the fake never grants the bot.
        if (message.AuthorId != server.BotUserId) { await ErrorAsync(403, 50013, "Missing Permissions"); return; }
        server.DeleteMessage(message);
        await NoContentAsync();
    }

    private FakeMessage NewMessage(ulong channelId, ulong authorId, JsonObject? body, ulong? interactionId, int flags, string? nonce = null)
    {
        var message = new FakeMessage
        {
            Id = server.Ids.Next(), ChannelId = channelId, AuthorId = authorId, InteractionId = interactionId, Nonce = nonce,
            CreatedAt = server.Time.GetUtcNow(), Flags = flags,
        };
        if (body is not null) ApplyContent(message, body);
        return message;
    }

    private void ApplyEdit(FakeMessage message, JsonObject body)
    {
        lock (server.Gate)
        {
            ApplyContent(message, body);
            message.EditCount++;
            message.EditedAt = server.Time.GetUtcNow();
        }
    }

    // Tests read messages without the server's lock and wait for content or embeds to appear, so those are set last:
    // whoever sees them also sees the buttons that came with them.
    private static void ApplyContent(FakeMessage message, JsonObject body)
    {
        if (body["allowed_mentions"] is JsonObject mentions) message.AllowedMentions = (JsonObject)mentions.DeepClone();
        if (body.ContainsKey("components")) message.Components = body["components"] is JsonArray components ? (JsonArray)components.DeepClone() : [];
        if (body.ContainsKey("embeds")) message.Embeds = body["embeds"] is JsonArray embeds ? (JsonArray)embeds.DeepClone() : [];
        if (body.ContainsKey("content")) message.Content = body["content"]?.GetValue<string>();
    }
}
