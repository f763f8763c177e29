namespace BondBot.Discord;

/// <summary>JSON error codes the bot reacts to (Opcodes and Status Codes §JSON Error Codes).</summary>
public enum DiscordErrorCode
{
    /// <summary>General error, or no JSON body.</summary>
    General = 0,
    /// <summary>Unknown channel.</summary>
    UnknownChannel = 10003,
    /// <summary>Unknown guild.</summary>
    UnknownGuild = 10004,
    /// <summary>Unknown member.</summary>
    UnknownMember = 10007,
    /// <summary>Unknown message.</summary>
    UnknownMessage = 10008,
    /// <summary>Unknown user.</summary>
    UnknownUser = 10013,
    /// <summary>Unknown webhook (also an interaction token not yet acknowledged or expired).</summary>
    UnknownWebhook = 10015,
    /// <summary>Unknown interaction: not acknowledged within 3 seconds, or expired.</summary>
    UnknownInteraction = 10062,
    /// <summary>Interaction already acknowledged.</summary>
    InteractionAlreadyAcknowledged = 40060,
    /// <summary>Missing access.</summary>
    MissingAccess = 50001,
    /// <summary>Cannot send an empty message.</summary>
    EmptyMessage = 50006,
    /// <summary>Invalid recipients (e.g. a DM to a user who does not exist).</summary>
    InvalidRecipients = 50033,
    /// <summary>Cannot send messages to this user (DMs closed, blocked, no shared guild).</summary>
    CannotMessageUser = 50007,
    /// <summary>The bot lacks a permission.</summary>
    MissingPermissions = 50013,
    /// <summary>Invalid form body; see the field errors.</summary>
    InvalidFormBody = 50035,
}
