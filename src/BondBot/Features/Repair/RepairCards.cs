using BondBot.Discord;
using BondBot.Interactions;

namespace BondBot.Features.Repair;

/// <summary>What the person sees in the kit: every one of these is a private reply (or an update of one). Their own
/// words are shown back as block quotes, in embeds, so nothing they typed can ping anyone.</summary>
public static class RepairCards
{
    public const string StartUpPrefix = "rp.startup";
    public const string PausePrefix = "rp.pause";
    public const string AttemptPrefix = "rp.attempt";
    public const string NotTherapy = "I'm a conversation companion, not therapy. If disagreements feel unsafe or keep hurting, a counsellor can help.";
    internal const int Colour = 0x9B59B6;

    /// <summary>The kit's first card: what it is, the three tools, and one idea for right now.</summary>
    public static MessagePayload Kit(ulong? partnerId, RepairCard idea) => new()
    {
        Embeds =
        [
            new Embed
            {
                Title = "🕊️ Repair kit",
                Description = (partnerId is { } partner
                        ? $"Just for you. Nothing goes to <@{partner}> unless you press **Send**."
                        : "Just for you. You're not paired right now, so there's no one to send to — the pause and the ideas still help.") +
                    "\n\nAfter a disagreement, three small steps can help: a **gentle start-up** to say what you feel and need, " +
                    "a **pause** to let your heart settle, and a **repair attempt** to reach back across.",
                Color = Colour,
                Fields = [new EmbedField("One thing to try right now", idea.Text)],
                Footer = new EmbedFooter(NotTherapy),
            },
        ],
        Components =
        [
            Component.Row(
                Component.Button(StartUpPrefix, "Gentle start-up", ButtonStyle.Primary),
                Component.Button(PausePrefix, "Take a pause"),
                Component.Button(AttemptPrefix, "Repair attempt")),
        ],
    };

    /// <summary>A private preview of what could be sent, with Send (only to a current partner), Edit and Keep.</summary>
    public static MessagePayload Preview(string title, string text, long draftId, ulong? partnerId, bool editable, RepairCard? inspiration = null)
    {
        var buttons = new List<Component>();
        if (partnerId is not null)
            buttons.Add(Component.Button(CustomId.Create(SendHandler.SendPrefix, draftId), "Send 💌", ButtonStyle.Success));
        if (editable)
            buttons.Add(Component.Button(CustomId.Create(StartUpHandler.EditPrefix, draftId), "Edit"));
        buttons.Add(Component.Button(CustomId.Create(SendHandler.KeepPrefix, draftId), "Keep it to myself"));
        var next = partnerId is { } partner
            ? $"Only you can see this. **Send** gives it to <@{partner}>; **Keep it to myself** sends nothing and forgets it."
            : "Only you can see this. There's no partner to send it to right now — it's yours to say in person, or to keep.";
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = title,
                    Description = DiscordLimits.Truncate($"{Quote(text)}\n\n{next}", DiscordLimits.EmbedDescription),
                    Color = Colour,
                    Fields = inspiration is null ? null : [new EmbedField("Another way to say it, if it helps", inspiration.Text)],
                },
            ],
            Components = [Component.Row([.. buttons])],
        };
    }

    /// <summary>The pressed preview once it is settled: what happened, and no buttons left to press.</summary>
    public static MessagePayload Settled(Message? shown, string outcome) =>
        new() { Content = outcome, Embeds = shown?.Embeds, Components = [] };

    public static string Stale =>
        "That draft isn't here any more — it was sent, kept to yourself, or is more than a day old, so nothing more was sent. " +
        "Use `/repair` to start again whenever you like.";

    // Block quotes keep the person's words visually theirs; every line is quoted so a newline cannot escape the quote.
    internal static string Quote(string text) => string.Join('\n', text.Split('\n').Select(l => "> " + l));
}
