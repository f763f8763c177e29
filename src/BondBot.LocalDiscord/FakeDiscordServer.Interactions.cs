using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>Building INTERACTION_CREATE payloads as Discord sends them (Receiving and Responding §Interaction Object).</summary>
public sealed partial class FakeDiscordServer
{
    private async Task<FakeInteraction> StartInteractionAsync(int type, FakeUser user, FakeGuild? guild, FakeChannel? channel, JsonObject data, FakeMessage? message)
    {
        channel ??= guild is null
            ? DmChannelFor(user)
            : guild.Channels.FirstOrDefault(c => c.Type == 0) ?? throw new ArgumentException("A guild interaction needs a text channel.");
        var id = _ids.Next();
        var token = $"aW50ZXJhY3Rpb246{id}_{Guid.NewGuid():N}";
        var payload = new JsonObject
        {
            ["id"] = id.ToString(), ["application_id"] = ApplicationId.ToString(), ["type"] = type, ["data"] = data,
            ["channel_id"] = channel.Id.ToString(), ["channel"] = channel.ToJson(),
            ["token"] = token, ["version"] = 1, ["locale"] = "en-US",
            ["context"] = guild is null ? 1 : 0,
            // A guild-installed app: the owner is the guild, or "0" in the bot's DM (Receiving and Responding §Authorizing Integration Owners).
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = guild?.Id.ToString() ?? "0" },
            ["app_permissions"] = (guild?.BotPermissions ?? DmAppPermissions).ToString(),
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = 10 * 1024 * 1024,
        };
        if (guild is null)
            payload["user"] = user.ToJson();
        else
        {
            payload["guild_id"] = guild.Id.ToString();
            payload["guild_locale"] = "en-US";
            payload["guild"] = new JsonObject { ["id"] = guild.Id.ToString(), ["locale"] = "en-US", ["features"] = new JsonArray() };
            ulong permissions;
            lock (Gate) permissions = guild.Members.GetValueOrDefault(user.Id, FakePermissions.DefaultMember);
            var member = FakeGuild.MemberJson(user);
            member["permissions"] = permissions.ToString();
            payload["member"] = member;
        }
        if (message is not null)
            payload["message"] = message.ToJson(User(message.AuthorId) ?? Bot);
        var interaction = new FakeInteraction(id, token, type, user, guild?.Id, channel.Id, payload, message);
        _interactions[id] = interaction;
        await _gateway.DispatchAsync("INTERACTION_CREATE", payload, DeadlineOf(interaction));
        return interaction;
    }

    /// <summary>Sends a copy of an interaction whose id reads as created <paramref name="age"/> ago: what a replay of a
    /// captured event looks like. Its token is new and valid, so only the bot's own check can refuse it.</summary>
    public async Task<FakeInteraction> ReplayAsync(FakeInteraction original, TimeSpan age)
    {
        var id = _ids.At(Time.GetUtcNow() - age);
        var token = $"aW50ZXJhY3Rpb246{id}_{Guid.NewGuid():N}";
        var payload = (JsonObject)original.Payload.DeepClone();
        payload["id"] = id.ToString();
        payload["token"] = token;
        var replay = new FakeInteraction(id, token, original.Type, original.User, original.GuildId, original.ChannelId, payload, original.SourceMessage);
        _interactions[id] = replay;
        await _gateway.DispatchAsync("INTERACTION_CREATE", payload, DeadlineOf(replay));
        return replay;
    }

    // What an app may do in a DM with a user (Permissions: the implicit DM permission set).
    private const ulong DmAppPermissions = FakePermissions.ViewChannel | FakePermissions.SendMessages | FakePermissions.EmbedLinks
        | FakePermissions.AttachFiles | FakePermissions.ReadMessageHistory | FakePermissions.AddReactions | FakePermissions.UseApplicationCommands;

    // The 3-second rule counts from when Discord actually delivered the event: started as it goes out, stopped if that
    // write failed (the event then waits for a resume and starts again with the replay).
    private DispatchClock DeadlineOf(FakeInteraction interaction) => new(() => StartDeadline(interaction), () => StopDeadline(interaction));

    private void StartDeadline(FakeInteraction interaction)
    {
        DateTimeOffset started;
        lock (Gate)
        {
            if (interaction.SentAt is not null) return;
            started = (interaction.SentAt = Time.GetUtcNow()).Value;
        }
        _ = Task.Delay(Options.InteractionAckDeadline, Time).ContinueWith(_ =>
        {
            lock (Gate)
                if (interaction.SentAt != started) return;   // stopped (and maybe started again) since
            if (interaction.TryBeginAcknowledge()) interaction.Expire();
        }, TaskScheduler.Default);
    }

    private void StopDeadline(FakeInteraction interaction)
    {
        lock (Gate) interaction.SentAt = null;
    }

    // Uses the registered command's id when there is one (guild commands first), as a client would see it.
    private JsonObject CommandData(string name, FakeGuild? guild, FakeOption[] options)
    {
        JsonObject? registered;
        lock (Gate)
            registered = (guild is not null && _guildCommands.TryGetValue(guild.Id, out var own) ? own : []).Concat(_globalCommands)
                .FirstOrDefault(c => c["name"]?.GetValue<string>() == name && (c["type"]?.GetValue<int>() ?? 1) == 1);
        var data = new JsonObject { ["id"] = registered?["id"]?.ToString() ?? _ids.Next().ToString(), ["name"] = name, ["type"] = 1 };
        if (registered?["guild_id"] is { } commandGuild) data["guild_id"] = commandGuild.ToString();
        if (options.Length > 0) data["options"] = OptionsJson(options);
        if (Resolved(options, guild) is { } resolved) data["resolved"] = resolved;
        return data;
    }

    // Users, members and channels named by options are resolved alongside (Receiving and Responding §Resolved Data Structure).
    private JsonObject? Resolved(FakeOption[] options, FakeGuild? guild)
    {
        var all = options.SelectMany(Flatten).Where(o => o.Value is not null).ToList();
        var users = all.Where(o => o.Type is 6 or 9).Select(o => ulong.TryParse(o.Value!.ToString(), out var u) ? User(u) : null).OfType<FakeUser>().DistinctBy(u => u.Id).ToList();
        var channels = all.Where(o => o.Type == 7).Select(o => ulong.TryParse(o.Value!.ToString(), out var c) ? Channel(c) : null).OfType<FakeChannel>().ToList();
        if (users.Count == 0 && channels.Count == 0) return null;
        var resolved = new JsonObject();
        if (users.Count > 0)
        {
            resolved["users"] = new JsonObject(users.Select(u => KeyValuePair.Create(u.Id.ToString(), (JsonNode?)u.ToJson())));
            if (guild is not null)
            {
                lock (Gate) users = users.Where(u => guild.Members.ContainsKey(u.Id) || u.Id == BotUserId).ToList();
                resolved["members"] = new JsonObject(users.Select(u => KeyValuePair.Create(u.Id.ToString(), (JsonNode?)new JsonObject
                {
                    ["roles"] = new JsonArray(), ["joined_at"] = "2025-01-01T00:00:00+00:00",
                })));
            }
        }
        if (channels.Count > 0)
            resolved["channels"] = new JsonObject(channels.Select(c => KeyValuePair.Create(c.Id.ToString(), (JsonNode?)c.ToJson())));
        return resolved;

        static IEnumerable<FakeOption> Flatten(FakeOption o) => new[] { o }.Concat((o.Options ?? []).SelectMany(Flatten));
    }

    private static JsonArray OptionsJson(IEnumerable<FakeOption> options) => new(options.Select(o =>
    {
        var json = new JsonObject { ["name"] = o.Name, ["type"] = o.Type };
        // Snowflake-valued options (user, channel, role, mentionable) travel as strings.
        if (o.Value is not null) json["value"] = o.Type is 6 or 7 or 8 or 9 ? JsonValue.Create(o.Value.ToString()) : JsonValue.Create(o.Value);
        if (o.Options is not null) json["options"] = OptionsJson(o.Options);
        if (o.Focused) json["focused"] = true;
        return (JsonNode)json;
    }).ToArray());
}
