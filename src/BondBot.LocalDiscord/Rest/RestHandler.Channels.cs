using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>Channels, guilds and members (Channel, Guild), and the permission rules for posting and creating channels.</summary>
internal sealed partial class RestHandler
{
    private Task GetChannelAsync(string channelText) =>
        Id(channelText) is { } id && server.Channel(id) is { } c ? OkAsync(c.ToJson()) : ErrorAsync(404, 10003, "Unknown Channel");

    private async Task DeleteChannelAsync(string channelText)
    {
        var channel = Id(channelText) is { } id ? server.Channel(id) : null;
        if (channel is null) { await ErrorAsync(404, 10003, "Unknown Channel"); return; }
        if (channel.GuildId is { } g && !HasGuildPermission(g, FakePermissions.ManageChannels)) { await ErrorAsync(403, 50013, "Missing Permissions"); return; }
        server.RemoveChannel(channel.Id);
        if (channel.GuildId is not null) await server.Hub.DispatchAsync("CHANNEL_DELETE", channel.ToJson(), intent: Intents.Guilds);
        await OkAsync(channel.ToJson());
    }

    private async Task CreateGuildChannelAsync(string guildText)
    {
        var guild = Id(guildText) is { } id ? server.Guild(id) : null;
        var body = await ReadJsonAsync();
        if (body is null) return;
        server.RecordBody(body);
        if (guild is null) { await ErrorAsync(404, 10004, "Unknown Guild"); return; }
        var errors = new Dictionary<string, string>();
        var name = body["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name) || name.Length > 100) errors["name"] = "Must be between 1 and 100 in length.";
        if (body["topic"]?.GetValue<string>() is { Length: > 1024 }) errors["topic"] = "Must be 1024 or fewer in length.";
        var type = body["type"]?.GetValue<int>() ?? 0;
        if (type is not (0 or 4)) errors["type"] = "Unsupported channel type.";
        var parent = body["parent_id"]?.ToString() is { } p ? Id(p) : null;
        if (body["parent_id"] is JsonValue && (parent is not { } pid || server.Channel(pid) is not { Type: 4 } category || category.GuildId != guild.Id || type == 4))
            errors["parent_id"] = "Not a category channel of this guild.";
        var overwrites = Overwrites(body["permission_overwrites"] as JsonArray, errors);
        if (errors.Count > 0) { await InvalidFormAsync(errors); return; }

        var held = guild.BotPermissions;
        var isAdmin = (held & FakePermissions.Administrator) != 0;
        // Overwrites may only grant or deny what the bot itself holds, and MANAGE_ROLES in an overwrite needs
        // ADMINISTRATOR (Guild §Create Guild Channel; discord-api-docs issues 2520, 2522, 7187).
        var overreach = !isAdmin && overwrites.Any(o => ((o.Allow | o.Deny) & ~held) != 0 || ((o.Allow | o.Deny) & FakePermissions.ManageRoles) != 0);
        if (!HasGuildPermission(guild.Id, FakePermissions.ManageChannels) || overreach)
        {
            await ErrorAsync(403, 50013, "Missing Permissions");
            return;
        }
        var channel = server.CreateGuildChannel(guild, name!, type, parent, body["topic"]?.GetValue<string>(), overwrites);
        await OkAsync(channel.ToJson(), 201);
    }

    private static List<FakeOverwrite> Overwrites(JsonArray? items, Dictionary<string, string> errors)
    {
        var result = new List<FakeOverwrite>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var o = items![i] as JsonObject;
            ulong? Bits(string key) => o?[key] is null ? 0 : ulong.TryParse(o[key]!.ToString(), out var v) ? v : null;
            var id = o?["id"]?.ToString() is { } text && ulong.TryParse(text, out var parsed) ? parsed : (ulong?)null;
            var type = o?["type"] is JsonValue t && t.TryGetValue<int>(out var n) ? n : -1;
            if (id is null) errors[$"permission_overwrites.{i}.id"] = "Value is not snowflake.";
            if (type is not (0 or 1)) errors[$"permission_overwrites.{i}.type"] = "Value must be one of (0, 1).";
            if (Bits("allow") is not { } allow) { errors[$"permission_overwrites.{i}.allow"] = "Invalid permission value."; continue; }
            if (Bits("deny") is not { } deny) { errors[$"permission_overwrites.{i}.deny"] = "Invalid permission value."; continue; }
            if (id is not null && type is 0 or 1) result.Add(new FakeOverwrite(id.Value, type, allow, deny));
        }
        return result;
    }

    private Task GetMemberAsync(string guildText, string userText)
    {
        var guild = Id(guildText) is { } g ? server.Guild(g) : null;
        if (guild is null) return ErrorAsync(404, 10004, "Unknown Guild");
        var user = Id(userText) is { } u ? server.User(u) : null;
        bool member;
        lock (server.Gate) member = user is not null && (user.Id == server.BotUserId || guild.Members.ContainsKey(user.Id));
        if (!member) return ErrorAsync(404, 10007, "Unknown Member");
        var json = FakeGuild.MemberJson(user!);
        // The bot holds its managed role, which carries its permissions.
        if (user!.Id == server.BotUserId) json["roles"] = new JsonArray(JsonValue.Create(guild.BotRoleId.ToString()));
        return OkAsync(json);
    }

    private Task GetRolesAsync(string guildText) =>
        Id(guildText) is { } g && server.Guild(g) is { } guild ? OkAsync(guild.RolesJson()) : ErrorAsync(404, 10004, "Unknown Guild");

    private Task GetGuildAsync(string guildText) =>
        Id(guildText) is { } g && server.Guild(g) is { } guild ? OkAsync(guild.ToJson()) : ErrorAsync(404, 10004, "Unknown Guild");

    private bool HasGuildPermission(ulong guildId, ulong permission)
    {
        var held = server.Guild(guildId)?.BotPermissions ?? 0;
        return (held & FakePermissions.Administrator) != 0 || (held & permission) == permission;
    }

    // Guild permissions, then the @everyone overwrite (role id = guild id), then the bot's own member overwrite
    // (Permissions §Permission Overwrites). The bot holds no other roles.
    private bool CanPost(FakeChannel channel, JsonObject body, int files)
    {
        var guild = server.Guild(channel.GuildId!.Value);
        if (guild is null) return false;
        var allowed = guild.BotPermissions;
        if ((allowed & FakePermissions.Administrator) != 0) return true;
        foreach (var o in channel.PermissionOverwrites.Where(o => o.Id == guild.Id || o.Id == server.BotUserId).OrderBy(o => o.Id == server.BotUserId))
            allowed = (allowed & ~o.Deny) | o.Allow;
        var needed = FakePermissions.ViewChannel | FakePermissions.SendMessages;
        if (body["embeds"] is JsonArray { Count: > 0 }) needed |= FakePermissions.EmbedLinks;
        if (files > 0) needed |= FakePermissions.AttachFiles;
        return (allowed & needed) == needed;
    }
}
