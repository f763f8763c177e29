using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>The test's side: building the world and acting as users, which dispatches gateway events.</summary>
public sealed partial class FakeDiscordServer
{
    public FakeUser AddUser(string username, bool isBot = false)
    {
        var user = new FakeUser(_ids.Next(), username, isBot);
        lock (Gate) _users.Add(user);
        return user;
    }

    public FakeGuild AddGuild(string name, ulong? botPermissions = null)
    {
        var guild = new FakeGuild(this, _ids.Next(), name, botPermissions ?? Options.BotGuildPermissions);
        lock (Gate) _guilds.Add(guild);
        _ = _gateway.DispatchAsync("GUILD_CREATE", guild.ToJson());
        return guild;
    }

    internal async Task RemoveGuildAsync(FakeGuild guild)
    {
        lock (Gate) _guilds.Remove(guild);
        await _gateway.DispatchAsync("GUILD_DELETE", new JsonObject { ["id"] = guild.Id.ToString() });
    }

    public Task DeleteChannelAsync(ulong channelId)
    {
        var channel = RemoveChannel(channelId) ?? throw new InvalidOperationException($"No channel {channelId}.");
        return _gateway.DispatchAsync("CHANNEL_DELETE", channel.ToJson());
    }

    public Task SendDirectMessageAsync(FakeUser user, string content)
    {
        var channel = DmChannelFor(user);
        var message = new FakeMessage { Id = _ids.Next(), ChannelId = channel.Id, AuthorId = user.Id, Content = content, CreatedAt = Time.GetUtcNow() };
        AddMessage(message);
        return _gateway.DispatchAsync("MESSAGE_CREATE", message.ToJson(user));
    }

    public Task<FakeInteraction> InvokeCommandAsync(FakeUser user, string name, FakeGuild? guild = null, FakeChannel? channel = null, params FakeOption[] options) =>
        StartInteractionAsync(2, user, guild, channel, CommandData(name, options), null);

    public Task<FakeInteraction> AutocompleteAsync(FakeUser user, string name, FakeGuild? guild, FakeChannel? channel, params FakeOption[] options) =>
        StartInteractionAsync(4, user, guild, channel, CommandData(name, options), null);

    public Task<FakeInteraction> ClickButtonAsync(FakeUser user, FakeMessage message, string customId)
    {
        var button = Buttons(message).FirstOrDefault(b => b["custom_id"]?.GetValue<string>() == customId)
            ?? throw new InvalidOperationException($"The message has no button '{customId}'.");
        if (button["disabled"]?.GetValue<bool>() == true)
            throw new InvalidOperationException($"The button '{customId}' is disabled.");
        return StartInteractionAsync(3, user, GuildOf(message), Channel(message.ChannelId), new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, message);
    }

    public Task<FakeInteraction> SelectAsync(FakeUser user, FakeMessage message, string customId, params string[] values) =>
        StartInteractionAsync(3, user, GuildOf(message), Channel(message.ChannelId),
            new JsonObject { ["custom_id"] = customId, ["component_type"] = 3, ["values"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) }, message);

    /// <summary>Submits the modal the bot showed in answer to <paramref name="opened"/>, mirroring its layout.</summary>
    public Task<FakeInteraction> SubmitModalAsync(FakeUser user, FakeInteraction opened, IReadOnlyDictionary<string, string> values)
    {
        var modal = opened.Modal ?? throw new InvalidOperationException("The bot did not answer that interaction with a modal.");
        var submitted = new JsonArray();
        foreach (var item in modal["components"]!.AsArray())
        {
            var isLabel = item!["type"]!.GetValue<int>() == 18;
            var input = isLabel ? item["component"]! : item["components"]![0]!;
            var id = input["custom_id"]!.GetValue<string>();
            var value = values.GetValueOrDefault(id) ?? "";
            var required = input["required"]?.GetValue<bool>() ?? true;
            var min = input["min_length"]?.GetValue<int>() ?? 0;
            var max = input["max_length"]?.GetValue<int>() ?? 4000;
            if ((required && value.Length == 0) || value.Length > max || (value.Length > 0 && value.Length < min))
                throw new InvalidOperationException($"Discord would not let a user submit '{id}' with {value.Length} characters.");
            var field = new JsonObject { ["type"] = 4, ["custom_id"] = id, ["value"] = value };
            submitted.Add(isLabel ? new JsonObject { ["type"] = 18, ["component"] = field } : new JsonObject { ["type"] = 1, ["components"] = new JsonArray(field) });
        }
        var data = new JsonObject { ["custom_id"] = modal["custom_id"]!.GetValue<string>(), ["components"] = submitted };
        var guild = opened.GuildId is { } g ? Guild(g) : null;
        return StartInteractionAsync(5, user, guild, Channel(opened.ChannelId), data, opened.SourceMessage);
    }

