using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Space;

/// <summary>What spaces say. Honest about who can read a channel: server owners and admins can see every channel.</summary>
public static class SpaceMessages
{
    public const string AgreePrefix = "space.agree";
    public const string NotNowPrefix = "space.notnow";

    public const string WhoCanSee = "Only the two of you, BondBot and this server's admins can see it (admins can see every channel on a server).";

    public const string MissingManageChannels =
        "I need the **Manage Channels** permission to create your private space. A server admin can grant it under " +
        "Server Settings → Roles → BondBot → Manage Channels, then try `/space open` again.";

    public static MessagePayload Request(ulong requesterId, long pairId) => new()
    {
        Embeds =
        [
            new Embed
            {
                Title = "🏡 A private space for the two of you?",
                Description = $"{PairingMessages.Mention(requesterId)} would like to open a private channel for you both on the server where they asked. " +
                              $"{WhoCanSee} Reveals, check-in cards and notes would arrive there instead of in your DMs.\n\n" +
                              "Nothing is created unless you agree.",
                Color = PairingMessages.Pink,
            },
        ],
        Components =
        [
            Component.Row(
                Component.Button(CustomId.Create(AgreePrefix, pairId), "Open our space", ButtonStyle.Success),
                Component.Button(CustomId.Create(NotNowPrefix, pairId), "Not now")),
        ],
    };

    public static MessagePayload Welcome(Pair pair) => new()
    {
        Content = $"💞 Welcome, {PairingMessages.Mention(pair.UserA)} and {PairingMessages.Mention(pair.UserB)}. {WhoCanSee} " +
                  "Reveals, check-in cards and appreciation notes will arrive here; your daily prompts still come to your DMs at your own time. " +
                  "If anyone else is ever given access, I'll stop posting here and tell you both.",
        AllowedMentions = AllowedMentions.OnlyUsers(pair.UserA, pair.UserB),
    };

    public static MessagePayload Note(string text) => new() { Content = text };

    public const string Deleted = "Your private space was deleted, so I'll send reveals and cards by DM again. `/space open` makes a new one.";

    public const string Widened =
        "Someone changed who can see your private space, so it isn't just the two of you any more. I've stopped posting there and " +
        "will send reveals, cards and notes by DM instead. You can close it with `/space close`, or open a fresh one with `/space open`.";

    /// <summary>The reply when this server's admins switched private spaces off.</summary>
    public const string SwitchedOff = "This server's admins have switched private spaces off here, so I can't open one. 💛 Everything keeps coming to you both by DM.";
}
