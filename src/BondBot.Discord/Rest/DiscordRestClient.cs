using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BondBot.Discord.Json;
using BondBot.Discord.RateLimiting;

namespace BondBot.Discord.Rest;

/// <summary>
/// The REST endpoints BondBot uses (Discord API v10). Every payload is checked against Discord's limits before it
/// is sent, mentions default to none, and every call goes through the rate limiter. Errors arrive as
/// <see cref="DiscordApiException"/> with Discord's code.
/// </summary>
public sealed class DiscordRestClient
{
    private readonly RestExecutor _executor;
    private readonly IOutgoingMessageFilter? _filter;

    internal DiscordRestClient(RestExecutor executor, IOutgoingMessageFilter? filter = null) => (_executor, _filter) = (executor, filter);

    /// <summary>GET /gateway/bot (Gateway §Get Gateway Bot).</summary>
    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Routes.GatewayBot(), DiscordJson.Default.GatewayBotInfo, cancellationToken);

    /// <summary>GET /users/@me.</summary>
    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Routes.CurrentUser(), DiscordJson.Default.User, cancellationToken);

    /// <summary>GET /users/{user.id} (User §Get User), or null when Discord knows no such user (10013).</summary>
    public async Task<User?> GetUserAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(Routes.User(userId), DiscordJson.Default.User, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownUser)
        {
            return null;
        }
    }

    /// <summary>GET /applications/@me.</summary>
    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Routes.CurrentApplication(), DiscordJson.Default.Application, cancellationToken);

    /// <summary>GET the registered commands, globally or of one guild (Application Commands §Endpoints).</summary>
    public async Task<IReadOnlyList<ApplicationCommand>> GetCommandsAsync(ulong applicationId, ulong? guildId, CancellationToken cancellationToken = default) =>
        await GetAsync(CommandsRoute(HttpMethod.Get, applicationId, guildId), DiscordJson.Default.ListApplicationCommand, cancellationToken);

    /// <summary>PUT: replaces all commands in one call (Application Commands §Bulk Overwrite).</summary>
    public async Task<IReadOnlyList<ApplicationCommand>> OverwriteCommandsAsync(ulong applicationId, ulong? guildId,
        IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        CommandValidator.Validate(commands);
        var list = commands.ToList();
        var body = await _executor.SendAsync(CommandsRoute(HttpMethod.Put, applicationId, guildId),
            () => JsonContentFactory.Create(list, DiscordJson.Default.ListApplicationCommand), RetryMode.Idempotent, cancellationToken);
        return Deserialize(body, DiscordJson.Default.ListApplicationCommand);
    }

    /// <summary>The initial response with a message (4), a deferral (5, 6) or a message update (7)
    /// (Receiving and Responding §Create Interaction Response). Must arrive within 3 seconds of the event.</summary>
    public Task RespondAsync(ulong interactionId, string token, InteractionCallbackType type, MessagePayload? data,
        CancellationToken cancellationToken = default)
    {
        if (type is InteractionCallbackType.Modal or InteractionCallbackType.ApplicationCommandAutocompleteResult)
            throw new ArgumentException("Use ShowModalAsync or AutocompleteAsync for this callback type.", nameof(type));
        data = data is null ? null : Outgoing(data);
        if (data is not null && type is InteractionCallbackType.ChannelMessageWithSource or InteractionCallbackType.UpdateMessage)
            PayloadValidator.Validate(data, isInteractionResponse: true, requireBody: type == InteractionCallbackType.ChannelMessageWithSource);
        var payload = data is null ? null : WithDefaultMentions(data);
        return _executor.SendAsync(Routes.InteractionCallback(interactionId, token),
            () => JsonContentFactory.Callback(type, payload, DiscordJson.Default.MessagePayload), RetryMode.Callback, cancellationToken);
    }

    /// <summary>Shows a modal (callback type 9); only as the first response, never to a modal submit.</summary>
    public Task ShowModalAsync(ulong interactionId, string token, ModalPayload modal, CancellationToken cancellationToken = default)
    {
        PayloadValidator.Validate(modal);
        return _executor.SendAsync(Routes.InteractionCallback(interactionId, token),
            () => JsonContentFactory.Callback(InteractionCallbackType.Modal, modal, DiscordJson.Default.ModalPayload), RetryMode.Callback, cancellationToken);
    }

    /// <summary>Answers an autocomplete interaction with up to 25 choices (callback type 8).</summary>
    public Task AutocompleteAsync(ulong interactionId, string token, IReadOnlyList<CommandChoice> choices, CancellationToken cancellationToken = default)
    {
        PayloadValidator.ValidateChoices(choices, "choices");
        var data = new AutocompletePayload(choices);
        return _executor.SendAsync(Routes.InteractionCallback(interactionId, token),
            () => JsonContentFactory.Callback(InteractionCallbackType.ApplicationCommandAutocompleteResult, data, DiscordJson.Default.AutocompletePayload),
            RetryMode.Callback, cancellationToken);
    }

    /// <summary>PATCH the original response (after a deferral, or to change a reply).</summary>
    public Task<Message> EditOriginalResponseAsync(ulong applicationId, string token, MessagePayload message, CancellationToken cancellationToken = default) =>
        EditOriginalResponseAsync(applicationId, token, message, null, cancellationToken);

    /// <summary>PATCH the original response with file uploads (multipart, Reference §Uploading Files): how a deferred
    /// reply carries an image, since the files then ride on the edit rather than on the callback.</summary>
    public async Task<Message> EditOriginalResponseAsync(ulong applicationId, string token, MessagePayload message, IReadOnlyList<FileUpload>? files,
        CancellationToken cancellationToken = default)
    {
        message = Outgoing(message);
        var payload = WithDefaultMentions(message) with
        {
            Attachments = files is { Count: > 0 } ? files.Select((f, i) => new AttachmentInfo(i, f.FileName, f.Description)).ToList() : message.Attachments,
        };
        PayloadValidator.Validate(payload, isInteractionResponse: true, requireBody: false);
        var body = await _executor.SendAsync(Routes.OriginalResponse(HttpMethod.Patch, applicationId, token),
            () => JsonContentFactory.Message(payload, files), RetryMode.Idempotent, cancellationToken);
        return Deserialize(body, DiscordJson.Default.Message);
    }

    /// <summary>GET the original response (Receiving and Responding §Get Original Interaction Response): the message a
    /// reply became, to learn its id. Uses the interaction's webhook bucket, never a channel's.</summary>
    public Task<Message> GetOriginalResponseAsync(ulong applicationId, string token, CancellationToken cancellationToken = default) =>
        GetAsync(Routes.OriginalResponse(HttpMethod.Get, applicationId, token), DiscordJson.Default.Message, cancellationToken);

    /// <summary>POST a follow-up message; flag Ephemeral keeps it private.</summary>
    public async Task<Message> CreateFollowUpAsync(ulong applicationId, string token, MessagePayload message, CancellationToken cancellationToken = default)
    {
        message = Outgoing(message);
        PayloadValidator.Validate(message, isInteractionResponse: true);
        var payload = WithDefaultMentions(message);
        var body = await _executor.SendAsync(Routes.FollowUp(applicationId, token),
            () => JsonContentFactory.Create(payload, DiscordJson.Default.MessagePayload), RetryMode.None, cancellationToken);
        return Deserialize(body, DiscordJson.Default.Message);
    }

    /// <summary>Opens (or returns the existing) DM channel with a user (User §Create DM).</summary>
    public async Task<Channel> CreateDmAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        var body = await _executor.SendAsync(Routes.CreateDm(),
            () => JsonContentFactory.Create(new CreateDmRequest(userId), DiscordJson.Default.CreateDmRequest), RetryMode.Idempotent, cancellationToken);
        return Deserialize(body, DiscordJson.Default.Channel);
    }

    /// <summary>POST a message, with optional file uploads (Message §Create Message). Every message carries a nonce
    /// with <c>enforce_nonce</c> (the caller's, or a fresh one), so a send is retried safely after a network error or
    /// 5xx: Discord returns the first message on a repeat instead of posting twice.</summary>
    public async Task<Message> CreateMessageAsync(ulong channelId, MessagePayload message, IReadOnlyList<FileUpload>? files = null,
        CancellationToken cancellationToken = default)
    {
        message = Outgoing(message);
        var payload = WithDefaultMentions(message) with
        {
            Attachments = files is { Count: > 0 } ? files.Select((f, i) => new AttachmentInfo(i, f.FileName, f.Description)).ToList() : message.Attachments,
            Nonce = message.Nonce ?? "m" + Guid.NewGuid().ToString("N")[..24],
            EnforceNonce = true,
        };
        PayloadValidator.Validate(payload, isInteractionResponse: false);
        const RetryMode mode = RetryMode.Nonce;
        var body = await _executor.SendAsync(Routes.CreateMessage(channelId),
            () => JsonContentFactory.Message(payload, files), mode, cancellationToken);
        return Deserialize(body, DiscordJson.Default.Message);
    }

    /// <summary>PATCH a message the bot sent.</summary>
    public async Task<Message> EditMessageAsync(ulong channelId, ulong messageId, MessagePayload message, CancellationToken cancellationToken = default)
    {
        message = Outgoing(message);
        PayloadValidator.Validate(message, isInteractionResponse: false, requireBody: false);
        var payload = WithDefaultMentions(message);
        var body = await _executor.SendAsync(Routes.EditMessage(channelId, messageId),
            () => JsonContentFactory.Create(payload, DiscordJson.Default.MessagePayload), RetryMode.Idempotent, cancellationToken);
        return Deserialize(body, DiscordJson.Default.Message);
    }

    /// <summary>Creates a guild channel (Guild §Create Guild Channel); needs MANAGE_CHANNELS, and every overwrite
    /// bit must be one the bot holds. Not retried after a network error: it could create the channel twice.</summary>
    public async Task<Channel> CreateGuildChannelAsync(ulong guildId, CreateGuildChannelRequest channel, CancellationToken cancellationToken = default)
    {
        PayloadValidator.Validate(channel);
        var body = await _executor.SendAsync(Routes.CreateGuildChannel(guildId),
            () => JsonContentFactory.Create(channel, DiscordJson.Default.CreateGuildChannelRequest), RetryMode.None, cancellationToken);
        return Deserialize(body, DiscordJson.Default.Channel);
    }

    /// <summary>GET a channel with its permission overwrites (Channel §Get Channel), or null when it is gone (10003).</summary>
    public async Task<Channel?> GetChannelAsync(ulong channelId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(Routes.GetChannel(channelId), DiscordJson.Default.Channel, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
        {
            return null;
        }
    }

    /// <summary>Deletes a channel (Channel §Delete/Close Channel).</summary>
    public async Task<Channel> DeleteChannelAsync(ulong channelId, CancellationToken cancellationToken = default)
    {
        var body = await _executor.SendAsync(Routes.DeleteChannel(channelId), () => null, RetryMode.Idempotent, cancellationToken);
        return Deserialize(body, DiscordJson.Default.Channel);
    }

    /// <summary>GET a guild member, or null when the user is not in that guild (10007).</summary>
    public async Task<GuildMember?> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(Routes.GuildMember(guildId, userId), DiscordJson.Default.GuildMember, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownMember or DiscordErrorCode.UnknownUser)
        {
            return null;
        }
    }

    /// <summary>GET the guild's roles (Guild §Get Guild Roles), with their permission bits.</summary>
    public async Task<IReadOnlyList<Role>> GetGuildRolesAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        await GetAsync(Routes.GuildRoles(guildId), DiscordJson.Default.ListRole, cancellationToken);

    private static Route CommandsRoute(HttpMethod method, ulong applicationId, ulong? guildId) =>
        guildId is { } guild ? Routes.GuildCommands(method, applicationId, guild) : Routes.GlobalCommands(method, applicationId);

    // Interaction responses only ping users by default, channel messages ping everything; BondBot echoes what
    // people wrote, so nothing pings unless the caller allows it explicitly.
    private MessagePayload Outgoing(MessagePayload message) => _filter?.Apply(message) ?? message;

    private static MessagePayload WithDefaultMentions(MessagePayload message) =>
        message.AllowedMentions is null ? message with { AllowedMentions = AllowedMentions.None } : message;

    private async Task<T> GetAsync<T>(Route route, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        Deserialize(await _executor.SendAsync(route, () => null, RetryMode.Idempotent, cancellationToken), type);

    private static T Deserialize<T>(byte[] body, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(body, type) ?? throw new JsonException($"Discord returned an empty {typeof(T).Name}.");
}
