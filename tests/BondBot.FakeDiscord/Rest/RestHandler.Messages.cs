using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>DMs, channel messages (JSON and multipart), channels and guild members (Message, Channel, Guild, User).</summary>
internal sealed partial class RestHandler
{
    private static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    private async Task OpenDmAsync()
    {
        var body = await ReadJsonAsync();
        if (body is null) return;
        var user = body["recipient_id"]?.ToString() is { } text && Id(text) is { } id ? server.User(id) : null;
        if (user is null) { await ErrorAsync(400, 50033, "Invalid Recipient(s)"); return; }
        await OkAsync(server.DmChannelFor(user).ToJson() is var json ? AddRecipient(json, user) : null!);

        static JsonObject AddRecipient(JsonObject json, FakeUser user)
        {
            json["recipients"] = new JsonArray(user.ToJson());
            return json;
        }
    }

    private async Task CreateMessageAsync(string channelText)
    {
        var channel = Id(channelText) is { } cid ? server.Channel(cid) : null;
        var (body, files) = await ReadMessageBodyAsync();
        if (body is null) return;
        if (channel is null) { await ErrorAsync(404, 10003, "Unknown Channel"); return; }
        server.RecordBody(body);
        if (channel.Type == 1)
        {
            var recipient = server.User(channel.RecipientId!.Value);
            if (recipient is null || recipient.IsBot || !recipient.DmsOpen) { await ErrorAsync(403, 50007, "Cannot send messages to this user"); return; }
        }
        else if (!CanPost(channel, body))
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
        var message = NewMessage(channel.Id, server.BotUserId, body, null, 0, nonce);
        message.Attachments.AddRange(files);
        server.AddMessage(message);
        await OkAsync(message.ToJson(server.Bot));
    }

    private async Task EditMessageAsync(string channelText, string messageText)
    {
        var message = Id(messageText) is { } mid ? server.Message(mid) : null;
        var body = await ReadJsonAsync();
        if (body is null) return;
        if (message is null || message.ChannelId.ToString() != channelText) { await ErrorAsync(404, 10008, "Unknown Message"); return; }
        if (message.AuthorId != server.BotUserId) { await ErrorAsync(403, 50005, "Cannot edit a message authored by another user"); return; }
        server.RecordBody(body);
        var errors = new Dictionary<string, string>();
        PayloadLimits.Message(body, false, errors, requireBody: false);
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
        ApplyEdit(message, body);
        await OkAsync(message.ToJson(server.Bot));
    }

    private Task GetMessageAsync(string channelText, string messageText) =>
        Id(messageText) is { } mid && server.Message(mid) is { } m && m.ChannelId.ToString() == channelText && !m.Ephemeral
            ? OkAsync(m.ToJson(server.User(m.AuthorId) ?? server.Bot))
            : ErrorAsync(404, 10008, "Unknown Message");

    private Task GetChannelAsync(string channelText) =>
        Id(channelText) is { } id && server.Channel(id) is { } c ? OkAsync(c.ToJson()) : ErrorAsync(404, 10003, "Unknown Channel");

    private async Task DeleteChannelAsync(string channelText)
    {
        var channel = Id(channelText) is { } id ? server.Channel(id) : null;
        if (channel is null) { await ErrorAsync(404, 10003, "Unknown Channel"); return; }
        if (channel.GuildId is { } g && ((server.Guild(g)?.BotPermissions ?? 0) & FakePermissions.ManageChannels) == 0) { await ErrorAsync(403, 50013, "Missing Permissions"); return; }
        server.RemoveChannel(channel.Id);
        await server.Hub.DispatchAsync("CHANNEL_DELETE", channel.ToJson());
        await OkAsync(channel.ToJson());
    }

