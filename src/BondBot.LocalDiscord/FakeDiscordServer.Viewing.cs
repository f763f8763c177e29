using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>What a Discord client shows a person: the channels they can see, the messages in them (ephemeral ones only
/// to the person who triggered them) and a signal whenever the bot changed something. The playground's page reads these.</summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>Raised after every REST request the bot made (a message sent, edited, deleted, a channel created…)
    /// and after a person wrote; a client refreshes what it shows. Handlers must be quick and must not throw.</summary>
    public event Action? Changed;

    internal void NotifyChanged() => Changed?.Invoke();

    /// <summary>The person's DM channel with the bot, created on first use as Discord does.</summary>
    public FakeChannel DirectMessageChannel(FakeUser user) => DmChannelFor(user);

    public FakeChannel? FindChannel(ulong id) => Channel(id);
    public FakeUser? FindUser(ulong id) => User(id);
    public FakeMessage? FindMessage(ulong id) => Message(id);
    public FakeInteraction? FindInteraction(ulong id) => Interaction(id);

    /// <summary>Text channels of the guild this person may view: a private channel (@everyone denied View Channel)
    /// shows only to members an overwrite lets in (Permissions §Permission Overwrites).</summary>
    public IReadOnlyList<FakeChannel> VisibleChannels(FakeGuild guild, FakeUser user)
    {
        lock (Gate)
            return guild.Channels.Where(c => c.Type == 0 && CanView(guild, c, user)).ToList();
    }

    private static bool CanView(FakeGuild guild, FakeChannel channel, FakeUser user)
    {
        var everyone = channel.PermissionOverwrites.FirstOrDefault(o => o.Type == 0 && o.Id == guild.Id);
        if (everyone is null || (everyone.Deny & FakePermissions.ViewChannel) == 0) return true;
        return channel.PermissionOverwrites.Any(o => o.Type == 1 && o.Id == user.Id && (o.Allow & FakePermissions.ViewChannel) != 0);
    }

    /// <summary>The channel's messages as this person sees them, oldest first: everyone's, plus ephemeral ones from
    /// interactions they started.</summary>
    public IReadOnlyList<FakeMessage> MessagesSeenBy(FakeUser user, ulong channelId)
    {
        lock (Gate)
            return _messages.Where(m => m.ChannelId == channelId
                && (!m.Ephemeral || m.InteractionId is { } i && Interaction(i)?.User.Id == user.Id)).ToList();
    }

    /// <summary>A message as the API returns it (Message §Message Object), author included.</summary>
    public JsonObject MessageJson(FakeMessage message) => message.ToJson(User(message.AuthorId) ?? Bot);

    /// <summary>The person writes in a channel (a guild channel or their DM): MESSAGE_CREATE reaches the bot.</summary>
    public Task SendMessageAsync(FakeUser user, FakeChannel channel, string content)
    {
        var message = new FakeMessage { Id = _ids.Next(), ChannelId = channel.Id, AuthorId = user.Id, Content = content, CreatedAt = Time.GetUtcNow() };
        AddMessage(message);
        NotifyChanged();
        var json = message.ToJson(user);
        if (channel.GuildId is { } guildId) json["guild_id"] = guildId.ToString();
        return _gateway.DispatchAsync("MESSAGE_CREATE", json, intent: channel.GuildId is null ? Intents.DirectMessages : Intents.GuildMessages);
    }
}
