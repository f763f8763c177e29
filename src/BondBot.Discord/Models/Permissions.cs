namespace BondBot.Discord;

/// <summary>Permission bits used by the client (Permissions §Bitwise Permission Flags).</summary>
[Flags]
public enum Permissions : ulong
{
    /// <summary>No permission.</summary>
    None = 0,
    /// <summary>ADD_REACTIONS.</summary>
    AddReactions = 1UL << 6,
    /// <summary>ADMINISTRATOR.</summary>
    Administrator = 1UL << 3,
    /// <summary>MANAGE_CHANNELS: needed to create and delete channels.</summary>
    ManageChannels = 1UL << 4,
    /// <summary>MANAGE_GUILD ("Manage Server").</summary>
    ManageGuild = 1UL << 5,
    /// <summary>VIEW_CHANNEL.</summary>
    ViewChannel = 1UL << 10,
    /// <summary>SEND_MESSAGES.</summary>
    SendMessages = 1UL << 11,
    /// <summary>EMBED_LINKS: needed to send embeds in guild channels.</summary>
    EmbedLinks = 1UL << 14,
    /// <summary>ATTACH_FILES.</summary>
    AttachFiles = 1UL << 15,
    /// <summary>READ_MESSAGE_HISTORY.</summary>
    ReadMessageHistory = 1UL << 16,
    /// <summary>MENTION_EVERYONE.</summary>
    MentionEveryone = 1UL << 17,
    /// <summary>MANAGE_ROLES.</summary>
    ManageRoles = 1UL << 28,
    /// <summary>USE_APPLICATION_COMMANDS.</summary>
    UseApplicationCommands = 1UL << 31,
}
