using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

public sealed class FakeUser(ulong id, string username, bool isBot)
{
    public ulong Id { get; } = id;
    /// <summary>Settable: a person renames themselves; the next payload carries the new name.</summary>
    public string Username { get; set; } = username;
    public bool IsBot { get; } = isBot;
    /// <summary>False: Create Message in their DM fails with 50007, as when DMs from server members are off.</summary>
    public bool DmsOpen { get; set; } = true;

    internal JsonObject ToJson() => new() { ["id"] = Id.ToString(), ["username"] = Username, ["global_name"] = Username, ["bot"] = IsBot };
}

public sealed record FakeOverwrite(ulong Id, int Type, ulong Allow, ulong Deny);

public sealed class FakeChannel(ulong id, int type, ulong? guildId, string? name)
{
    public ulong Id { get; } = id;
    public int Type { get; } = type;
    public ulong? GuildId { get; } = guildId;
    public string? Name { get; internal set; } = name;
    public ulong? ParentId { get; internal set; }
    public string? Topic { get; internal set; }
    public ulong? RecipientId { get; internal init; }
    public List<FakeOverwrite> PermissionOverwrites { get; } = [];

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id.ToString(), ["type"] = Type };
        if (GuildId is { } g) json["guild_id"] = g.ToString();
        if (Name is not null) json["name"] = Name;
        if (ParentId is { } p) json["parent_id"] = p.ToString();
        if (Topic is not null) json["topic"] = Topic;
        if (GuildId is not null)
            json["permission_overwrites"] = new JsonArray(PermissionOverwrites.Select(o => (JsonNode)new JsonObject
            {
                ["id"] = o.Id.ToString(), ["type"] = o.Type, ["allow"] = o.Allow.ToString(), ["deny"] = o.Deny.ToString(),
            }).ToArray());
        return json;
    }
}

public sealed class FakeGuild
{
    private readonly FakeDiscordServer _server;

    internal FakeGuild(FakeDiscordServer server, ulong id, string name, ulong botPermissions)
    {
        _server = server;
        Id = id;
        Name = name;
        BotPermissions = botPermissions;
    }

    public ulong Id { get; }
    public string Name { get; }
    /// <summary>The bot's guild permissions: the bits of its managed role "BondBot" (<see cref="BotRoleId"/>).</summary>
    public ulong BotPermissions { get; set; }
    /// <summary>The role Discord creates for a bot invited with permissions (managed, holds <see cref="BotPermissions"/>).</summary>
    public ulong BotRoleId => Id + 1;
    public List<FakeChannel> Channels { get; } = [];
    public Dictionary<ulong, ulong> Members { get; } = [];

    public void AddMember(FakeUser user, ulong permissions = FakePermissions.DefaultMember)
    {
        lock (_server.Gate) Members[user.Id] = permissions;
    }

    public FakeChannel AddTextChannel(string name) => _server.CreateGuildChannel(this, name, 0, null, null, []);

    /// <summary>A channel category (type 4); its overwrites are <see cref="FakeChannel.PermissionOverwrites"/>.</summary>
    public FakeChannel AddCategory(string name) => _server.CreateGuildChannel(this, name, 4, null, null, []);

    /// <summary>The guild's roles as Get Guild Roles returns them (Permissions §Role Object): @everyone (id = guild
    /// id) with the default member permissions, and the bot's managed role.</summary>
    internal JsonArray RolesJson() => new(
        new JsonObject
        {
            ["id"] = Id.ToString(), ["name"] = "@everyone", ["permissions"] = FakePermissions.DefaultMember.ToString(), ["position"] = 0,
            ["color"] = 0, ["hoist"] = false, ["managed"] = false, ["mentionable"] = false, ["flags"] = 0,
        },
        new JsonObject
        {
            ["id"] = BotRoleId.ToString(), ["name"] = "BondBot", ["permissions"] = BotPermissions.ToString(), ["position"] = 1,
            ["color"] = 0, ["hoist"] = false, ["managed"] = true, ["mentionable"] = false, ["flags"] = 0,
            ["tags"] = new JsonObject { ["bot_id"] = _server.BotUserId.ToString() },
        });

    /// <summary>The bot was kicked: the guild disappears and GUILD_DELETE is dispatched.</summary>
    public Task RemoveBotAsync() => _server.RemoveGuildAsync(this);

    public void RemoveBot() => _ = RemoveBotAsync();

