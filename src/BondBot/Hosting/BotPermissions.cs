using BondBot.Discord;

namespace BondBot.Hosting;

/// <summary>The guild permissions BondBot asks for in its invite link (README, "Set up the Discord application").</summary>
public static class BotPermissions
{
    /// <summary>View, send, embed, attach, read history, react; Manage Channels only for private couple spaces.</summary>
    public const Permissions Required = Permissions.ViewChannel | Permissions.SendMessages | Permissions.EmbedLinks
        | Permissions.AttachFiles | Permissions.ReadMessageHistory | Permissions.AddReactions | Permissions.ManageChannels;
}
