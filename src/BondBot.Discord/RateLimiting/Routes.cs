namespace BondBot.Discord.RateLimiting;

/// <summary>Every REST route the client calls, in one table. Paths are relative to the API base URL.</summary>
internal static class Routes
{
    public static Route GatewayBot() => new(HttpMethod.Get, "gateway/bot", "/gateway/bot", "");
    public static Route CurrentUser() => new(HttpMethod.Get, "users/@me", "/users/@me", "");
    public static Route User(ulong userId) => new(HttpMethod.Get, $"users/{userId}", "/users/{user_id}", "");
    public static Route CurrentApplication() => new(HttpMethod.Get, "applications/@me", "/applications/@me", "");

    public static Route GlobalCommands(HttpMethod method, ulong applicationId) =>
        new(method, $"applications/{applicationId}/commands", "/applications/{application_id}/commands", "");

    public static Route GuildCommands(HttpMethod method, ulong applicationId, ulong guildId) =>
        new(method, $"applications/{applicationId}/guilds/{guildId}/commands", "/applications/{application_id}/guilds/{guild_id}/commands", $"guilds/{guildId}");

    public static Route InteractionCallback(ulong interactionId, string token) =>
        new(HttpMethod.Post, $"interactions/{interactionId}/{Uri.EscapeDataString(token)}/callback",
            "/interactions/{interaction_id}/{token}/callback", $"interactions/{interactionId}", ExemptFromGlobal: true);

    public static Route OriginalResponse(HttpMethod method, ulong applicationId, string token) =>
        new(method, $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}/messages/@original",
            "/webhooks/{application_id}/{token}/messages/@original", $"webhooks/{applicationId}/{token}", ExemptFromGlobal: true);

    public static Route FollowUp(ulong applicationId, string token) =>
        new(HttpMethod.Post, $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}",
            "/webhooks/{application_id}/{token}", $"webhooks/{applicationId}/{token}", ExemptFromGlobal: true);

    public static Route CreateDm() => new(HttpMethod.Post, "users/@me/channels", "/users/@me/channels", "");

    public static Route CreateMessage(ulong channelId) =>
        new(HttpMethod.Post, $"channels/{channelId}/messages", "/channels/{channel_id}/messages", $"channels/{channelId}");

    public static Route EditMessage(ulong channelId, ulong messageId) =>
        new(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}", "/channels/{channel_id}/messages/{message_id}", $"channels/{channelId}");

    public static Route CreateGuildChannel(ulong guildId) =>
        new(HttpMethod.Post, $"guilds/{guildId}/channels", "/guilds/{guild_id}/channels", $"guilds/{guildId}");

    public static Route GetChannel(ulong channelId) =>
        new(HttpMethod.Get, $"channels/{channelId}", "/channels/{channel_id}", $"channels/{channelId}");

    public static Route DeleteChannel(ulong channelId) =>
        new(HttpMethod.Delete, $"channels/{channelId}", "/channels/{channel_id}", $"channels/{channelId}");

    public static Route GuildMember(ulong guildId, ulong userId) =>
        new(HttpMethod.Get, $"guilds/{guildId}/members/{userId}", "/guilds/{guild_id}/members/{user_id}", $"guilds/{guildId}");

    public static Route GuildRoles(ulong guildId) =>
        new(HttpMethod.Get, $"guilds/{guildId}/roles", "/guilds/{guild_id}/roles", $"guilds/{guildId}");
}
