using BondBot.Discord;
using BondBot.Discord.Interactions;

namespace BondBot.Interactions;

/// <summary>What a handler needs about one interaction, with shortcuts for the replies BondBot sends most.</summary>
public sealed class InteractionContext(InteractionResponder responder, IServiceProvider services)
{
    public InteractionResponder Responder { get; } = responder;
    public IServiceProvider Services { get; } = services;
    public Interaction Interaction => Responder.Interaction;
    public InteractionData Data => Interaction.Data ?? new InteractionData();
    public User User => Interaction.Invoker;
    public ulong UserId => User.Id;
    public ulong? GuildId => Interaction.GuildId;
    public ulong? ChannelId => Interaction.ChannelId;
    public bool InGuild => Interaction.GuildId is not null;

    /// <summary>The invoker's permissions in the channel (guilds only).</summary>
    public Permissions MemberPermissions => Interaction.Member?.Permissions ?? Permissions.None;

    /// <summary>A private reply only the invoker sees.</summary>
    public Task ReplyPrivatelyAsync(string content, CancellationToken cancellationToken = default) =>
        Responder.ReplyAsync(new MessagePayload { Content = DiscordLimits.Truncate(content, DiscordLimits.Content), Flags = MessageFlags.Ephemeral }, cancellationToken);

    /// <summary>A private reply with embeds and components.</summary>
    public Task ReplyPrivatelyAsync(MessagePayload message, CancellationToken cancellationToken = default) =>
        Responder.ReplyAsync(message with { Flags = (message.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral }, cancellationToken);

    /// <summary>A private reply with files beside it (e.g. a chart); the files ride on the edit of a private deferral.</summary>
    public Task ReplyPrivatelyAsync(MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken = default) =>
        Responder.ReplyWithFilesAsync(message with { Flags = (message.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral }, files, cancellationToken);
}
