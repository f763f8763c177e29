namespace BondBot.Discord;

/// <summary>Message flags the bot uses (Message §Message Flags).</summary>
[Flags]
public enum MessageFlags
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary>Do not unfurl links.</summary>
    SuppressEmbeds = 1 << 2,
    /// <summary>Only the invoking user sees it; interaction responses only.</summary>
    Ephemeral = 1 << 6,
    /// <summary>No push notification.</summary>
    SuppressNotifications = 1 << 12,
}

/// <summary>A message (Message §Message Object); only the fields the bot reads.</summary>
public sealed record Message
{
    /// <summary>Message id.</summary>
    public ulong Id { get; init; }
    /// <summary>Channel id.</summary>
    public ulong ChannelId { get; init; }
    /// <summary>Guild id for guild messages received over the gateway.</summary>
    public ulong? GuildId { get; init; }
    /// <summary>Author.</summary>
    public User? Author { get; init; }
    /// <summary>Text content.</summary>
    public string? Content { get; init; }
    /// <summary>Embeds.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }
    /// <summary>Components.</summary>
    public IReadOnlyList<Component>? Components { get; init; }
    /// <summary>Flags.</summary>
    public MessageFlags? Flags { get; init; }
    /// <summary>Whether only the person who used the interaction sees it (it cannot be edited through the channel).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEphemeral => Flags is { } flags && flags.HasFlag(MessageFlags.Ephemeral);
}

/// <summary>Which mentions in a message may ping (Message §Allowed Mentions Object).</summary>
public sealed record AllowedMentions
{
    /// <summary>Mention kinds parsed from content: "users", "roles", "everyone".</summary>
    public IReadOnlyList<string>? Parse { get; init; }
    /// <summary>Users that may be pinged (≤100).</summary>
    public IReadOnlyList<ulong>? Users { get; init; }
    /// <summary>Roles that may be pinged (≤100).</summary>
    public IReadOnlyList<ulong>? Roles { get; init; }

    /// <summary>Nothing pings: the safe default whenever user-written text is echoed.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };

    /// <summary>Only the listed users are pinged.</summary>
    public static AllowedMentions OnlyUsers(params ulong[] users) => new() { Parse = [], Users = users };
}

/// <summary>
/// What the bot sends as a message: Create/Edit Message, interaction replies, follow-ups and edits share it.
/// Mentions are off unless <see cref="AllowedMentions"/> says otherwise (set by the REST client).
/// </summary>
public sealed record MessagePayload
{
    /// <summary>≤2000 characters.</summary>
    public string? Content { get; init; }
    /// <summary>≤10 embeds, ≤6000 characters in total.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }
    /// <summary>≤5 action rows.</summary>
    public IReadOnlyList<Component>? Components { get; init; }
    /// <summary>Mentions allowed to ping; null means none.</summary>
    public AllowedMentions? AllowedMentions { get; init; }
    /// <summary>Flags; Ephemeral only on interaction responses.</summary>
    public MessageFlags? Flags { get; init; }
    /// <summary>≤25 characters; with <see cref="EnforceNonce"/> a repeated send returns the first message.</summary>
    public string? Nonce { get; init; }
    /// <summary>Make <see cref="Nonce"/> de-duplicate sends.</summary>
    public bool? EnforceNonce { get; init; }
    /// <summary>Attachment metadata; filled from the files given to the REST call.</summary>
    public IReadOnlyList<AttachmentInfo>? Attachments { get; init; }
}

/// <summary>Attachment metadata in <c>payload_json</c>; <see cref="Id"/> is the n of <c>files[n]</c>.</summary>
public sealed record AttachmentInfo(int Id, string Filename, string? Description = null);

/// <summary>A file to upload with a message (Reference §Uploading Files).</summary>
public sealed record FileUpload(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "application/octet-stream", string? Description = null);