    internal JsonObject ToJson()
    {
        lock (_server.Gate)
        {
            var members = new JsonArray(MemberJson(_server.Bot));
            foreach (var id in Members.Keys)
                if (_server.User(id) is { } user) members.Add(MemberJson(user));
            return new JsonObject
            {
                ["id"] = Id.ToString(),
                ["name"] = Name,
                ["owner_id"] = (Members.Keys.FirstOrDefault() is var owner and not 0 ? owner : _server.BotUserId).ToString(),
                ["unavailable"] = false,
                ["member_count"] = members.Count,
                ["channels"] = new JsonArray(Channels.Select(c => (JsonNode)c.ToJson()).ToArray()),
                ["members"] = members,
                ["roles"] = new JsonArray(new JsonObject
                {
                    ["id"] = Id.ToString(), ["name"] = "@everyone", ["permissions"] = FakePermissions.DefaultMember.ToString(), ["position"] = 0,
                }),
            };
        }
    }

    internal static JsonObject MemberJson(FakeUser user) => new()
    {
        ["user"] = user.ToJson(), ["roles"] = new JsonArray(), ["joined_at"] = "2025-01-01T00:00:00+00:00", ["deaf"] = false, ["mute"] = false,
    };
}

public sealed record FakeAttachment(string FileName, byte[] Data, string? ContentType, string? Description = null);

public sealed record FakeRequest(string Method, string Path, int Status, int? ErrorCode, DateTimeOffset At, string? Body);

public sealed record FakeOption(string Name, int Type, object? Value, FakeOption[]? Options = null, bool Focused = false);

public sealed class FakeMessage
{
    public ulong Id { get; init; }
    public ulong ChannelId { get; init; }
    public ulong AuthorId { get; init; }
    public string? Content { get; internal set; }
    public JsonArray Embeds { get; internal set; } = [];
    public JsonArray Components { get; internal set; } = [];
    public int Flags { get; internal set; }
    public bool Ephemeral => (Flags & 64) != 0;
    public JsonObject? AllowedMentions { get; internal set; }
    public List<FakeAttachment> Attachments { get; } = [];
    public string? Nonce { get; init; }
    public ulong? InteractionId { get; init; }
    public int EditCount { get; internal set; }
    internal DateTimeOffset CreatedAt { get; init; }
    internal DateTimeOffset? EditedAt { get; set; }
    internal bool Deleted { get; set; }

    internal JsonObject ToJson(FakeUser author)
    {
        var json = Json(author);
        if (Nonce is not null) json["nonce"] = Nonce;
        return json;
    }

    private JsonObject Json(FakeUser author) => new()
    {
        ["id"] = Id.ToString(),
        ["type"] = InteractionId is null ? 0 : 20,
        ["channel_id"] = ChannelId.ToString(),
        ["author"] = author.ToJson(),
        ["content"] = Content ?? "",
        ["timestamp"] = CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture),
        ["edited_timestamp"] = EditedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture),
        ["tts"] = false,
        ["mention_everyone"] = false,
        ["mentions"] = new JsonArray(),
        ["mention_roles"] = new JsonArray(),
        ["pinned"] = false,
        ["embeds"] = Embeds.DeepClone(),
        ["components"] = Components.DeepClone(),
        ["flags"] = Flags,
        ["attachments"] = new JsonArray(Attachments.Select((a, i) => (JsonNode)new JsonObject
        {
            ["id"] = (Id + (ulong)i + 1).ToString(), ["filename"] = a.FileName, ["size"] = a.Data.Length, ["content_type"] = a.ContentType,
            ["description"] = a.Description,
            ["url"] = $"https://cdn.discordapp.com/attachments/{ChannelId}/{Id + (ulong)i + 1}/{a.FileName}",
        }).ToArray()),
    };
}

public sealed class FakeGatewayStats
{
    public int Connections { get; internal set; }
    public int Identifies { get; internal set; }
    public int Resumes { get; internal set; }
    public int HeartbeatsReceived { get; internal set; }
    public JsonObject? LastIdentify { get; internal set; }
    public bool LastResumeUrlUsed { get; internal set; }
    public List<(int Sequence, string Type)> DispatchedEvents { get; } = [];
    /// <summary>Close codes the bot sent when it closed a connection (1000 ends the session; others keep it resumable).</summary>
    public List<int> ClientCloseCodes { get; } = [];
    /// <summary>Every accepted identify: its shard, the shard count and when.</summary>
    public List<(int ShardId, int ShardCount, DateTimeOffset At)> ShardIdentifies { get; } = [];
    /// <summary>Identifies that came before their bucket's window passed (answered with op 9).</summary>
    public int IdentifiesTooEarly { get; internal set; }
    /// <summary>Identifies with no session starts left (Discord resets the token: closed with 4004).</summary>
    public int IdentifiesOverBudget { get; internal set; }
    /// <summary>Identifies refused with 4011 because the bot did not shard enough.</summary>
    public int ShardingRequiredCloses { get; internal set; }
}
