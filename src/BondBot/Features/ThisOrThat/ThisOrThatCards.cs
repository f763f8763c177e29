using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.ThisOrThat;

/// <summary>How This or that looks. A card shows one pair of options and never anyone's pick; only the reveal, once
/// both partners have picked all five, shows picks.</summary>
public static class ThisOrThatCards
{
    public const string PickPrefix = "tot.pick";
    public const string PlayPrefix = "tot.play";
    public const string Hidden = "Your picks stay hidden until you've both played.";
    private const int Violet = 0x9B59B6;

    /// <summary>One item with its two options as buttons. <paramref name="note"/> replaces the line above the card
    /// (an update must clear the previous one, so it is never left out).</summary>
    public static MessagePayload Card(Run run, RunItem item, string? note = null) => new()
    {
        Content = note ?? "",
        Embeds =
        [
            new Embed
            {
                Title = $"🎲 This or that · {item.Position} of {ThisOrThatPicker.RunLength}",
                Description = $"**{item.Question}**",
                Color = Violet,
                Footer = new EmbedFooter($"Pick one. {Hidden}"),
            },
        ],
        Components =
        [
            Component.Row(
                Component.Button(CustomId.Create(PickPrefix, run.RunId, item.Position, "a"), Label(item.OptionA), ButtonStyle.Primary),
                Component.Button(CustomId.Create(PickPrefix, run.RunId, item.Position, "b"), Label(item.OptionB), ButtonStyle.Primary)),
        ],
    };

    /// <summary>What a person sees when they come to a run: their next item, or where they stand.</summary>
    public static MessagePayload ForTurn(ThisOrThatService.Turn turn, ulong partnerId) => turn switch
    {
        { Outcome: ThisOrThatService.TurnOutcome.Waiting } => Status(Waiting(partnerId)),
        { Run: { } run, Item: { } item } => Card(run, item, turn.Outcome switch
        {
            ThisOrThatService.TurnOutcome.Started => $"Five quick picks — I've invited {PairingMessages.Mention(partnerId)} to play too.",
            _ when turn.Picked == 0 => "Your turn — five quick picks.",
            _ => $"Welcome back — {Plural.Of(ThisOrThatPicker.RunLength - turn.Picked, "pick")} to go.",
        }),
        _ => Status("I couldn't put together five pairs that suit you two right now. Try again in a little while."),
    };

    /// <summary>A plain status in place of the card (no buttons left to press).</summary>
    public static MessagePayload Status(string text) => new() { Content = text, Embeds = [], Components = [] };

    public static string Waiting(ulong partnerId) =>
        $"All five picked ✅ I'll show you both once {PairingMessages.Mention(partnerId)} has played. {Hidden}";

    public static string BothPlayed(ulong partnerId) =>
        $"All five picked — that's both of you done ✨ I'm sending your picks side by side to you and {PairingMessages.Mention(partnerId)} now.";

    /// <summary>The partner's invitation, with <b>Play</b>.</summary>
    public static MessagePayload Invitation(Run run, ulong starterId) => new()
    {
        Content = $"🎲 {PairingMessages.Mention(starterId)} started This or that — five quick picks. {Hidden}",
        Components = [Component.Row(Component.Button(CustomId.Create(PlayPrefix, run.RunId), "Play", ButtonStyle.Success))],
    };

    /// <summary>The reveal for <paramref name="viewerId"/>: every item with both picks, ✨ where they match, how many
    /// matched (never who "won"), and one light follow-up — from an item where you differed when there is one, as
    /// differences are the better conversation.</summary>
    public static MessagePayload Reveal(Run run, IReadOnlyList<RunItem> items, IReadOnlyList<Pick> picks, ulong viewerId, ulong partnerId)
    {
        string? ChoiceOf(ulong userId, RunItem item) => picks.FirstOrDefault(p => p.UserId == userId && p.Position == item.Position)?.Choice;
        var lines = items.Select(item =>
        {
            var (mine, theirs) = (ChoiceOf(viewerId, item), ChoiceOf(partnerId, item));
            var match = mine is not null && mine == theirs;
            return $"**{item.Question}**\nyou: {Option(item, mine)} · {PairingMessages.Mention(partnerId)}: {Option(item, theirs)}{(match ? " ✨" : "")}";
        }).ToList();
        var same = items.Where(i => ChoiceOf(viewerId, i) is { } c && c == ChoiceOf(partnerId, i)).ToList();
        var differ = items.Except(same).ToList();
        // Both partners' copies must end on the same question: chosen by the run, not at random per copy.
        var pool = differ.Count > 0 ? differ : same.Count > 0 ? same : items.ToList();
        var followUp = pool[(int)(run.RunId % pool.Count)].FollowUp;
        var tally = same.Count == 0
            ? $"0 of {items.Count} the same — plenty to talk about"
            : $"{same.Count} of {items.Count} the same ✨";
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "🎲 This or that — side by side",
                    Description = DiscordLimits.Truncate($"{string.Join("\n\n", lines)}\n\n{tally}\n\n**One to talk about:** {followUp}", DiscordLimits.EmbedDescription),
                    Color = Violet,
                    Footer = new EmbedFooter(differ.Count > 0 ? "Where you differ is often where the best stories are." : "All the same — now ask why you each chose it."),
                },
            ],
        };
    }

    private static string Option(RunItem item, string? choice) => choice is null ? "—" : item.Option(choice);

    private static string Label(string option) => DiscordLimits.Truncate(option, DiscordLimits.ButtonLabel);
}
