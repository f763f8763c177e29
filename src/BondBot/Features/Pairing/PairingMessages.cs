using BondBot.Discord;
using BondBot.Interactions;

namespace BondBot.Features.Pairing;

/// <summary>Everything pairing says to people, in one place: short, kind, and clear about what happens next.</summary>
public static class PairingMessages
{
    public const int Pink = 0xE91E63;

    public static string Mention(ulong userId) => $"<@{userId}>";

    public static MessagePayload Invite(Invite invite, string inviterName, bool postedInChannel) => new()
    {
        Content = postedInChannel ? $"{Mention(invite.InviteeId)}, you have a pairing invite (your DMs are closed, so it's here — only you can answer it)." : null,
        AllowedMentions = postedInChannel ? AllowedMentions.OnlyUsers(invite.InviteeId) : null,
        Embeds =
        [
            new Embed
            {
                Title = "💌 An invitation to pair up",
                Description = DiscordLimits.Truncate(
                    $"**{inviterName}** ({Mention(invite.InviterId)}) would like to pair with you on BondBot.\n\n" +
                    "Paired partners get a conversation question now and then — each of you answers privately, and the answers are " +
                    "revealed together only once you've both answered — plus an optional short daily check-in in your DMs.\n\n" +
                    $"Nothing is linked unless you accept. This invite expires <t:{invite.ExpiresAt.ToUnixTimeSeconds()}:R>.",
                    DiscordLimits.EmbedDescription),
                Color = Pink,
            },
        ],
        Components =
        [
            Component.Row(
                Component.Button(CustomId.Create(InviteResponseHandler.AcceptPrefix, invite.InviteId), "Accept", ButtonStyle.Success),
                Component.Button(CustomId.Create(InviteResponseHandler.DeclinePrefix, invite.InviteId), "Decline"),
                Component.Button(CustomId.Create(InviteResponseHandler.BlockPrefix, invite.InviteId), "Don't invite me again")),
        ],
    };

    public static MessagePayload Welcome(ulong partnerId, CommandCatalog catalog)
    {
        var steps = new List<string>();
        if (catalog.Has("settings"))
            steps.Add("• `/settings` — set your time zone and daily check-in time. Until you do, I won't send you daily check-ins.");
        steps.Add("• `/question` — get your first question together. Your answer stays hidden until your partner answers too.");
        if (catalog.Has("couple"))
            steps.Add("• `/couple distance:` — tell me if you live apart or together, so questions and rituals fit you.");
        if (catalog.Has("space"))
            steps.Add("• `/space open` — open a private channel just for the two of you.");
        steps.Add("• `/help` — everything else.");
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "💞 You're paired!",
                    Description = $"You and {Mention(partnerId)} are now paired on BondBot. A few small steps to start:\n\n{string.Join('\n', steps)}",
                    Color = Pink,
                },
            ],
        };
    }

    public static MessagePayload Answered(string text) => new() { Content = text, Embeds = [], Components = [] };

    /// <summary>Said when an invite can't go out for a reason that belongs to the invitee (paired, said no to
    /// invites from this person, or had enough invites today): the inviter learns nothing about them.</summary>
    public const string CouldNotSend = "I couldn't send that invite. If you're sure you picked the right person, they can invite you with `/pair` instead.";

    public static string InviteRefusal(InviteOutcome outcome, ulong? partnerId) => outcome switch
    {
        InviteOutcome.Self => "You can't pair with yourself — invite your partner with `/pair partner:@them`.",
        InviteOutcome.Bot => "Bots can't be partners — please pick a person.",
        InviteOutcome.YouArePaired => $"You're already paired with {Mention(partnerId ?? 0)}. Use `/unpair` first if you want to pair with someone else.",
        InviteOutcome.TooSoon => $"You've just sent an invite — please wait {PairingService.InviterCooldown.TotalSeconds:0} seconds before sending another.",
        _ => CouldNotSend,
    };

    public static string AcceptRefusal(AcceptOutcome outcome) => outcome switch
    {
        AcceptOutcome.NotYours => "This invite is for someone else. To pair up with your own partner, use `/pair partner:@them`.",
        AcceptOutcome.Expired => "This invite has expired (invites last 7 days). Ask your partner to send a new one with `/pair`.",
        AcceptOutcome.AlreadyAnswered => "This invite has already been answered.",
        AcceptOutcome.NotFound => "I can't find that invite any more. Ask for a new one with `/pair`.",
        AcceptOutcome.YouArePaired => "You're already paired. Use `/unpair` first if you want to pair with someone else.",
        AcceptOutcome.InviterIsPaired => "This invite can't be accepted any more. If you'd still like to pair, send your own invite with `/pair`.",
        _ => "",
    };

    public static string DeclineRefusal(DeclineOutcome outcome) => outcome switch
    {
        DeclineOutcome.NotYours => "This invite is for someone else, so only they can answer it.",
        DeclineOutcome.Expired => "This invite has already expired, so there's nothing to decline.",
        DeclineOutcome.AlreadyAnswered => "This invite has already been answered.",
        _ => "I can't find that invite any more.",
    };
}
