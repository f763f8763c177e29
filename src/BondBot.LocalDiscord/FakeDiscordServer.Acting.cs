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

    /// <summary>A guild the bot is in; GUILD_CREATE reaches a connected bot.</summary>
    public FakeGuild AddGuild(string name, ulong? botPermissions = null) => AddGuild(name, _ids.Next(), botPermissions);

    private FakeGuild AddGuild(string name, ulong id, ulong? botPermissions)
    {
        var guild = new FakeGuild(this, id, name, botPermissions ?? Options.BotGuildPermissions);
        lock (Gate) _guilds.Add(guild);
        _ = _gateway.DispatchAsync("GUILD_CREATE", guild.ToJson(), intent: Intents.Guilds);
        return guild;
    }

    internal async Task RemoveGuildAsync(FakeGuild guild)
    {
        lock (Gate) _guilds.Remove(guild);
        await _gateway.DispatchAsync("GUILD_DELETE", new JsonObject { ["id"] = guild.Id.ToString() }, intent: Intents.Guilds);
    }

    /// <summary>An admin deleted the channel: CHANNEL_DELETE is dispatched.</summary>
    public Task DeleteChannelAsync(ulong channelId)
    {
        var channel = RemoveChannel(channelId) ?? throw new InvalidOperationException($"No channel {channelId}.");
        return _gateway.DispatchAsync("CHANNEL_DELETE", channel.ToJson(), intent: Intents.Guilds);
    }

    /// <summary>The user writes to the bot; MESSAGE_CREATE in the DM channel, with no CHANNEL_CREATE first (as on Discord).</summary>
    public Task SendDirectMessageAsync(FakeUser user, string content)
    {
        var channel = DmChannelFor(user);
        var message = new FakeMessage { Id = _ids.Next(), ChannelId = channel.Id, AuthorId = user.Id, Content = content, CreatedAt = Time.GetUtcNow() };
        AddMessage(message);
        return _gateway.DispatchAsync("MESSAGE_CREATE", message.ToJson(user), intent: Intents.DirectMessages);
    }

    public Task<FakeInteraction> InvokeCommandAsync(FakeUser user, string name, FakeGuild? guild = null, FakeChannel? channel = null, params FakeOption[] options) =>
        StartInteractionAsync(2, user, guild, channel, CommandData(name, guild, options), null);

    public Task<FakeInteraction> AutocompleteAsync(FakeUser user, string name, FakeGuild? guild, FakeChannel? channel, params FakeOption[] options) =>
        StartInteractionAsync(4, user, guild, channel, CommandData(name, guild, options), null);

    /// <summary>Clicks a button; throws when the message has no enabled button with that custom_id (the user could not click it).</summary>
    public Task<FakeInteraction> ClickButtonAsync(FakeUser user, FakeMessage message, string customId)
    {
        var button = Component(message, customId, 2);
        if (button["style"]?.GetValue<int>() is 5 or 6)
            throw new InvalidOperationException($"The button '{customId}' is a link or premium button; Discord sends no interaction for it.");
        return StartInteractionAsync(3, user, GuildOf(message), Channel(message.ChannelId), new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, message);
    }

    /// <summary>Picks values in a string select; throws when the select is missing or disabled, or the values could not be picked.</summary>
    public Task<FakeInteraction> SelectAsync(FakeUser user, FakeMessage message, string customId, params string[] values)
    {
        var select = Component(message, customId, 3);
        var offered = (select["options"] as JsonArray ?? []).Select(o => o?["value"]?.ToString()).ToHashSet();
        var min = select["min_values"]?.GetValue<int>() ?? 1;
        var max = select["max_values"]?.GetValue<int>() ?? 1;
        if (values.Any(v => !offered.Contains(v)) || values.Length < min || values.Length > max || values.Distinct().Count() != values.Length)
            throw new InvalidOperationException($"A user cannot pick [{string.Join(", ", values)}] in '{customId}' (options [{string.Join(", ", offered)}], {min}–{max} values).");
        return StartInteractionAsync(3, user, GuildOf(message), Channel(message.ChannelId),
            new JsonObject { ["custom_id"] = customId, ["component_type"] = 3, ["values"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) }, message);
    }

    /// <summary>Submits the modal the bot showed in answer to <paramref name="opened"/>, mirroring its layout: Label items
    /// come back as type 18 with a nested component, legacy rows as type 1 rows. Throws when a user could not submit it.</summary>
    public Task<FakeInteraction> SubmitModalAsync(FakeUser user, FakeInteraction opened, IReadOnlyDictionary<string, string> values)
    {
        var modal = opened.Modal ?? throw new InvalidOperationException("The bot did not answer that interaction with a modal.");
        var submitted = new JsonArray();
        var known = new HashSet<string>();
        var position = 0;
        foreach (var item in modal["components"]!.AsArray())
        {
            position++;
            if (item!["type"]!.GetValue<int>() == 10)
            {
                // A text display comes back with its numeric id only (Receiving and Responding §Modal Submit).
                submitted.Add(new JsonObject { ["type"] = 10, ["id"] = item["id"]?.GetValue<int>() ?? position });
                continue;
            }
            var isLabel = item!["type"]!.GetValue<int>() == 18;
            var input = isLabel ? item["component"]! : item["components"]![0]!;
            var id = input["custom_id"]!.GetValue<string>();
            known.Add(id);
            // A pre-filled value is what the user submits unless they change it.
            var value = values.GetValueOrDefault(id) ?? input["value"]?.GetValue<string>() ?? "";
            var required = input["required"]?.GetValue<bool>() ?? true;
            var min = input["min_length"]?.GetValue<int>() ?? 0;
            var max = input["max_length"]?.GetValue<int>() ?? 4000;
            if ((required && value.Length == 0) || value.Length > max || (value.Length > 0 && value.Length < min))
                throw new InvalidOperationException($"Discord would not let a user submit '{id}' with {value.Length} characters (required: {required}, {min}–{max}).");
            var field = new JsonObject { ["type"] = 4, ["custom_id"] = id, ["value"] = value };
            submitted.Add(isLabel ? new JsonObject { ["type"] = 18, ["component"] = field } : new JsonObject { ["type"] = 1, ["components"] = new JsonArray(field) });
        }
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw new InvalidOperationException($"The modal has no text input '{unknown}'.");
        var data = new JsonObject { ["custom_id"] = modal["custom_id"]!.GetValue<string>(), ["components"] = submitted };
        var guild = opened.GuildId is { } g ? Guild(g) : null;
        return StartInteractionAsync(5, user, guild, Channel(opened.ChannelId), data, opened.SourceMessage);
    }

    private static JsonObject Component(FakeMessage message, string customId, int type)
    {
        if (message.Deleted) throw new InvalidOperationException("The message was deleted.");
        var component = message.Components.SelectMany(row => row?["components"]?.AsArray() ?? [])
            .FirstOrDefault(c => c?["type"]?.GetValue<int>() == type && c["custom_id"]?.GetValue<string>() == customId) as JsonObject
            ?? throw new InvalidOperationException($"The message has no {(type == 2 ? "button" : "select")} '{customId}'.");
        if (component["disabled"]?.GetValue<bool>() == true)
            throw new InvalidOperationException($"The component '{customId}' is disabled.");
        return component;
    }

    private FakeGuild? GuildOf(FakeMessage message) => Channel(message.ChannelId)?.GuildId is { } g ? Guild(g) : null;
}