    private async Task CreateGuildChannelAsync(string guildText)
    {
        var guild = Id(guildText) is { } id ? server.Guild(id) : null;
        var body = await ReadJsonAsync();
        if (body is null) return;
        if (guild is null) { await ErrorAsync(404, 10004, "Unknown Guild"); return; }
        var errors = new Dictionary<string, string>();
        var name = body["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name) || name.Length > 100) errors["name"] = "Must be between 1 and 100 in length.";
        if (body["topic"]?.GetValue<string>() is { Length: > 1024 }) errors["topic"] = "Must be 1024 or fewer in length.";
        var type = body["type"]?.GetValue<int>() ?? 0;
        if (type is not (0 or 4)) errors["type"] = "Unsupported channel type.";
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }
        var overwrites = (body["permission_overwrites"] as JsonArray ?? []).Select(o => new FakeOverwrite(
            ulong.Parse(o!["id"]!.ToString()), o["type"]!.GetValue<int>(),
            ulong.Parse(o["allow"]?.ToString() ?? "0"), ulong.Parse(o["deny"]?.ToString() ?? "0"))).ToList();
        var botPermissions = guild.BotPermissions;
        var isAdmin = (botPermissions & FakePermissions.Administrator) != 0;
        // Overwrites may only grant or deny what the bot itself holds; MANAGE_ROLES needs ADMINISTRATOR (Guild §Create Guild Channel).
        var overreach = overwrites.Any(o => ((o.Allow | o.Deny) & ~botPermissions) != 0 && !isAdmin || ((o.Allow | o.Deny) & FakePermissions.ManageRoles) != 0 && !isAdmin);
        if ((botPermissions & FakePermissions.ManageChannels) == 0 && !isAdmin || overreach)
        {
            await ErrorAsync(403, 50013, "Missing Permissions");
            return;
        }
        var parent = body["parent_id"]?.ToString() is { } p ? Id(p) : null;
        var channel = server.CreateGuildChannel(guild, name!, type, parent, body["topic"]?.GetValue<string>(), overwrites);
        await OkAsync(channel.ToJson(), 201);
    }

    private Task GetMemberAsync(string guildText, string userText)
    {
        var guild = Id(guildText) is { } g ? server.Guild(g) : null;
        if (guild is null) return ErrorAsync(404, 10004, "Unknown Guild");
        var user = Id(userText) is { } u ? server.User(u) : null;
        bool member;
        lock (server.Gate) member = user is not null && guild.Members.ContainsKey(user.Id);
        return member
            ? OkAsync(new JsonObject { ["user"] = user!.ToJson(), ["roles"] = new JsonArray(), ["joined_at"] = "2025-01-01T00:00:00Z" })
            : ErrorAsync(404, 10007, "Unknown Member");
    }

    private Task GetGuildAsync(string guildText) =>
        Id(guildText) is { } g && server.Guild(g) is { } guild ? OkAsync(guild.ToJson()) : ErrorAsync(404, 10004, "Unknown Guild");

    private bool CanPost(FakeChannel channel, JsonObject body)
    {
        var guild = server.Guild(channel.GuildId!.Value);
        if (guild is null) return false;
        var allowed = guild.BotPermissions;
        foreach (var o in channel.PermissionOverwrites.Where(o => o.Id == guild.Id || o.Id == server.BotUserId).OrderBy(o => o.Id == server.BotUserId))
            allowed = (allowed & ~o.Deny) | o.Allow;
        if ((allowed & FakePermissions.Administrator) != 0) return true;
        var needed = FakePermissions.ViewChannel | FakePermissions.SendMessages;
        if (body["embeds"] is JsonArray { Count: > 0 }) needed |= FakePermissions.EmbedLinks;
        return (allowed & needed) == needed;
    }

    private async Task<(JsonObject? Body, List<FakeAttachment> Files)> ReadMessageBodyAsync()
    {
        var files = new List<FakeAttachment>();
        if (!(_context.Request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.Ordinal))
            return (await ReadJsonAsync(), files);
        var form = await _context.Request.ReadFormAsync();
        var json = form["payload_json"].ToString();
        _bodyText = json;
        var body = JsonNode.Parse(json) as JsonObject;
        if (body is null) { await ErrorAsync(400, 50035, "Invalid Form Body", new() { ["payload_json"] = "Expected JSON." }); return (null, files); }
        foreach (var file in form.Files.Where(f => f.Name.StartsWith("files[", StringComparison.Ordinal)))
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream);
            files.Add(new FakeAttachment(file.FileName, stream.ToArray(), file.ContentType));
        }
        return (body, files);
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
        }
    }

    private static void ApplyContent(FakeMessage message, JsonObject body)
    {
        if (body.ContainsKey("content")) message.Content = body["content"]?.GetValue<string>();
        if (body["embeds"] is JsonArray embeds) message.Embeds = (JsonArray)embeds.DeepClone();
        if (body["components"] is JsonArray components) message.Components = (JsonArray)components.DeepClone();
        if (body["allowed_mentions"] is JsonObject mentions) message.AllowedMentions = (JsonObject)mentions.DeepClone();
    }
}