    private async Task<FakeInteraction> StartInteractionAsync(int type, FakeUser user, FakeGuild? guild, FakeChannel? channel, JsonObject data, FakeMessage? message)
    {
        channel ??= guild is null ? DmChannelFor(user) : throw new ArgumentException("A guild interaction needs a channel.");
        var id = _ids.Next();
        var token = $"tok-{id}-{Guid.NewGuid():N}";
        var payload = new JsonObject
        {
            ["id"] = id.ToString(), ["application_id"] = ApplicationId.ToString(), ["type"] = type, ["data"] = data,
            ["channel_id"] = channel.Id.ToString(), ["channel"] = new JsonObject { ["id"] = channel.Id.ToString(), ["type"] = channel.Type },
            ["token"] = token, ["version"] = 1, ["locale"] = "en-US",
            ["context"] = guild is null ? 1 : 0,
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = guild?.Id.ToString() ?? "0" },
            ["app_permissions"] = (guild?.BotPermissions ?? FakePermissions.DefaultBot).ToString(),
        };
        if (guild is null)
            payload["user"] = user.ToJson();
        else
        {
            payload["guild_id"] = guild.Id.ToString();
            ulong permissions;
            lock (Gate) permissions = guild.Members.GetValueOrDefault(user.Id, FakePermissions.DefaultMember);
            payload["member"] = new JsonObject { ["user"] = user.ToJson(), ["roles"] = new JsonArray(), ["permissions"] = permissions.ToString(), ["joined_at"] = "2025-01-01T00:00:00Z" };
        }
        if (message is not null)
            payload["message"] = message.ToJson(User(message.AuthorId) ?? Bot);
        var interaction = new FakeInteraction(id, token, type, user, guild?.Id, channel.Id, payload, message);
        _interactions[id] = interaction;
        await _gateway.DispatchAsync("INTERACTION_CREATE", payload, sent: () => StartDeadline(interaction));
        return interaction;
    }

    // The 3-second rule counts from when Discord actually delivered the event.
    private void StartDeadline(FakeInteraction interaction)
    {
        if (interaction.SentAt is not null) return;
        interaction.SentAt = Time.GetUtcNow();
        _ = Task.Delay(Options.InteractionAckDeadline, Time).ContinueWith(_ =>
        {
            if (!interaction.TryBeginAcknowledge()) return;
            interaction.Expire();
        }, TaskScheduler.Default);
    }

    private JsonObject CommandData(string name, FakeOption[] options)
    {
        var data = new JsonObject { ["id"] = _ids.Next().ToString(), ["name"] = name, ["type"] = 1 };
        if (options.Length > 0) data["options"] = OptionsJson(options);
        var users = options.SelectMany(Flatten).Where(o => o.Type == 6 && o.Value is not null)
            .Select(o => User(ulong.Parse(o.Value!.ToString()!))).OfType<FakeUser>().ToList();
        if (users.Count > 0)
            data["resolved"] = new JsonObject { ["users"] = new JsonObject(users.DistinctBy(u => u.Id).Select(u => KeyValuePair.Create(u.Id.ToString(), (JsonNode?)u.ToJson()))) };
        return data;

        static IEnumerable<FakeOption> Flatten(FakeOption o) => new[] { o }.Concat((o.Options ?? []).SelectMany(Flatten));
    }

    private static JsonArray OptionsJson(IEnumerable<FakeOption> options) => new(options.Select(o =>
    {
        var json = new JsonObject { ["name"] = o.Name, ["type"] = o.Type };
        if (o.Value is not null) json["value"] = JsonValue.Create(o.Value);
        if (o.Options is not null) json["options"] = OptionsJson(o.Options);
        if (o.Focused) json["focused"] = true;
        return (JsonNode)json;
    }).ToArray());

    private static IEnumerable<JsonNode> Buttons(FakeMessage message) =>
        message.Components.SelectMany(row => row?["components"]?.AsArray() ?? []).Where(c => c?["type"]?.GetValue<int>() == 2)!;

    private FakeGuild? GuildOf(FakeMessage message) => Channel(message.ChannelId)?.GuildId is { } g ? Guild(g) : null;
}
